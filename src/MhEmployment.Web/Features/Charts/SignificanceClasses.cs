using MhEmployment.Web.Features.Statistics;

namespace MhEmployment.Web.Features.Charts;

/// <summary>
/// The one place that turns a comparison or quintile label into a CSS class (colours live in charts.css). Each
/// class sets fill for SVG and background and text colour for HTML, so a table cell can use it too.
/// </summary>
public static class SignificanceClasses
{
    public const string None = "sig-none";

    // Quintile labels with polarity (Best … Worst) share the words, and the colours, of the interval comparison:
    // they carry the same meaning. Neutral quintiles use the sequential q1..q5 scale; Middle is q3 in both.
    private static readonly Dictionary<string, string> Classes = new(StringComparer.OrdinalIgnoreCase)
    {
        [ComparisonLabels.Best] = "sig-best",
        [ComparisonLabels.Better] = "sig-better",
        [ComparisonLabels.Similar] = "sig-similar",
        [ComparisonLabels.Worse] = "sig-worse",
        [ComparisonLabels.Worst] = "sig-worst",
        [ComparisonLabels.Higher] = "sig-higher",
        [ComparisonLabels.Lower] = "sig-lower",
        [ComparisonLabels.NotCompared] = None,
        [Quintiles.Lowest] = "q1",
        [Quintiles.Low] = "q2",
        [Quintiles.Middle] = "q3",
        [Quintiles.High] = "q4",
        [Quintiles.Highest] = "q5",
    };

    /// <summary>The order legends list labels in: strongest good to strongest bad, then neutral, then quintiles.</summary>
    internal static readonly string[] LegendOrder =
    [
        ComparisonLabels.Best, ComparisonLabels.Better, ComparisonLabels.Similar, ComparisonLabels.Worse, ComparisonLabels.Worst,
        ComparisonLabels.Higher, ComparisonLabels.Lower,
        Quintiles.Lowest, Quintiles.Low, Quintiles.Middle, Quintiles.High, Quintiles.Highest,
        ComparisonLabels.NotCompared,
    ];

    /// <summary>The class for a label; unknown or empty labels are "not compared" (sig-none).</summary>
    public static string For(string? label) =>
        label is not null && Classes.TryGetValue(label.Trim(), out var css) ? css : None;

    /// <summary>The sequential class for a quintile band number (1 = lowest values … 5 = highest); sig-none otherwise.</summary>
    public static string ForBand(int? band) => band is >= 1 and <= 5 ? $"q{band}" : None;
}
