using System.Globalization;

namespace MhEmployment.Web.Features.NeedsAssets;

/// <summary>The words, numbers and classes the comparison's pages, API and exports share.</summary>
public static class NeedsAssetsText
{
    public static string Level(NeedLevel level) => level switch
    {
        NeedLevel.High => "High need",
        NeedLevel.Medium => "Medium need",
        NeedLevel.Low => "Low need",
        _ => "Insufficient data",
    };

    /// <summary>For the API: high, medium, low or insufficient-data.</summary>
    public static string LevelKey(NeedLevel level) => level switch
    {
        NeedLevel.High => "high",
        NeedLevel.Medium => "medium",
        NeedLevel.Low => "low",
        _ => "insufficient-data",
    };

    public static string LevelClass(NeedLevel level) => "need-" + LevelKey(level);

    /// <summary>A composite or standardised score with its sign: "+0.84", "−0.31".</summary>
    public static string Score(double? score) => score is { } s
        ? (s >= 0 ? "+" : "−") + Math.Abs(s).ToString("0.00", CultureInfo.InvariantCulture)
        : "–";

    /// <summary>"3 of 5 indicators" (the scored ones the area has values for).</summary>
    public static string Confidence(DomainNeed need)
    {
        ArgumentNullException.ThrowIfNull(need);
        return need.Scored > 0 ? $"{need.Available} of {need.Scored} indicator{(need.Scored == 1 ? "" : "s")}"
            : need.Indicators.Count == 0 ? "no indicator linked"
            : "no linked indicator has values for enough areas";
    }

    public static string Share(double share) => share.ToString("P0", CultureInfo.InvariantCulture).Replace(" ", "", StringComparison.Ordinal);

    /// <summary>"40% covered (2 gaps of 5 items)", or why there is no figure.</summary>
    public static string Coverage(DomainCoverageScore? coverage) => coverage switch
    {
        null => "No coverage: the area is not one assets are mapped to",
        { Items: 0 } => "No checklist items in this domain",
        var c => $"{Share(c.Share)} covered ({c.Gaps} gap{(c.Gaps == 1 ? "" : "s")} of {c.Items} item{(c.Items == 1 ? "" : "s")}"
            + (c.NotRated > 0 ? $"; {c.NotRated} not yet rated" : "") + ")",
    };

    /// <summary>The gap between need and coverage as points out of 100: "+42".</summary>
    public static string Gap(double? gap) => gap is { } g
        ? (g >= 0 ? "+" : "−") + Math.Abs(Math.Round(g * 100)).ToString("0", CultureInfo.InvariantCulture)
        : "–";
}
