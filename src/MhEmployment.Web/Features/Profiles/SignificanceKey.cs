using MhEmployment.Web.Features.Charts;
using MhEmployment.Web.Features.Statistics;

namespace MhEmployment.Web.Features.Profiles;

/// <summary>
/// The legend of a dashboard page: every comparison or quintile label the page shows, under the basis it came from,
/// with what it means there, and the rest of the scale it belongs to (as Fingertips' key shows Better, Similar and
/// Worse together). The same word can mean two things ("Better" by intervals is a significant difference, by
/// quintiles the second-best fifth), so labels are explained per basis, and only bases the page uses appear.
/// </summary>
public static class SignificanceKey
{
    private static readonly string[][] IntervalScales =
    [
        [ComparisonLabels.Better, ComparisonLabels.Similar, ComparisonLabels.Worse],
        [ComparisonLabels.Higher, ComparisonLabels.Similar, ComparisonLabels.Lower],
    ];

    private static readonly string[][] QuintileScales =
    [
        [Quintiles.Best, Quintiles.Better, Quintiles.Middle, Quintiles.Worse, Quintiles.Worst],
        [Quintiles.Lowest, Quintiles.Low, Quintiles.Middle, Quintiles.High, Quintiles.Highest],
    ];

    private static readonly (string Label, string Meaning)[] IntervalMeanings =
    [
        (ComparisonLabels.Best, "significantly better than the benchmark, at 99.8% as well as 95%"),
        (ComparisonLabels.Better, "significantly better than the benchmark"),
        (ComparisonLabels.Similar, "not significantly different from the benchmark"),
        (ComparisonLabels.Worse, "significantly worse than the benchmark"),
        (ComparisonLabels.Worst, "significantly worse than the benchmark, at 99.8% as well as 95%"),
        (ComparisonLabels.Higher, "significantly higher than the benchmark (neither higher nor lower is better)"),
        (ComparisonLabels.Lower, "significantly lower than the benchmark (neither higher nor lower is better)"),
        (ComparisonLabels.NotCompared, "no value or confidence interval for the area, or no benchmark value for the same period"),
    ];

    private static readonly (string Label, string Meaning)[] QuintileMeanings =
    [
        (Quintiles.Best, "in the best fifth of the areas compared"),
        (Quintiles.Better, "in the second-best fifth"),
        (Quintiles.Lowest, "in the fifth of the areas compared with the lowest values"),
        (Quintiles.Low, "in the second-lowest fifth"),
        (Quintiles.Middle, "in the middle fifth"),
        (Quintiles.High, "in the second-highest fifth"),
        (Quintiles.Highest, "in the fifth with the highest values"),
        (Quintiles.Worse, "in the second-worst fifth"),
        (Quintiles.Worst, "in the worst fifth"),
        (ComparisonLabels.NotCompared, $"no value, or fewer than {Quintiles.MinimumValues} areas with a value to divide into fifths"),
    ];

    public const string StrictNote =
        "\u201CWorse at 99.8%\u201D and the like give the stricter 99.8% comparison where it differs; \u201Calso at 99.8%\u201D means it agrees.";

    /// <summary>The key for an area's dashboard: its rows' labels, and the 99.8% notes its comparison column shows.</summary>
    public static IReadOnlyList<LegendGroup> For(AreaProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var strict = profile.Rows.Any(r => StrictHint(r.Result, r.Comparison.Basis) is not null);
        return For(profile.BenchmarkName, profile.Rows.Select(r => (r.Comparison.Basis, r.Result.Label)), strict);
    }

    /// <summary>
    /// The 99.8% note beside a 95% label on the dashboard: the stricter label where it differs ("Similar at 99.8%"),
    /// "also at 99.8%" where a significant difference holds there too; null otherwise.
    /// </summary>
    public static string? StrictHint(AreaResult result, ComparisonBasis basis)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (basis != ComparisonBasis.Intervals || result.Comparison is not { } c)
        {
            return null;
        }
        if (result.Label998 is { } strict && !string.Equals(strict, result.Label, StringComparison.Ordinal))
        {
            return $"{strict} at 99.8%";
        }
        return c.At95 is ComparisonOutcome.Higher or ComparisonOutcome.Lower ? "also at 99.8%" : null;
    }

    /// <summary>The key for an indicator's page: the compared areas (chart and table), the maps and the time series.</summary>
    public static IReadOnlyList<LegendGroup> For(IndicatorView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var basis = view.Comparison.Basis;
        var labels = view.Sorted.Select(r => r.Label)
            .Concat(view.UpperTier.ComparisonSet.Select(r => r.Label))
            .Concat(view.Series.Where(s => s.IsPrimary).SelectMany(s => s.Points).Where(p => p.Value is not null).Select(p => p.Label));
        return For(view.Comparison.BenchmarkName, labels.Select(l => (basis, l)), strict: false);
    }

    /// <summary>The key for a region's heat map: every cell's label under its column's basis.</summary>
    public static IReadOnlyList<LegendGroup> For(Overview overview)
    {
        ArgumentNullException.ThrowIfNull(overview);
        var shown = overview.Columns.SelectMany(c => overview.Areas
            .Select(a => overview.Cell(c, a))
            .OfType<AreaResult>()
            .Select(r => (c.Comparison.Basis, r.Label)));
        return For(overview.BenchmarkName, shown, strict: false);
    }

    /// <summary>Groups in a fixed order (intervals, quintiles, not compared), each listing the labels shown in it.</summary>
    public static IReadOnlyList<LegendGroup> For(string benchmarkName, IEnumerable<(ComparisonBasis Basis, string Label)> shown, bool strict)
    {
        ArgumentNullException.ThrowIfNull(shown);
        var byBasis = shown.Where(s => !string.IsNullOrWhiteSpace(s.Label))
            .GroupBy(s => s.Basis)
            .ToDictionary(g => g.Key, g => g.Select(s => s.Label.Trim()).ToHashSet(StringComparer.OrdinalIgnoreCase));
        var groups = new List<LegendGroup>();
        if (byBasis.TryGetValue(ComparisonBasis.Intervals, out var intervals))
        {
            groups.Add(new LegendGroup($"Compared with {benchmarkName}, by 95% confidence interval",
                Entries(IntervalMeanings, IntervalScales, intervals), strict ? StrictNote : null));
        }
        if (byBasis.TryGetValue(ComparisonBasis.Quintiles, out var quintiles))
        {
            groups.Add(new LegendGroup("Quintiles: where the value falls among the areas compared (indicators without confidence intervals)",
                Entries(QuintileMeanings, QuintileScales, quintiles)));
        }
        var others = byBasis.Where(b => b.Key is not (ComparisonBasis.Intervals or ComparisonBasis.Quintiles))
            .SelectMany(b => b.Value).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (others.Count > 0)
        {
            groups.Add(new LegendGroup("Indicators that are not compared",
                [.. Legend.Ordered(others).Select(l => new LegendEntry(l,
                    string.Equals(l, ComparisonLabels.NotCompared, StringComparison.OrdinalIgnoreCase)
                        ? "not tested against a benchmark or ranked in quintiles"
                        : ""))]));
        }
        return groups;
    }

    /// <summary>
    /// The entries of one basis: each scale that has a shown word other than the middle one the scales share, whole
    /// and in its order (a lone "Similar" or "Middle" brings the first scale, the one with better and worse), then any
    /// other shown label ("Not compared") in the meanings' order, then labels the table does not know, as they are.
    /// </summary>
    private static List<LegendEntry> Entries((string Label, string Meaning)[] meanings, string[][] scales, HashSet<string> shown)
    {
        var middles = scales.Select(scale => scale[scale.Length / 2]).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var chosen = scales.Where(scale => scale.Any(l => shown.Contains(l) && !middles.Contains(l))).ToList();
        if (chosen.Count == 0 && shown.Overlaps(middles))
        {
            chosen.Add(scales[0]);
        }
        var labels = chosen.SelectMany(scale => scale)
            .Concat(meanings.Select(m => m.Label).Where(shown.Contains))
            .Concat(shown.Where(l => !meanings.Any(m => string.Equals(m.Label, l, StringComparison.OrdinalIgnoreCase))).Order(StringComparer.Ordinal))
            .Distinct(StringComparer.OrdinalIgnoreCase);
        return [.. labels.Select(l => new LegendEntry(l,
            meanings.FirstOrDefault(m => string.Equals(m.Label, l, StringComparison.OrdinalIgnoreCase)).Meaning ?? ""))];
    }
}
