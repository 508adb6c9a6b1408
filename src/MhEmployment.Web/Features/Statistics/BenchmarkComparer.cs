using MhEmployment.Web.Domain;

namespace MhEmployment.Web.Features.Statistics;

/// <summary>An area against a benchmark at both levels, with the labels for each way of showing it.</summary>
public sealed record BenchmarkComparison(ComparisonOutcome At95, ComparisonOutcome At998, Polarity Polarity)
{
    public static BenchmarkComparison NotCompared(Polarity polarity) =>
        new(ComparisonOutcome.NotCompared, ComparisonOutcome.NotCompared, polarity);

    /// <summary>"Better" / "Similar" / "Worse" (or "Higher" / "Lower") by the 95% interval.</summary>
    public string Label95 => ComparisonLabels.For(At95, Polarity);

    /// <summary>The stricter test, by the 99.8% interval.</summary>
    public string Label998 => ComparisonLabels.For(At998, Polarity);

    /// <summary>Outside 99.8%: "Best"/"Worst"; outside 95% only: "Better"/"Worse"; else "Similar".</summary>
    public string LabelBothLevels => ComparisonLabels.ForBothLevels(At95, At998, Polarity);
}

/// <summary>Compares an area's interval with a benchmark's value (England, region or a chosen group).</summary>
public static class BenchmarkComparer
{
    /// <summary>
    /// The benchmark's value inside the area's interval is Similar; otherwise Higher or Lower by side.
    /// "Not compared" when either value or the area's interval is missing, when the two values are for different
    /// breakdowns (period, sex, age), or when the area is the benchmark itself.
    /// </summary>
    public static BenchmarkComparison Compare(AreaValue area, AreaValue benchmark, Polarity polarity)
    {
        ArgumentNullException.ThrowIfNull(area);
        ArgumentNullException.ThrowIfNull(benchmark);
        if (area.IsSameAreaAs(benchmark) || area.Breakdown != benchmark.Breakdown
            || !area.HasValue || !benchmark.HasValue || area.Interval is not { } interval)
        {
            return BenchmarkComparison.NotCompared(polarity);
        }

        var value = benchmark.Value!.Value;
        return new BenchmarkComparison(
            Outcome(interval.At(ConfidenceLevel.NinetyFive), value),
            Outcome(interval.At(ConfidenceLevel.NinetyNinePointEight), value),
            polarity);
    }

    private static ComparisonOutcome Outcome((double Lower, double Upper) limits, double benchmark)
    {
        if (!double.IsFinite(limits.Lower) || !double.IsFinite(limits.Upper))
        {
            return ComparisonOutcome.NotCompared;
        }
        if (limits.Lower > benchmark)
        {
            return ComparisonOutcome.Higher;
        }
        return limits.Upper < benchmark ? ComparisonOutcome.Lower : ComparisonOutcome.Similar;
    }

    /// <summary>
    /// Every area of a comparison set against one benchmark, keyed by area code. The benchmark's own entry, if the set
    /// holds it, comes out "Not compared" like any self-comparison.
    /// </summary>
    public static IReadOnlyDictionary<string, BenchmarkComparison> CompareAll(
        IReadOnlyCollection<AreaValue> comparisonSet, AreaValue benchmark, Polarity polarity)
    {
        ArgumentNullException.ThrowIfNull(comparisonSet);
        ComparisonSets.Guard(comparisonSet);
        return comparisonSet.ToDictionary(
            area => area.AreaCode, area => Compare(area, benchmark, polarity), StringComparer.OrdinalIgnoreCase);
    }
}
