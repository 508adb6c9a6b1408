namespace MhEmployment.Web.Features.Statistics;

/// <summary>95% and 99.8% confidence limits, in the unit of the value (per cent, per 100,000 …).</summary>
public sealed record Interval(double Lower95, double Upper95, double Lower998, double Upper998)
{
    /// <summary>Both limits at the chosen level.</summary>
    public (double Lower, double Upper) At(ConfidenceLevel level) =>
        level == ConfidenceLevel.NinetyNinePointEight ? (Lower998, Upper998) : (Lower95, Upper95);
}

/// <summary>The two levels every interval carries.</summary>
public enum ConfidenceLevel
{
    NinetyFive,
    NinetyNinePointEight,
}
