using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Statistics;

namespace MhEmployment.Web.Features.Profiles;

/// <summary>The one sentence per indicator that a board paper can quote.</summary>
public static class Narratives
{
    public static string For(string areaName, Indicator indicator, AreaResult result, PeriodComparison comparison, TrendResult trend)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(comparison);
        ArgumentNullException.ThrowIfNull(trend);
        var subject = $"{Possessive(areaName)} figure for {indicator.Name}";
        var period = comparison.Period.Label;
        if (!result.Value.HasValue)
        {
            var why = string.IsNullOrWhiteSpace(result.Value.Note) ? "not available" : $"suppressed ({result.Value.Note})";
            return $"{subject} in {period} is {why}.";
        }
        var value = ValueFormat.WithUnit(result.Value.Value, indicator.Unit);
        return $"{subject}, {value} in {period}, {Standing(indicator, result, comparison)}{TrendClause(trend)}.";
    }

    private static string Standing(Indicator indicator, AreaResult result, PeriodComparison comparison)
    {
        var benchmark = comparison.Benchmark.IsGroup ? "the chosen group's" : Possessive(comparison.BenchmarkName);
        var benchmarkValue = comparison.BenchmarkValue is { HasValue: true } b ? ValueFormat.WithUnit(b.Value, indicator.Unit) : null;
        switch (comparison.Basis)
        {
            case ComparisonBasis.Intervals when result.Comparison is { } c && c.At95 != ComparisonOutcome.NotCompared:
                var judgement = result.Label is ComparisonLabels.Better or ComparisonLabels.Worse
                    ? $" ({result.Label.ToLowerInvariant()})"
                    : "";
                return c.At95 switch
                {
                    ComparisonOutcome.Higher => $"is significantly higher{judgement} than {benchmark} ({benchmarkValue})",
                    ComparisonOutcome.Lower => $"is significantly lower{judgement} than {benchmark} ({benchmarkValue})",
                    _ => $"is similar to {benchmark} ({benchmarkValue})",
                };
            case ComparisonBasis.None when !comparison.Plan.AcrossAreas:
                return $"is a count, not compared with {benchmark} because areas differ in size";
            case ComparisonBasis.Quintiles when result.Label != ComparisonLabels.NotCompared:
                return $"is in the {QuintileWords(result.Label)} fifth of {ComparisonGroups.Name(comparison.Group).ToLowerInvariant()}";
            default:
                return benchmarkValue is null
                    ? $"cannot be compared: {comparison.BenchmarkName} has no value for the same period"
                    : $"is not tested for significance against {benchmark} ({benchmarkValue})";
        }
    }

    private static string QuintileWords(string label) => label switch
    {
        Quintiles.Best => "best",
        Quintiles.Better => "second best",
        Quintiles.Worse => "second worst",
        Quintiles.Worst => "worst",
        Quintiles.Low => "second lowest",
        Quintiles.High => "second highest",
        _ => label.ToLowerInvariant(),
    };

    private static string TrendClause(TrendResult trend) => trend.Label switch
    {
        TrendLabels.Increasing or TrendLabels.IncreasingAndGettingBetter or TrendLabels.IncreasingAndGettingWorse => " and has been increasing",
        TrendLabels.Decreasing or TrendLabels.DecreasingAndGettingBetter or TrendLabels.DecreasingAndGettingWorse => " and has been decreasing",
        TrendLabels.NoSignificantChange => " and has not changed significantly in recent years",
        _ => "",
    };

    public static string Possessive(string name) =>
        name.EndsWith('s') ? name + "'" : name + "'s";
}
