namespace MhEmployment.Web.Features.Profiles;

/// <summary>An import's value for a slice, with its texts already indexes into the indicator's (extended) tables.</summary>
internal struct OverlayRow
{
    public PeriodKey Period;
    public int Area;
    public int Label;
    public int Note;

    /// <summary>An index into the slices of the rows' <see cref="ImportRows"/>.</summary>
    public int Slice;

    public int ImportId;

    /// <summary>The row's place among the import's rows: of two for the same key, the later wins.</summary>
    public int Arrival;

    public EncodedNumbers Numbers;
}

public sealed partial class SliceValues
{
    /// <summary>
    /// The slice with an import's rows merged in (each replacing the held value with its key) and, for an undo, the
    /// values of <paramref name="dropImport"/> left out: one pass over the held columns, which are already in period
    /// and area order, rather than a rebuild. The result is what <see cref="IndicatorValuesBuilder"/> gives when given the
    /// held values (less the dropped ones) and then the rows, except that a period keeps the label it had while it keeps a
    /// held value (the builder takes the first value's; from the database, that order is the table's anyway).
    /// Null when nothing is left.
    /// </summary>
    /// <param name="held">The slice before the import; null for a slice the import brings.</param>
    /// <param name="rows">Sorted here.</param>
    /// <param name="grown">The held tables extended with the rows' texts; <paramref name="tables"/> is what it built.</param>
    internal static SliceValues? Overlay(
        Slice slice, SliceValues? held, Span<OverlayRow> rows, int? dropImport, IndicatorTables.Growing grown, IndicatorTables tables)
    {
        rows.Sort(static (x, y) =>
        {
            var c = x.Period.CompareTo(y.Period);
            c = c != 0 ? c : x.Area.CompareTo(y.Area);
            return c != 0 ? c : x.Arrival.CompareTo(y.Arrival);
        });
        var heldRows = held?.areas.Length ?? 0;
        var capacity = heldRows + rows.Length;
        var areas = new int[capacity];
        var importIds = new int[capacity];
        var labels = new int[capacity];
        // Columns no value can have are not allocated: at a million rows each is 8 MB.
        var (rowNotes, rowNumbers) = ColumnsUsed(rows);
        var notes = held?.notes is not null || rowNotes ? new int[capacity] : null;
        var numbers = new double[]?[rowNumbers.Length];
        for (var c = 0; c < numbers.Length; c++)
        {
            numbers[c] = held?.numbers[c] is not null || rowNumbers[c] ? new double[capacity] : null;
        }
        var periods = new List<(PeriodKey Key, string Label)>();
        var starts = new List<int>();
        var periodLabels = new List<int>();
        var n = 0;
        var heldPeriod = 0;
        var heldPeriods = held?.periods.Length ?? 0;
        var next = 0; // the next of the import's rows
        while (heldPeriod < heldPeriods || next < rows.Length)
        {
            var key = heldPeriod < heldPeriods && (next == rows.Length || held!.periods[heldPeriod].Period <= rows[next].Period)
                ? held!.periods[heldPeriod].Period
                : rows[next].Period;
            var fromHeld = heldPeriod < heldPeriods && held!.periods[heldPeriod].Period == key;
            var h = fromHeld ? held!.periodStarts[heldPeriod] : 0;
            var heldEnd = fromHeld ? held!.periodStarts[heldPeriod + 1] : 0;
            var end = next;
            while (end < rows.Length && rows[end].Period == key)
            {
                end++;
            }
            var periodLabel = FirstLabel(held, heldPeriod, h, heldEnd, dropImport, grown, rows, next, end);
            var start = n;
            while (h < heldEnd || next < end)
            {
                if (h < heldEnd && held!.importIds[h] == dropImport)
                {
                    h++;
                    continue;
                }
                if (next < end && (h == heldEnd || rows[next].Area <= held!.areas[h]))
                {
                    var area = rows[next].Area;
                    while (next + 1 < end && rows[next + 1].Area == area)
                    {
                        next++; // the last of the import's rows for the key wins
                    }
                    if (h < heldEnd && held!.areas[h] == area)
                    {
                        h++; // replaced
                    }
                    var row = rows[next++];
                    areas[n] = row.Area;
                    importIds[n] = row.ImportId;
                    notes?[n] = row.Note;
                    labels[n] = row.Label;
                    for (var c = 0; c < numbers.Length; c++)
                    {
                        numbers[c]?[n] = row.Numbers[c];
                    }
                }
                else
                {
                    areas[n] = held!.areas[h];
                    importIds[n] = held.importIds[h];
                    notes?[n] = held.notes?[h] ?? 0;
                    labels[n] = held.labels?[h] ?? periodLabel;
                    for (var c = 0; c < numbers.Length; c++)
                    {
                        numbers[c]?[n] = held.numbers[c] is { } column ? column[h] : StoredNumbers.Null;
                    }
                    h++;
                }
                n++;
            }
            if (n > start)
            {
                starts.Add(start);
                periods.Add((key, tables.Label(periodLabel)));
                periodLabels.Add(periodLabel);
            }
            heldPeriod += fromHeld ? 1 : 0;
        }
        if (n == 0)
        {
            return null;
        }
        starts.Add(n);
        var ownLabel = false;
        for (var p = 0; p < periodLabels.Count && !ownLabel; p++)
        {
            for (var k = starts[p]; k < starts[p + 1] && !ownLabel; k++)
            {
                ownLabel = labels[k] != periodLabels[p];
            }
        }
        var hasNote = notes is not null && Array.FindIndex(notes, 0, n, note => note != 0) >= 0;
        var kept = new double[]?[numbers.Length];
        for (var c = 0; c < numbers.Length; c++)
        {
            kept[c] = numbers[c] is { } column && Array.FindIndex(column, 0, n, v => !StoredNumbers.IsNull(v)) >= 0 ? Trimmed(column, n) : null;
        }
        return new SliceValues(slice, tables, periods, [.. starts], Trimmed(areas, n), Trimmed(importIds, n),
            hasNote ? Trimmed(notes!, n) : null, ownLabel ? Trimmed(labels, n) : null, kept);
    }

    /// <summary>Whether any of the rows has a note, and which number columns any has a number in.</summary>
    private static (bool Notes, bool[] Numbers) ColumnsUsed(ReadOnlySpan<OverlayRow> rows)
    {
        var notes = false;
        var numbers = new bool[Enum.GetValues<NumberColumn>().Length];
        var unused = numbers.Length + 1;
        for (var r = 0; r < rows.Length && unused > 0; r++)
        {
            ref readonly var row = ref rows[r];
            if (!notes && row.Note != 0)
            {
                notes = true;
                unused--;
            }
            for (var c = 0; c < numbers.Length; c++)
            {
                if (!numbers[c] && !StoredNumbers.IsNull(row.Numbers[c]))
                {
                    numbers[c] = true;
                    unused--;
                }
            }
        }
        return (notes, numbers);
    }

    /// <summary>The first <paramref name="n"/> items: the array itself when that is all of it (no value was replaced).</summary>
    private static T[] Trimmed<T>(T[] items, int n) => n == items.Length ? items : items[..n];

    /// <summary>
    /// The period's label: the one it had while it keeps a held value, else that of the import's first row for it;
    /// -1 when neither has one.
    /// </summary>
    private static int FirstLabel(
        SliceValues? held, int heldPeriod, int from, int to, int? dropImport, IndicatorTables.Growing grown, ReadOnlySpan<OverlayRow> rows, int next, int end)
    {
        for (var h = from; h < to; h++)
        {
            if (held!.importIds[h] != dropImport)
            {
                return grown.Label(held.periods[heldPeriod].Label);
            }
        }
        if (next == end)
        {
            return -1; // nothing is left in the period
        }
        var first = next;
        for (var r = next + 1; r < end; r++)
        {
            first = rows[r].Arrival < rows[first].Arrival ? r : first;
        }
        return rows[first].Label;
    }
}
