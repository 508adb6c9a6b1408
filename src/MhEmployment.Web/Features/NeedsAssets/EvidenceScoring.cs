using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Profiles;

namespace MhEmployment.Web.Features.NeedsAssets;

/// <summary>Which linked indicators count towards need: those compared across areas and with a polarity (<see cref="NeedScores"/>).</summary>
public static class EvidenceScoring
{
    /// <summary>Why the indicator never counts towards a need score, or null when it does (once enough areas have values).</summary>
    public static string? NotScoredBecause(Indicator indicator)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        if (!Comparability.For(indicator).AcrossAreas)
        {
            return "Shown but not scored: counts are not compared between areas, which differ in size.";
        }
        return indicator.Polarity == Polarity.NoJudgement
            ? "Shown but not scored: it has no polarity, so a higher value is neither more nor less need."
            : null;
    }
}
