using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Profiles;
using MhEmployment.Web.Features.Statistics;
using static MhEmployment.UnitTests.Profiles.ProfileWorld;

namespace MhEmployment.UnitTests.Profiles;

public sealed class DashboardCsvTests
{
    /// <summary>Rows of a CSV as dictionaries by header (the tables here have no quoted line breaks).</summary>
    private static List<Dictionary<string, string>> Read(string csv)
    {
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var headers = Fields(lines[0]);
        return [.. lines.Skip(1).Select(l => headers.Zip(Fields(l)).ToDictionary(p => p.First, p => p.Second))];
    }

    private static List<string> Fields(string line)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"')
            {
                field.Append('"');
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }
        fields.Add(field.ToString());
        return fields;
    }

    private static (ProfileWorld World, Indicator Rate) World()
    {
        var world = new ProfileWorld();
        var rate = world.Indicator("claimants", type: IndicatorValueType.CrudeRate, interval: IntervalMethod.Byars, multiplier: 1000,
            unit: IndicatorUnit.RatePer1000);
        rate.Name = "=HYPERLINK(\"http://evil.example\")";
        world.Value(rate, England, 2020, 1_085_000, 35_000_000);
        world.Value(rate, London, 2020, 180_000, 6_000_000);
        world.Value(rate, Hackney, 2020, 8_420, 200_000, note: "@SUM(1+1)");
        world.Value(rate, Camden, 2020, 4_000, 200_000);
        world.Value(rate, Islington, 2020, 6_000, 200_000);
        return (world, rate);
    }

    [Fact]
    public void Profile_HasOneRowPerIndicator_WithTheFiguresTheRowShows_Unrounded()
    {
        var (world, _) = World();
        var profile = AreaProfileBuilder.Build(world.Snapshot(), world.Area(Hackney), new BenchmarkChoice([London]), ComparisonGroup.UpperTier);
        var row = profile.Rows.Single();

        var csv = Read(DashboardCsv.Profile(profile).ToString()).Single();

        csv["area_code"].Should().Be(Hackney);
        csv["period"].Should().Be("2020/21");
        csv["unit"].Should().Be("per 1,000");
        csv["value"].Should().Be("42.1");
        csv["lower_95"].Should().Be(row.Value.Interval!.Lower95.ToString("R", System.Globalization.CultureInfo.InvariantCulture));
        csv["interval_source"].Should().Be("computed");
        csv["count"].Should().Be("8420");
        csv["benchmark_code"].Should().Be(London);
        csv["benchmark"].Should().Be("London");
        csv["benchmark_value"].Should().Be("30");
        csv["compared_with_benchmark"].Should().Be(ComparisonLabels.Worse);
        csv["comparison_basis"].Should().Be("confidence intervals");
        csv["recent_trend"].Should().Be(TrendLabels.CannotBeCalculated);
        csv["trend_reason"].Should().Be("fewer than 5 time points (only 1)");
        csv["rank"].Should().Be("1");
        csv["rank_out_of"].Should().Be("3");
        csv["ranked_among"].Should().Be("Counties and unitary authorities (upper tier)");
        csv["spread_worst"].Should().Be("42.1", "low is good: the highest borough is the worst end");
        csv["spread_best"].Should().Be("20");
    }

    [Fact]
    public void TextThatLooksLikeAFormula_IsNeutralised_ButNegativeNumbersStayNumbers()
    {
        var world = new ProfileWorld();
        var gap = world.Indicator("gap", type: IndicatorValueType.Difference, unit: IndicatorUnit.PercentagePoints,
            comparison: ComparisonMethod.None, interval: IntervalMethod.None);
        gap.Name = "+cmd|' /C calc'!A0";
        world.Value(gap, Hackney, 2020, null, null, value: -3.25, note: "-2+3");
        var profile = AreaProfileBuilder.Build(world.Snapshot(), world.Area(Hackney), BenchmarkChoice.Default, ComparisonGroup.UpperTier);

        var text = DashboardCsv.Profile(profile).ToString();
        var csv = Read(text).Single();

        csv["indicator"].Should().Be("'+cmd|' /C calc'!A0");
        csv["note"].Should().Be("'-2+3");
        csv["value"].Should().Be("-3.25");
        csv["unit"].Should().Be("percentage points (pp)");
        csv["trend_reason"].Should().Be("not tested for differences between rates");
    }

    [Fact]
    public void Compare_StartsWithTheBenchmark_ThenTheAreasInThePagesOrder()
    {
        var (world, _) = World();
        var snapshot = world.Snapshot();
        var view = IndicatorViewBuilder.Build(snapshot, snapshot.Indicators[0], null, null, ComparisonGroup.UpperTier, BenchmarkChoice.Default,
            AreaSort.Name, Hackney)!;

        var rows = Read(DashboardCsv.Compare(view).ToString());

        rows.Select(r => r["area_name"]).Should().Equal("England (benchmark)", "Camden", "Hackney", "Islington");
        rows[0]["compared_with_benchmark"].Should().BeEmpty();
        rows.Skip(1).Select(r => r["compared_with_benchmark"]).Should().Equal(view.Sorted.Select(r => r.Label));
        rows.Should().OnlyContain(r => r["indicator"] == "'=HYPERLINK(\"http://evil.example\")" && r["benchmark_value"] == "31");
        rows.Single(r => r["area_code"] == Hackney)["note"].Should().Be("'@SUM(1+1)");
    }

    [Fact]
    public void Overview_HasOneRowPerCell()
    {
        var (world, _) = World();
        var snapshot = world.Snapshot();
        var overview = OverviewBuilder.Build(snapshot, snapshot.Areas[London], BenchmarkChoice.Default);

        var rows = Read(DashboardCsv.Overview(overview).ToString());

        rows.Select(r => r["area_name"]).Should().Equal("Camden", "Hackney", "Islington");
        rows.Should().OnlyContain(r => r["region"] == "London" && r["benchmark"] == "England" && r["unit"] == "per 1,000");
        rows.Select(r => r["compared_with_benchmark"]).Should().Equal(
            overview.Areas.Select(a => overview.Cell(overview.Columns.Single(), a)!.Label));
    }
}
