using System.Globalization;
using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Statistics;
using Xunit.Abstractions;

namespace MhEmployment.UnitTests.Statistics;

/// <summary>
/// Recomputes two real Fingertips exports (TestData/fingertips, byte-identical copies) from their counts and
/// denominators and checks our limits and "Compared to England" labels against what Fingertips published.
/// What the data showed, and how each series is therefore configured, is in <see cref="SeriesOf"/>.
/// </summary>
public sealed class FingertipsReconciliationTests(ITestOutputHelper output)
{
    private const string Campylobacter = "93356";    // crude rate per 100,000; low is good
    private const string UnmetAlcoholNeed = "93532"; // proportion %; low is good
    private const string Aggregated = "Aggregated from all known lower geography values";

    // Fingertips prints limits to 9–15 significant figures. Its exact-Poisson limits (all-ages series) sit up to
    // 4.3e-7 (relative) from the true χ² quantiles — an iterative inverse with a loose stopping rule — and its Byars
    // limits (0–9 series) agree with z = 1.96 to 7e-10, the digits printed. A relative 1e-6 accepts that, yet still
    // catches a wrong choice: z = Φ⁻¹(0.975) instead of 1.96 moves Byars limits by more than 1e-6 below ~1,300 events
    // (1.5e-4 for one event), and Byars instead of exact differs by more than 1e-6 below ~680 events (by half for one).
    private const double RelativeTolerance = 1e-6;

    private static readonly Lazy<List<FingertipsRow>> AllRows = new(() =>
        [.. FingertipsExport.Read("indicators-CountyUA.data.csv"), .. FingertipsExport.Read("unmet_alcohol.csv")]);

    private static readonly Dictionary<string, string> FingertipsWording = new(StringComparer.Ordinal)
    {
        ["Better"] = ComparisonLabels.Better,
        ["Similar"] = ComparisonLabels.Similar,
        ["Worse"] = ComparisonLabels.Worse,
        ["Higher"] = ComparisonLabels.Higher,
        ["Lower"] = ComparisonLabels.Lower,
        ["Not compared"] = ComparisonLabels.NotCompared,
    };

    private static readonly IntervalOptions ExactPoisson = IntervalOptions.Default with { Poisson = PoissonMethod.Exact };
    private static readonly IntervalOptions ByarsAt196 =
        IntervalOptions.Default with { Poisson = PoissonMethod.Byars, Z95 = 1.96 };

    /// <summary>How a published series is recomputed: polarity, and its limits (null: keep the published ones).</summary>
    private sealed record Series(Polarity Polarity, Func<FingertipsRow, Interval?>? Recalculate);

    /// <summary>
    /// Per series, as found from the data (the implied z of every Byars row was solved for, and exact limits tried):
    /// <list type="bullet">
    /// <item>93356, all ages: exact Poisson for every count, 10 or more included (exact fits all 453 rows to ≤ 4.3e-7;
    /// Byars misses by up to 3.7e-6 at O ≈ 300).</item>
    /// <item>93356, 0–9 yrs: Byars for every count, 1 to 9 included, with z = 1.96 exactly (the implied z of all 302
    /// rows is 1.9600000). No 99.8% limits are published, so the 99.8% z stays at Φ⁻¹(0.999).</item>
    /// <item>93532: Wilson would apply, but the published limits come from the modelled prevalence estimate, not from
    /// Count/Denominator (see <see cref="UnmetAlcoholNeed_PublishedLimitsAreNotWilsonOnCountAndDenominator"/>), so they
    /// are kept as the file supplies them (methods.md: "Where a file supplies its own limits, keep them").</item>
    /// </list>
    /// Both indicators are compared with England at 95% (at 99.8% 108 of the 93356 labels would differ).
    /// </summary>
    private static Series SeriesOf(FingertipsRow row) => (row.IndicatorId, row.Age) switch
    {
        (Campylobacter, "All ages") => new(Polarity.LowIsGood, r => Rate(r, ExactPoisson)),
        (Campylobacter, "0-9 yrs") => new(Polarity.LowIsGood, r => Rate(r, ByarsAt196)),
        (UnmetAlcoholNeed, _) => new(Polarity.LowIsGood, null),
        _ => throw new InvalidDataException($"No method configured for {row}."),
    };

    private static Interval? Rate(FingertipsRow row, IntervalOptions options) =>
        ConfidenceIntervals.CrudeRate(row.Count, row.Denominator, 100_000, options);

    [Fact]
    public void LimitsAndEnglandComparisons_MatchFingertips()
    {
        var rows = AllRows.Value;
        var england = rows.Where(r => r.IsEnglandTotal).ToDictionary(r => (r.IndicatorId, r.Breakdown));
        var mismatches = new List<string>();
        int limitRows = 0, matched = 0;
        var worst = 0.0;

        foreach (var row in rows)
        {
            var series = SeriesOf(row);
            var ok = true;
            if (series.Recalculate is { } recalculate && row.Count is not null && row.Denominator is not null
                && row.Lower95 is not null && row.Upper95 is not null)
            {
                limitRows++;
                var ours = recalculate(row);
                foreach (var (name, published, mine) in PublishedLimits(row, ours))
                {
                    var difference = mine is { } m ? Math.Abs(m - published) / Math.Abs(published) : double.PositiveInfinity;
                    worst = Math.Max(worst, difference);
                    if (!(difference <= RelativeTolerance))
                    {
                        ok = false;
                        mismatches.Add($"{row}: {name} expected {Show(published)}, actual {Show(mine)}");
                    }
                }
            }

            england.TryGetValue((row.IndicatorId, row.Breakdown), out var benchmark);
            var label = Label(row, series, benchmark);
            if (!FingertipsWording.TryGetValue(row.ComparedToEngland, out var expected) || expected != label)
            {
                ok = false;
                mismatches.Add($"{row}: compared to England expected '{row.ComparedToEngland}', actual '{label}'");
            }
            matched += ok ? 1 : 0;
        }

        output.WriteLine($"{rows.Count} rows compared (labels), {limitRows} with limits recomputed; {matched} match both; " +
            $"largest relative difference in a limit {worst:E2}.");
        foreach (var mismatch in mismatches)
        {
            output.WriteLine(mismatch);
        }
        rows.Should().HaveCount(852 + 17, "both files are read whole, quoted line breaks included");
        limitRows.Should().Be(755, "every 93356 row with count, denominator and published limits is recomputed");
        ((double)matched / rows.Count).Should().BeGreaterThanOrEqualTo(
            0.999, $"mismatches ({mismatches.Count}):{Environment.NewLine}{string.Join(Environment.NewLine, mismatches)}");
    }

    [Fact]
    public void RegionComparisons_MatchFingertips()
    {
        // The older layout also carries "Compared to Region value or percentiles"; the region is the row's parent.
        var rows = AllRows.Value;
        var byArea = rows.Where(r => r.CategoryType.Length == 0).ToDictionary(r => (r.IndicatorId, r.AreaCode, r.Breakdown));
        var withRegion = rows.Where(r => r.ComparedToRegion is not null).ToList();
        var mismatches = withRegion
            .Select(row =>
            {
                byArea.TryGetValue((row.IndicatorId, row.ParentCode, row.Breakdown), out var region);
                var label = Label(row, SeriesOf(row), region);
                var same = FingertipsWording.TryGetValue(row.ComparedToRegion!, out var expected) && expected == label;
                return same
                    ? null
                    : $"{row}: compared to region {row.ParentCode} expected '{row.ComparedToRegion}', actual '{label}'";
            })
            .OfType<string>()
            .ToList();

        output.WriteLine($"{withRegion.Count} region labels compared, {withRegion.Count - mismatches.Count} match.");
        withRegion.Should().HaveCount(852);
        mismatches.Should().BeEmpty();
    }

    [Fact]
    public void MethodsMdDefaults_DoNotReproduce93356_WhichIsWhyEachSeriesIsConfigured()
    {
        // Evidence for SeriesOf: with methods.md's rule (Byars from 10, exact below, z = Φ⁻¹(0.975)) many published
        // limits are missed by more than rounding, in both age groups.
        var missed = AllRows.Value
            .Where(r => r.IndicatorId == Campylobacter && r.Count is not null && r.Lower95 is not null)
            .Where(r => PublishedLimits(r, Rate(r, IntervalOptions.Default))
                .Any(l => Math.Abs(l.Ours!.Value - l.Published) > RelativeTolerance * Math.Abs(l.Published)))
            .GroupBy(r => r.Age)
            .ToDictionary(g => g.Key, g => g.Count());

        output.WriteLine(string.Join(", ", missed.Select(m => $"{m.Key}: {m.Value} rows missed with methods.md defaults")));
        missed.Keys.Should().BeEquivalentTo("All ages", "0-9 yrs");
    }

    [Fact]
    public void UnmetAlcoholNeed_PublishedLimitsAreNotWilsonOnCountAndDenominator()
    {
        // The published 95% limits are 2.4 to 43 times as wide as Wilson's on Count/Denominator and miss them by
        // 3 to 10 percentage points. Read as "not in treatment = 1 − treated/N", they imply limits for the modelled
        // number of dependent drinkers N that stay the same from one year to the next (to 0.11%; exactly for four of
        // the seven areas) while the counts change: the uncertainty is the prevalence model's, which the file does
        // not carry. So these limits are kept, not recomputed.
        var rows = AllRows.Value.Where(r => r.IndicatorId == UnmetAlcoholNeed).ToList();

        rows.Should().HaveCount(17);
        foreach (var row in rows)
        {
            var wilson = ConfidenceIntervals.Wilson(row.Count, row.Denominator, 100)!;
            var publishedWidth = row.Upper95!.Value - row.Lower95!.Value;
            (publishedWidth / (wilson.Upper95 - wilson.Lower95)).Should().BeGreaterThan(2, row.ToString());
            Math.Abs(wilson.Lower95 - row.Lower95.Value).Should().BeGreaterThan(2.5, row.ToString());
        }

        static (double Low, double High) ImpliedPrevalence(FingertipsRow r)
        {
            var treated = r.Denominator!.Value - r.Count!.Value;
            return (treated / (1 - r.Lower95!.Value / 100), treated / (1 - r.Upper95!.Value / 100));
        }
        foreach (var area in rows.GroupBy(r => r.AreaCode).Where(g => g.Count() == 2))
        {
            var (first, second) = (ImpliedPrevalence(area.First()), ImpliedPrevalence(area.Last()));
            second.Low.ShouldBeRelativelyClose(first.Low, 0.002, area.Key);
            second.High.ShouldBeRelativelyClose(first.High, 0.002, area.Key);
        }
    }

    /// <summary>Our label for a row against a benchmark row (null: there is none, so not compared).</summary>
    private static string Label(FingertipsRow row, Series series, FingertipsRow? benchmark)
    {
        if (benchmark is null)
        {
            return ComparisonLabels.NotCompared;
        }
        var area = new AreaValue(row.AreaCode, row.Breakdown, row.Value, IntervalFor(row, series));
        var reference = new AreaValue(benchmark.AreaCode, benchmark.Breakdown, benchmark.Value);
        return BenchmarkComparer.Compare(area, reference, series.Polarity).Label95;
    }

    /// <summary>
    /// The interval a row is compared by: ours where the series is recomputed, the file's where it is kept; none for
    /// values aggregated from lower geographies, which Fingertips publishes without limits and does not compare.
    /// </summary>
    private static Interval? IntervalFor(FingertipsRow row, Series series)
    {
        if (row.ValueNote == Aggregated)
        {
            return null;
        }
        if (series.Recalculate is { } recalculate)
        {
            return recalculate(row);
        }
        return row is { Lower95: { } l, Upper95: { } u }
            ? new Interval(l, u, row.Lower998 ?? double.NaN, row.Upper998 ?? double.NaN)
            : null;
    }

    private static IEnumerable<(string Name, double Published, double? Ours)> PublishedLimits(
        FingertipsRow row, Interval? ours)
    {
        if (row.Lower95 is { } l95) yield return ("lower 95%", l95, ours?.Lower95);
        if (row.Upper95 is { } u95) yield return ("upper 95%", u95, ours?.Upper95);
        if (row.Lower998 is { } l998) yield return ("lower 99.8%", l998, ours?.Lower998);
        if (row.Upper998 is { } u998) yield return ("upper 99.8%", u998, ours?.Upper998);
    }

    private static string Show(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? "none";
}
