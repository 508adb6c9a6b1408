using MhEmployment.Web.Domain;

namespace MhEmployment.Web.Features.Statistics;

/// <summary>The exact recent-trend words (methods.md, as Fingertips shows them).</summary>
public static class TrendLabels
{
    public const string IncreasingAndGettingBetter = "Increasing and getting better";
    public const string IncreasingAndGettingWorse = "Increasing and getting worse";
    public const string DecreasingAndGettingBetter = "Decreasing and getting better";
    public const string DecreasingAndGettingWorse = "Decreasing and getting worse";
    public const string Increasing = "Increasing";
    public const string Decreasing = "Decreasing";
    public const string NoSignificantChange = "No significant change";
    public const string CannotBeCalculated = "Cannot be calculated";
}

/// <summary>
/// Why a trend "Cannot be calculated", in words a reader understands. Fingertips shows the bare label on every such
/// row; a commissioner needs to know whether more data would help or the measure is never tested.
/// </summary>
public static class TrendReasons
{
    public const string NoValues = "no values for this area";
    public const string NotConsecutive = "the latest 5 time points are not consecutive years";
    public const string NoCountsAndDenominators = "no counts and denominators to test";
    public const string NoIntervals = "no confidence intervals to test";

    public static string TooFewPoints(int points) =>
        points == 0 ? NoValues : $"fewer than {RecentTrend.Points} time points (only {points})";

    public static string NotTestedFor(IndicatorValueType valueType) => valueType switch
    {
        IndicatorValueType.Count => "not tested for counts without a denominator",
        IndicatorValueType.DirectlyStandardisedRate => "not tested for directly standardised rates",
        IndicatorValueType.Difference => "not tested for differences between rates",
        _ => "not tested for this kind of value",
    };

    public static string NotYearly(PeriodType periodType) => periodType switch
    {
        PeriodType.Quarter => "tested on yearly values only, not quarters",
        PeriodType.Month => "tested on yearly values only, not months",
        PeriodType.RollingYear => "tested on calendar or financial years only, not rolling 12-month periods",
        _ => "tested on calendar or financial years only",
    };
}
