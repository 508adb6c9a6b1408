using System.Diagnostics.CodeAnalysis;

namespace MhEmployment.Web.Features.Profiles;

/// <summary>
/// One slice of an indicator: its periods in order, and each area's series. The values are held column by column,
/// sorted by period and then area index: one area index and one import id per value, a double per value for each
/// number column that has a value anywhere in the slice (absent columns are not allocated), a note index only when
/// some value has a note, and a label index only when some value's period label differs from its period's.
/// </summary>
public sealed partial class SliceValues
{
    private readonly IndicatorTables tables;
    private readonly PeriodValues[] periods;
    private readonly int[] periodStarts;
    private readonly int[] areas;
    private readonly int[] areasPresent;
    private readonly int[] importIds;
    private readonly int[]? notes;
    private readonly int[]? labels;
    private readonly double[]?[] numbers;

    /// <param name="periodStarts">Where each period's values start, plus the end of the last.</param>
    /// <param name="areas">Each value's area index, ascending within a period (one value per area and period).</param>
    internal SliceValues(
        Slice slice, IndicatorTables tables, IReadOnlyList<(PeriodKey Key, string Label)> periods, int[] periodStarts,
        int[] areas, int[] importIds, int[]? notes, int[]? labels, double[]?[] numbers)
    {
        Slice = slice;
        this.tables = tables;
        this.periodStarts = periodStarts;
        this.areas = areas;
        this.importIds = importIds;
        this.notes = notes;
        this.labels = labels;
        this.numbers = numbers;
        this.periods = [.. periods.Select((p, i) => new PeriodValues(this, i, p.Key, p.Label))];
        areasPresent = [.. areas.Distinct().Order()];
        SeriesByArea = new AreaSeriesMap(this);
    }

    public Slice Slice { get; }
    public IReadOnlyList<PeriodValues> Periods => periods;

    /// <summary>Each area's values in period order (case-insensitive codes).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<SnapshotValue>> SeriesByArea { get; }

    public int ValueCount => areas.Length;

    /// <summary>The columns as held, for <see cref="IndicatorValuesFile"/>.</summary>
    internal SliceColumns Columns => new(periodStarts, areas, importIds, notes, labels, numbers);

    public PeriodValues? Find(PeriodKey period)
    {
        int low = 0, high = periods.Length - 1;
        while (low <= high)
        {
            var middle = (low + high) >>> 1;
            var order = periods[middle].Period.CompareTo(period);
            if (order == 0)
            {
                return periods[middle];
            }
            if (order < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }
        return null;
    }

    internal int Start(int period) => periodStarts[period];

    internal int End(int period) => periodStarts[period + 1];

    internal int AreaIndexOf(string code) => tables.AreaIndexOf(code);

    internal string AreaCodeAt(int row) => tables.AreaCode(areas[row]);

    /// <summary>The row of the area's value in the period, or -1.</summary>
    internal int RowOf(int period, int area)
    {
        var start = periodStarts[period];
        var row = Array.BinarySearch(areas, start, periodStarts[period + 1] - start, area);
        return row >= 0 ? row : -1;
    }

    internal bool Has(int area) => area >= 0 && Array.BinarySearch(areasPresent, area) >= 0;

    /// <summary>In how many periods the area has a value.</summary>
    internal int PeriodCountOf(int area)
    {
        if (!Has(area))
        {
            return 0;
        }
        var count = 0;
        for (var p = 0; p < periods.Length; p++)
        {
            count += RowOf(p, area) >= 0 ? 1 : 0;
        }
        return count;
    }

    internal SnapshotValue ValueAt(int period, int row)
    {
        var p = periods[period];
        return new SnapshotValue(
            tables.IndicatorId, tables.AreaCode(areas[row]), p.Period, labels is null ? p.Label : tables.Label(labels[row]), Slice,
            Number(NumberColumn.Value, row), Number(NumberColumn.Count, row), Number(NumberColumn.Denominator, row),
            Number(NumberColumn.Lower95, row), Number(NumberColumn.Upper95, row),
            Number(NumberColumn.Lower998, row), Number(NumberColumn.Upper998, row),
            notes is null ? null : tables.Note(notes[row]), importIds[row]);
    }

    internal bool HasImport(int importId) => Array.IndexOf(importIds, importId) >= 0;

    private double? Number(NumberColumn column, int row) =>
        numbers[(int)column] is { } values ? StoredNumbers.Decode(values[row]) : null;

    private AreaSeries SeriesOf(int area)
    {
        var points = new List<(int Period, int Row)>(periods.Length);
        for (var p = 0; p < periods.Length; p++)
        {
            var row = RowOf(p, area);
            if (row >= 0)
            {
                points.Add((p, row));
            }
        }
        return new AreaSeries(this, [.. points]);
    }

    /// <summary>An area's values in period order, each made when read.</summary>
    private sealed class AreaSeries(SliceValues slice, (int Period, int Row)[] points) : IReadOnlyList<SnapshotValue>
    {
        public int Count => points.Length;

        public SnapshotValue this[int index] => slice.ValueAt(points[index].Period, points[index].Row);

        public IEnumerator<SnapshotValue> GetEnumerator()
        {
            foreach (var (period, row) in points)
            {
                yield return slice.ValueAt(period, row);
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    private sealed class AreaSeriesMap(SliceValues slice) : IReadOnlyDictionary<string, IReadOnlyList<SnapshotValue>>
    {
        public int Count => slice.areasPresent.Length;

        public IEnumerable<string> Keys => slice.areasPresent.Select(slice.tables.AreaCode);

        public IEnumerable<IReadOnlyList<SnapshotValue>> Values => slice.areasPresent.Select(slice.SeriesOf);

        public IReadOnlyList<SnapshotValue> this[string key] =>
            TryGetValue(key, out var series) ? series : throw new KeyNotFoundException($"No values for area '{key}'.");

        public bool ContainsKey(string key) => slice.Has(slice.tables.AreaIndexOf(key));

        public bool TryGetValue(string key, [MaybeNullWhen(false)] out IReadOnlyList<SnapshotValue> value)
        {
            var area = slice.tables.AreaIndexOf(key);
            value = slice.Has(area) ? slice.SeriesOf(area) : null;
            return value is not null;
        }

        public IEnumerator<KeyValuePair<string, IReadOnlyList<SnapshotValue>>> GetEnumerator() =>
            slice.areasPresent.Select(a => KeyValuePair.Create<string, IReadOnlyList<SnapshotValue>>(slice.tables.AreaCode(a), slice.SeriesOf(a)))
                .GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
