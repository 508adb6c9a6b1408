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
