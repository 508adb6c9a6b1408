using MhEmployment.Web.Domain;

namespace MhEmployment.Web.Features.Profiles;

/// <summary>
/// How an indicator's areas are judged. <paramref name="AcrossAreas"/> says whether values may be set against one
/// another at all (rank, spine); <paramref name="Reason"/> is what a reader is told when they are not compared.
/// </summary>
public sealed record ComparisonPlan(ComparisonBasis Basis, bool AcrossAreas, string? Reason);

/// <summary>Decides whether and how an indicator's values are compared with a benchmark and across areas.</summary>
public static class Comparability
{
    public const string CountsReason = "Counts are not compared: areas differ in size.";
    public const string NotComparedReason = "This indicator is not compared with a benchmark.";

    /// <summary>
    /// A count (people, referrals) has no denominator: a large area simply has more, so set against a benchmark's
    /// total, or banded and ranked with smaller areas, it would only measure size. Counts are therefore never compared,
    /// whatever the catalogue's comparison method says; rates and proportions, which carry a denominator, are
    /// compared by the indicator's method.
    /// </summary>
    public static ComparisonPlan For(Indicator indicator)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        if (indicator.ValueType == IndicatorValueType.Count)
        {
            return new ComparisonPlan(ComparisonBasis.None, AcrossAreas: false, CountsReason);
        }
        return indicator.ComparisonMethod switch
        {
            ComparisonMethod.ConfidenceIntervals => new ComparisonPlan(ComparisonBasis.Intervals, true, null),
            ComparisonMethod.Quintiles => new ComparisonPlan(ComparisonBasis.Quintiles, true, null),
            _ => new ComparisonPlan(ComparisonBasis.None, true, NotComparedReason),
        };
    }
}
