namespace MhEmployment.Web.Features.Exports;

/// <summary>
/// What a reader asked the summary for: the benchmark (as the dashboards take it: "E92000001", a region's code or a
/// list of codes), the weighting scheme, the sections and the indicators (keys; none means every indicator).
/// </summary>
public sealed record SummaryRequest(string? Benchmark, string? Scheme, IReadOnlySet<SummarySection> Sections, IReadOnlyList<string> Indicators)
{
    public static readonly IReadOnlySet<SummarySection> AllSections = new HashSet<SummarySection>(Enum.GetValues<SummarySection>());

    /// <summary>Whether the indicator is wanted: every one when none was chosen.</summary>
    public bool Wants(string indicatorKey) =>
        Indicators.Count == 0 || Indicators.Contains(indicatorKey, StringComparer.OrdinalIgnoreCase);
}

/// <summary>A built summary and what in the request could not be honoured (said on the page, not guessed at silently).</summary>
public sealed record SummaryResult(NeedsSummary Summary, IReadOnlyList<string> Problems);
