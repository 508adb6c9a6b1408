namespace MhEmployment.Web.Features.Exports;

/// <summary>The sections' names for people and their keys for links and the API ("red-red", "key-charts").</summary>
public static class SummarySections
{
    public static readonly IReadOnlyList<(SummarySection Section, string Key, string Name)> All =
    [
        (SummarySection.Headlines, "headlines", "Headline indicators"),
        (SummarySection.Narrative, "narrative", "What the figures say"),
        (SummarySection.SpineChart, "spine-chart", "Spine chart"),
        (SummarySection.KeyCharts, "key-charts", "Trends of the indicators that most need attention"),
        (SummarySection.RedRed, "red-red", "Red-red list: worse than the benchmark and getting worse"),
        (SummarySection.Assets, "assets", "Asset coverage and need by domain"),
        (SummarySection.RagAnalysis, "rag-analysis", "Latest RAG analysis"),
        (SummarySection.Gaps, "gaps", "Gaps in provision"),
        (SummarySection.Priorities, "priorities", "Priorities and next steps"),
    ];

    public static string Key(SummarySection section) => All.Single(s => s.Section == section).Key;

    public static string Name(SummarySection section) => All.Single(s => s.Section == section).Name;

    /// <summary>
    /// The sections a comma-separated list of keys names (all when none is given); each unknown key is a problem, so a
    /// mistyped section is reported rather than silently dropped.
    /// </summary>
    public static IReadOnlySet<SummarySection> Parse(IEnumerable<string> keys, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var given = keys.SelectMany(k => k.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        if (given.Count == 0)
        {
            return SummaryRequest.AllSections;
        }
        var chosen = new HashSet<SummarySection>();
        foreach (var key in given)
        {
            var match = All.Where(s => string.Equals(s.Key, key, StringComparison.OrdinalIgnoreCase)).Select(s => (SummarySection?)s.Section).FirstOrDefault();
            if (match is { } section)
            {
                chosen.Add(section);
            }
            else
            {
                problems.Add($"'{key}' is not a section of the summary; the sections are {string.Join(", ", All.Select(s => s.Key))}.");
            }
        }
        return chosen;
    }
}
