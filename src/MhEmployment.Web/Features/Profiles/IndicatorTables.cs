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

    /// <summary>The tables as held, for <see cref="IndicatorValuesFile"/>.</summary>
    public (IReadOnlyList<string> AreaCodes, IReadOnlyList<string> Labels, IReadOnlyList<string?> Notes) Contents => (areaCodes, labels, notes);

    /// <summary>Tables that keep every index of these and take new entries after them, so slices built on these stay valid with them.</summary>
    public Growing Extend() => new(IndicatorId, [.. areaCodes], new Dictionary<string, int>(areaIndexes, StringComparer.OrdinalIgnoreCase), [.. labels], [.. notes]);

    /// <summary>Tables being extended (see <see cref="Extend"/>).</summary>
    internal sealed class Growing(int indicatorId, List<string> areaCodes, Dictionary<string, int> areaIndexes, List<string> labels, List<string?> notes)
    {
        private readonly Dictionary<string, int> labelIndexes = labels.Select((l, i) => (l, i)).ToDictionary(p => p.l, p => p.i, StringComparer.Ordinal);
        private readonly Dictionary<string, int> noteIndexes = notes.Skip(1).Select((n, i) => (n!, i + 1)).ToDictionary(p => p.Item1, p => p.Item2, StringComparer.Ordinal);

        public int Area(string code)
        {
            if (!areaIndexes.TryGetValue(code, out var index))
            {
                areaIndexes.Add(code = string.Intern(code), index = areaCodes.Count); // one string per code for the whole process
                areaCodes.Add(code);
            }
            return index;
        }

        public int Label(string label)
        {
            if (!labelIndexes.TryGetValue(label, out var index))
            {
                labelIndexes.Add(label, index = labels.Count);
                labels.Add(label);
            }
            return index;
        }

        /// <summary>0 for no note.</summary>
        public int Note(string? note)
        {
            if (note is null)
            {
                return 0;
            }
            if (!noteIndexes.TryGetValue(note, out var index))
            {
                noteIndexes.Add(note, index = notes.Count);
                notes.Add(note);
            }
            return index;
        }

        public IndicatorTables Build() => new(indicatorId, areaCodes, areaIndexes, labels, notes);
    }
}
