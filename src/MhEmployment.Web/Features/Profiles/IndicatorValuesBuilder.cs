using MhEmployment.Web.Domain;

namespace MhEmployment.Web.Features.Profiles;

/// <summary>
/// Gathers one indicator's values, in any order, into the compact <see cref="IndicatorValues"/>. A value added again
/// for the same area (case-insensitive), period and slice replaces the earlier one. While building, each value costs
/// a row of 80 bytes (up to twice that while the rows' array grows: about 130 measured), released by
/// <see cref="Build"/>; the built form keeps only the columns that hold something.
/// </summary>
public sealed class IndicatorValuesBuilder(Indicator indicator)
{
    private readonly Dictionary<string, int> areaIndexes = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> areaCodes = [];
    private readonly Dictionary<PeriodKey, int> periodIndexes = [];
    private readonly List<PeriodKey> periods = [];
    private readonly Dictionary<Slice, int> sliceIndexes = [];
    private readonly List<Slice> slices = [];
    private readonly Dictionary<string, int> labelIndexes = new(StringComparer.Ordinal);
    private readonly List<string> labels = [];
    private readonly Dictionary<string, int> noteIndexes = new(StringComparer.Ordinal);
    private readonly List<string> notes = [];
    private Row[] rows = new Row[16];
    private int count;
    private bool built;

    public void Add(
        string areaCode, PeriodKey period, string periodLabel, Slice slice, double? value, double? count, double? denominator,
        double? lower95, double? upper95, double? lower998, double? upper998, string? note, int importId)
    {
        ArgumentNullException.ThrowIfNull(areaCode);
        ArgumentNullException.ThrowIfNull(periodLabel);
        ArgumentNullException.ThrowIfNull(slice.AgeBand, nameof(slice));
        ObjectDisposedException.ThrowIf(built, this);
        if (this.count == rows.Length)
        {
            Array.Resize(ref rows, rows.Length * 2);
        }
        ref var row = ref rows[this.count++];
        // Area codes are few and repeat across indicators: one string each for the whole process.
        row.Area = IndexOf(areaIndexes, areaCodes, areaCode, string.Intern);
        row.Period = IndexOf(periodIndexes, periods, period, p => p);
        row.Slice = IndexOf(sliceIndexes, slices, slice, s => s);
        row.Label = IndexOf(labelIndexes, labels, periodLabel, l => l);
        row.Note = note is null ? 0 : 1 + IndexOf(noteIndexes, notes, note, n => n);
        row.ImportId = importId;
        row.Numbers = EncodedNumbers.Of(value, count, denominator, lower95, upper95, lower998, upper998);
    }

    internal void Add(in StoredRow row) =>
        Add(row.AreaCode, row.Period, row.PeriodLabel, row.Slice, row.Value, row.Count, row.Denominator,
            row.Lower95, row.Upper95, row.Lower998, row.Upper998, row.Note, row.ImportId);

    /// <summary>Builds the indicator's values; the builder cannot be used afterwards.</summary>
    public IndicatorValues Build()
    {
        ObjectDisposedException.ThrowIf(built, this);
        built = true;
        var tables = new IndicatorTables(indicator.Id, [.. areaCodes], areaIndexes, [.. labels], [null, .. notes]);
        var periodRanks = RanksOf(periods);
        // Slice (in order of first appearance), period, area, then arrival: the last of a run is the value kept.
        var order = new int[count];
        for (var i = 0; i < count; i++)
        {
            order[i] = i;
        }
        var all = rows;
        Array.Sort(order, (a, b) =>
        {
            ref readonly var x = ref all[a];
            ref readonly var y = ref all[b];
            var c = x.Slice.CompareTo(y.Slice);
            c = c != 0 ? c : periodRanks[x.Period].CompareTo(periodRanks[y.Period]);
            c = c != 0 ? c : x.Area.CompareTo(y.Area);
            return c != 0 ? c : a.CompareTo(b);
        });
        var bySlice = new Dictionary<Slice, SliceValues>();
        for (var from = 0; from < count;)
        {
            var to = from;
            while (to < count && rows[order[to]].Slice == rows[order[from]].Slice)
            {
                to++;
            }
            var slice = slices[rows[order[from]].Slice];
            bySlice.Add(slice, BuildSlice(slice, tables, order.AsSpan(from, to - from)));
            from = to;
        }
        rows = [];
        return new IndicatorValues(indicator, tables, bySlice);
    }

    private SliceValues BuildSlice(Slice slice, IndicatorTables tables, ReadOnlySpan<int> order)
    {
        var kept = new List<int>(order.Length);
        var slicePeriods = new List<(PeriodKey Key, string Label)>();
        var periodLabels = new List<int>();
        var starts = new List<int>();
        for (var i = 0; i < order.Length;)
        {
            var period = rows[order[i]].Period;
            // The period's label is that of the first value loaded for it, as the source's own order gives it.
            var firstLoaded = int.MaxValue;
            starts.Add(kept.Count);
            for (; i < order.Length && rows[order[i]].Period == period; i++)
            {
                firstLoaded = Math.Min(firstLoaded, order[i]);
                if (i + 1 == order.Length || rows[order[i + 1]].Period != period || rows[order[i + 1]].Area != rows[order[i]].Area)
                {
                    kept.Add(order[i]);
                }
            }
            periodLabels.Add(rows[firstLoaded].Label);
            slicePeriods.Add((periods[period], labels[rows[firstLoaded].Label]));
        }
        starts.Add(kept.Count);

        var n = kept.Count;
        var areas = new int[n];
        var importIds = new int[n];
        var hasNote = false;
        var ownLabel = false;
        for (var k = 0; k < n; k++)
        {
            ref readonly var row = ref rows[kept[k]];
            areas[k] = row.Area;
            importIds[k] = row.ImportId;
            hasNote |= row.Note != 0;
        }
        for (var p = 0; p < periodLabels.Count; p++)
        {
            for (var k = starts[p]; k < starts[p + 1]; k++)
            {
                ownLabel |= rows[kept[k]].Label != periodLabels[p];
            }
        }
        var numbers = new double[]?[Enum.GetValues<NumberColumn>().Length];
        for (var c = 0; c < numbers.Length; c++)
        {
            numbers[c] = Column(kept, c);
        }
        return new SliceValues(slice, tables, slicePeriods, [.. starts], areas, importIds,
            hasNote ? [.. kept.Select(r => rows[r].Note)] : null,
            ownLabel ? [.. kept.Select(r => rows[r].Label)] : null,
            numbers);
    }

    /// <summary>The column's values, or null when no value has one.</summary>
    private double[]? Column(List<int> kept, int column)
    {
        if (kept.TrueForAll(r => StoredNumbers.IsNull(rows[r].Numbers[column])))
        {
            return null;
        }
        var values = new double[kept.Count];
        for (var k = 0; k < values.Length; k++)
        {
            values[k] = rows[kept[k]].Numbers[column];
        }
        return values;
    }

    private static int[] RanksOf(List<PeriodKey> keys)
    {
        var sorted = Enumerable.Range(0, keys.Count).OrderBy(i => keys[i]).ToArray();
        var ranks = new int[keys.Count];
        for (var rank = 0; rank < sorted.Length; rank++)
        {
            ranks[sorted[rank]] = rank;
        }
        return ranks;
    }

    private static int IndexOf<T>(Dictionary<T, int> indexes, List<T> items, T item, Func<T, T> keep) where T : notnull
    {
        if (!indexes.TryGetValue(item, out var index))
        {
            index = items.Count;
            var kept = keep(item);
            items.Add(kept);
            indexes.Add(kept, index);
        }
        return index;
    }

    private struct Row
    {
        public int Slice;
        public int Period;
        public int Area;
        public int Label;
        public int Note;
        public int ImportId;
        public EncodedNumbers Numbers;
    }
}
