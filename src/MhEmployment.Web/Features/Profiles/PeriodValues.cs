using System.Diagnostics.CodeAnalysis;

namespace MhEmployment.Web.Features.Profiles;

/// <summary>All areas' values of one indicator for one period of a slice: a view of the slice's columns.</summary>
public sealed class PeriodValues
{
    internal PeriodValues(SliceValues slice, int index, PeriodKey period, string label)
    {
        Period = period;
        Label = label;
        ByArea = new AreaValueMap(slice, index);
    }

    public PeriodKey Period { get; }

    /// <summary>The period as the source wrote it (that of the first value loaded for it).</summary>
    public string Label { get; }

    /// <summary>Each area's value (case-insensitive codes), made when read.</summary>
    public IReadOnlyDictionary<string, SnapshotValue> ByArea { get; }

    private sealed class AreaValueMap(SliceValues slice, int period) : IReadOnlyDictionary<string, SnapshotValue>
    {
        private IEnumerable<int> Rows => Enumerable.Range(slice.Start(period), Count);

        public int Count => slice.End(period) - slice.Start(period);

        public IEnumerable<string> Keys => Rows.Select(slice.AreaCodeAt);

        public IEnumerable<SnapshotValue> Values => Rows.Select(r => slice.ValueAt(period, r));

        public SnapshotValue this[string key] =>
            TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"No value for area '{key}'.");

        public bool ContainsKey(string key) => RowOf(key) >= 0;

        public bool TryGetValue(string key, [MaybeNullWhen(false)] out SnapshotValue value)
        {
            var row = RowOf(key);
            value = row >= 0 ? slice.ValueAt(period, row) : null;
            return value is not null;
        }

        public IEnumerator<KeyValuePair<string, SnapshotValue>> GetEnumerator() =>
            Rows.Select(r => KeyValuePair.Create(slice.AreaCodeAt(r), slice.ValueAt(period, r))).GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        private int RowOf(string key)
        {
            var area = slice.AreaIndexOf(key);
            return area >= 0 ? slice.RowOf(period, area) : -1;
        }
    }
}
