using MhEmployment.Web.Domain;

namespace MhEmployment.Web.Features.Statistics;

/// <summary>
/// One single-year point of a series; <see cref="Year"/> is the year it starts in (2019/20 is 2019). Proportions need
/// <see cref="Count"/> and <see cref="Denominator"/>; other values need <see cref="Value"/> and the 95% limits.
/// </summary>
public sealed record TrendPoint(
    int Year,
    double? Value,
    double? Count = null,
    double? Denominator = null,
    double? Lower95 = null,
    double? Upper95 = null);

/// <summary>
/// The trend label, its χ² (1 df) and its slope per year (on the logit scale for proportions); for "Cannot be
/// calculated", <see cref="Reason"/> says why (see <see cref="TrendReasons"/>).
/// </summary>
public sealed record TrendResult(string Label, double? ChiSquared = null, double? Slope = null, string? Reason = null)
{
    public static TrendResult CannotBeCalculated(string reason) => new(TrendLabels.CannotBeCalculated, Reason: reason);
}

/// <summary>Recent trend over the last five single-year points (methods.md).</summary>
public static class RecentTrend
{
    /// <summary>How many of the latest points are tested.</summary>
    public const int Points = 5;

    /// <summary>χ² with 1 degree of freedom at 99.8%.</summary>
    public const double Threshold = 9.5495;

    /// <summary>
    /// Proportions: chi-squared test for linear trend; crude rates: weighted least squares with w = 1/SE²,
    /// SE = (upper95 − lower95)/3.92. Significant when χ² &gt; 9.5495 and the slope keeps its sign when each point is
    /// left out in turn. Only proportions and crude rates for calendar or financial years; the last five points must be
    /// valid and for consecutive years. Anything else gives "Cannot be calculated", with the first reason that applies.
    /// </summary>
    public static TrendResult Assess(
        IReadOnlyCollection<TrendPoint> series, IndicatorValueType valueType, PeriodType periodType, Polarity polarity)
    {
        ArgumentNullException.ThrowIfNull(series);
        if (valueType is not (IndicatorValueType.Proportion or IndicatorValueType.CrudeRate))
        {
            return TrendResult.CannotBeCalculated(TrendReasons.NotTestedFor(valueType));
        }
        if (periodType is not (PeriodType.CalendarYear or PeriodType.FinancialYear))
        {
            return TrendResult.CannotBeCalculated(TrendReasons.NotYearly(periodType));
        }
        if (series.Count < Points)
        {
            return TrendResult.CannotBeCalculated(TrendReasons.TooFewPoints(series.Count));
        }

        var latest = series.OrderBy(p => p.Year).TakeLast(Points).ToList();
        for (var i = 1; i < latest.Count; i++)
        {
            if (latest[i].Year != latest[i - 1].Year + 1)
            {
                return TrendResult.CannotBeCalculated(TrendReasons.NotConsecutive);
            }
        }

        var proportion = valueType == IndicatorValueType.Proportion;
        var test = proportion ? ProportionTrend.Test(latest) : WeightedTrend.Test(latest);
        if (test is not { } t)
        {
            return TrendResult.CannotBeCalculated(proportion ? TrendReasons.NoCountsAndDenominators : TrendReasons.NoIntervals);
        }
        var significant = t.ChiSquared > Threshold && t.Direction != 0 && t.LeaveOneOutSigns.All(s => s == t.Direction);
        var label = significant ? Label(t.Direction, polarity) : TrendLabels.NoSignificantChange;
        return new TrendResult(label, t.ChiSquared, t.Slope);
    }

    private static string Label(int direction, Polarity polarity) => (direction > 0, polarity) switch
    {
        (true, Polarity.HighIsGood) => TrendLabels.IncreasingAndGettingBetter,
        (true, Polarity.LowIsGood) => TrendLabels.IncreasingAndGettingWorse,
        (true, _) => TrendLabels.Increasing,
        (false, Polarity.HighIsGood) => TrendLabels.DecreasingAndGettingWorse,
        (false, Polarity.LowIsGood) => TrendLabels.DecreasingAndGettingBetter,
        (false, _) => TrendLabels.Decreasing,
    };
}

/// <summary>What a trend test found: χ², the sign of the trend and the signs of the leave-one-out slopes.</summary>
internal readonly record struct TrendTest(
    double ChiSquared, int Direction, double Slope, IReadOnlyList<int> LeaveOneOutSigns);
