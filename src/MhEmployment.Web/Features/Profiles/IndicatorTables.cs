namespace MhEmployment.Web.Features.Profiles;

/// <summary>
/// One indicator's lookup tables, shared by its slices: each stored value names its area, period label and note by
/// an index into these instead of holding the text.
/// </summary>
internal sealed class IndicatorTables(
    int indicatorId, IReadOnlyList<string> areaCodes, Dictionary<string, int> areaIndexes,
    IReadOnlyList<string> labels, IReadOnlyList<string?> notes)
{
    public int IndicatorId { get; } = indicatorId;

    public string AreaCode(int area) => areaCodes[area];

    /// <summary>The area's index (case-insensitive), or -1 when the indicator has no value for it.</summary>
    public int AreaIndexOf(string code) => areaIndexes.TryGetValue(code, out var index) ? index : -1;

    public string Label(int label) => labels[label];

    /// <summary>Index 0 is "no note".</summary>
    public string? Note(int note) => notes[note];
}
