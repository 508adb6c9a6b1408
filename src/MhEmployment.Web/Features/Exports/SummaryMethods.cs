namespace MhEmployment.Web.Features.Exports;

/// <summary>How the summary's figures were worked out, in the words a board paper's methods note needs.</summary>
public static class SummaryMethods
{
    public static IReadOnlyList<string> For(string benchmarkName, string schemeName, string? groupName) =>
    [
        $"Each indicator's latest period is compared with {benchmarkName}: the benchmark's value inside the area's 95% confidence interval is "
            + "\"similar\", otherwise better or worse by the indicator's polarity. Intervals are supplied with the data where the source gives them, "
            + "otherwise computed: Wilson score for proportions, Byars (exact Poisson below 10) for counts and crude rates, Dobson for directly standardised rates. "
            + "Indicators without intervals are placed in quintiles instead.",
        "Recent trends use the last five single-year points: a chi-squared test for linear trend for proportions, weighted least squares otherwise, "
            + "significant at 99.8% when the direction holds with each point left out in turn.",
        $"Ranks and spine charts are among {(groupName ?? "the comparison group").ToLowerInvariant()}; rank 1 is the highest value. "
            + "A spine runs from the worst to the best value with the benchmark in the middle and the middle half shaded darker.",
        "The red-red list holds the indicators significantly worse than the benchmark and getting worse.",
        $"Need in each checklist domain is the weighted mean of the standardised scores (z-scores across England's upper-tier authorities, signed so that "
            + $"higher means more need) of the indicators linked to it, weighted by the \"{schemeName}\" scheme; its level is high, medium or low by the scheme's rule. "
            + "Coverage is the share of the domain's checklist items with provision, weighted by rating (the latest RAG analysis where an item has one, "
            + "else the assets' best rating: 1 counts whole, 2 half, 3 or no provision nothing).",
    ];
}
