using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Charts;
using MhEmployment.Web.Features.Profiles;
using MhEmployment.Web.Features.Statistics;
using static MhEmployment.UnitTests.Profiles.ProfileWorld;

namespace MhEmployment.UnitTests.Profiles;

public sealed class SignificanceKeyTests
{
    /// <summary>Hackney with an interval-compared rate (Worse), a neutral quintile indicator (High) and a polar one.</summary>
    private static AreaProfile MixedDashboard()
    {
        var world = new ProfileWorld();
        var rate = world.Indicator("claimants");
        world.Value(rate, England, 2020, 200_000, 1_000_000);
        world.Value(rate, Hackney, 2020, 3_000, 10_000);
        var neutral = world.Indicator("prevalence", comparison: ComparisonMethod.Quintiles, interval: IntervalMethod.None, polarity: Polarity.NoJudgement);
        var gap = world.Indicator("gap", comparison: ComparisonMethod.Quintiles, interval: IntervalMethod.None, polarity: Polarity.LowIsGood,
            type: IndicatorValueType.Difference, unit: IndicatorUnit.PercentagePoints);
        for (var n = 1; n <= 9; n++)
        {
            var code = $"E090000{40 + n}";
            world.AddArea(code, $"Borough {n}", AreaKind.LondonBorough, London);
            world.Value(neutral, code, 2020, null, null, value: n);
            world.Value(gap, code, 2020, null, null, value: n);
        }
        world.Value(neutral, Hackney, 2020, null, null, value: 7.5);
        world.Value(gap, Hackney, 2020, null, null, value: 1.5);
        return AreaProfileBuilder.Build(world.Snapshot(), world.Area(Hackney), BenchmarkChoice.Default, ComparisonGroup.UpperTier);
    }

    [Fact]
    public void EveryBadgeTheDashboardShows_IsInItsKey_UnderTheBasisItCameFrom()
    {
        var profile = MixedDashboard();

        var key = SignificanceKey.For(profile);

        profile.Rows.Select(r => r.Result.Label).Should().Equal(ComparisonLabels.Worse, Quintiles.Best, Quintiles.High);
        key.Select(g => g.Heading).Should().Equal(
            "Compared with England, by 95% confidence interval",
            "Quintiles: where the value falls among the areas compared (indicators without confidence intervals)");
        key[0].Entries.Select(e => e.Label).Should().Equal(["Better", "Similar", "Worse"], "the scale Worse belongs to is shown whole");
        key[0].Entries[2].Should().Be(new LegendEntry("Worse", "significantly worse than the benchmark"));
        key[1].Entries.Select(e => e.Label).Should().Equal("Best", "Better", "Middle", "Worse", "Worst", "Lowest", "Low", "High", "Highest");
        key[1].Entries.Single(e => e.Label == "High").Meaning.Should().Be("in the second-highest fifth");
        key[0].Note.Should().Be(SignificanceKey.StrictNote, "Hackney's row says \"also at 99.8%\"");
    }

    [Fact]
    public void TheSameWord_IsExplainedByEachBasisThatUsesIt()
    {
        var key = SignificanceKey.For("England",
            [(ComparisonBasis.Intervals, "Better"), (ComparisonBasis.Quintiles, "Better"), (ComparisonBasis.Quintiles, "Not compared")], strict: false);

        key[0].Entries.Single(e => e.Label == "Better").Meaning.Should().Be("significantly better than the benchmark");
        key[1].Entries.Single(e => e.Label == "Better").Meaning.Should().Be("in the second-best fifth");
        key[1].Entries.Single(e => e.Label == "Not compared").Meaning.Should().Be("no value, or fewer than 5 areas with a value to divide into fifths");
        key[0].Note.Should().BeNull();
    }

    [Fact]
    public void AnIndicatorThatIsNotCompared_AndAnUnknownLabel_StillAppearInTheKey()
    {
        var key = SignificanceKey.For("London",
            [(ComparisonBasis.None, "Not compared"), (ComparisonBasis.Intervals, "Rising"), (ComparisonBasis.Intervals, "Similar")], strict: false);

        key.Select(g => g.Heading).Should().Equal("Compared with London, by 95% confidence interval", "Indicators that are not compared");
        key[0].Entries.Select(e => e.Label).Should().Equal("Better", "Similar", "Worse", "Rising");
        key[1].Entries.Single().Should().Be(new LegendEntry("Not compared", "not tested against a benchmark or ranked in quintiles"));
    }

    [Fact]
    public void AScale_IsShownWhole_OnlyWhereThePageUsesIt()
    {
        static IEnumerable<string> Labels(ComparisonBasis basis, params string[] shown) =>
            SignificanceKey.For("England", shown.Select(l => (basis, l)), strict: false).Single().Entries.Select(e => e.Label);

        Labels(ComparisonBasis.Intervals, "Higher").Should().Equal("Higher", "Similar", "Lower");
        Labels(ComparisonBasis.Intervals, "Similar").Should().Equal("Better", "Similar", "Worse");
        Labels(ComparisonBasis.Intervals, "Not compared").Should().Equal("Not compared");
        Labels(ComparisonBasis.Quintiles, "High").Should().Equal("Lowest", "Low", "Middle", "High", "Highest");
    }

    [Theory]
    [InlineData(ComparisonLabels.Better)]
    [InlineData(ComparisonLabels.Similar)]
    [InlineData(ComparisonLabels.Worse)]
    [InlineData(ComparisonLabels.Higher)]
    [InlineData(ComparisonLabels.Lower)]
    [InlineData(ComparisonLabels.NotCompared)]
    public void EveryIntervalLabel_HasAMeaning(string label) =>
        SignificanceKey.For("England", [(ComparisonBasis.Intervals, label)], strict: false)[0].Entries.Single(e => e.Label == label).Meaning.Should().NotBeEmpty();

    [Theory]
    [InlineData(Quintiles.Lowest)]
    [InlineData(Quintiles.Low)]
    [InlineData(Quintiles.Middle)]
    [InlineData(Quintiles.High)]
    [InlineData(Quintiles.Highest)]
    [InlineData(Quintiles.Best)]
    [InlineData(Quintiles.Better)]
    [InlineData(Quintiles.Worse)]
    [InlineData(Quintiles.Worst)]
    [InlineData(ComparisonLabels.NotCompared)]
    public void EveryQuintileLabel_HasAMeaning(string label) =>
        SignificanceKey.For("England", [(ComparisonBasis.Quintiles, label)], strict: false)[0].Entries.Single(e => e.Label == label).Meaning.Should().NotBeEmpty();

    [Fact]
    public void IndicatorPageKey_CoversTheChartTheMapsAndTheTimeSeries()
    {
        var world = new ProfileWorld();
        var i = world.Indicator("claimants");
        world.Value(i, England, 2019, 20_000, 100_000);
        world.Value(i, England, 2020, 20_000, 100_000);
        world.Value(i, Hackney, 2019, 100, 1_000);  // 10%: Better than 20% in 2019 (low is good)
        world.Value(i, Hackney, 2020, 300, 1_000);  // 30%: Worse in 2020
        world.Value(i, Camden, 2020, 200, 1_000);   // 20%: Similar
        var snapshot = world.Snapshot();
        var view = IndicatorViewBuilder.Build(snapshot, snapshot.Indicators[0], null, null, ComparisonGroup.UpperTier,
            BenchmarkChoice.Default, AreaSort.Value, Hackney)!;

        var labels = SignificanceKey.For(view).SelectMany(g => g.Entries).Select(e => e.Label);

        labels.Should().Equal("Better", "Similar", "Worse");
        SignificanceKey.For(view).Single().Entries.Should().HaveCount(3, "Better (2019 in the series), Similar (Camden) and Worse (Hackney) are all shown");
    }
}
