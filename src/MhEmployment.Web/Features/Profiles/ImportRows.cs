namespace MhEmployment.Web.Features.Profiles;

/// <summary>
/// One indicator's rows of an import, as <see cref="ImportOverlay"/> takes them: grouped by slice (slices in the order
/// the import first brings them, each slice's rows in arrival order) and compact. A row holds its texts as indexes into
/// the tables here and its numbers encoded, so it holds no reference: a million rows are one array the collector never
/// scans, where rows with strings were several times the size and grew by copies it had to trace (ADR 0024).
/// </summary>
internal sealed class ImportRows
{
    private ImportRows(OverlayRow[] rows, int[] sliceStarts, string[] areas, string[] labels, string?[] notes, Slice[] slices)
    {
        Rows = rows;
        SliceStarts = sliceStarts;
        Areas = areas;
        Labels = labels;
        Notes = notes;
        Slices = slices;
    }

    /// <summary>The rows, each slice's together: those of <c>Slices[s]</c> run from <c>SliceStarts[s]</c> to <c>SliceStarts[s + 1]</c>.</summary>
    public OverlayRow[] Rows { get; }

    public int[] SliceStarts { get; }

    /// <summary>What a row's <see cref="OverlayRow.Area"/> indexes.</summary>
    public string[] Areas { get; }

    /// <summary>What a row's <see cref="OverlayRow.Label"/> indexes.</summary>
    public string[] Labels { get; }

    /// <summary>What a row's <see cref="OverlayRow.Note"/> indexes; index 0 is no note.</summary>
    public string?[] Notes { get; }

    public Slice[] Slices { get; }

    public int Count => Rows.Length;

    /// <summary>The rows of <paramref name="rows"/>, in their order.</summary>
    public static ImportRows Of(IEnumerable<StoredRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var collector = new Collector();
        foreach (var row in rows)
        {
            collector.Add(0, row);
        }
        return Combine([collector]).GetValueOrDefault(0) ?? new ImportRows([], [0], [], [], [null], []);
    }

    /// <summary>
    /// Each indicator's rows from the collectors, which read consecutive ranges of the table in order: a row arrives
    /// after every row of the collectors before its own. The collectors cannot be used afterwards.
    /// </summary>
    public static Dictionary<int, ImportRows> Combine(IReadOnlyList<Collector> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var all = new Dictionary<int, ImportRows>();
        foreach (var indicator in parts.SelectMany(p => p.Indicators).Distinct())
        {
            all[indicator] = Combine([.. parts.Select(p => p.Of(indicator)).OfType<Collector.Part>()]);
        }
        return all;
    }

    private static ImportRows Combine(IReadOnlyList<Collector.Part> parts)
    {
        var areas = new Table<string>(StringComparer.Ordinal);
        var labels = new Table<string>(StringComparer.Ordinal);
        var notes = new Table<string>(StringComparer.Ordinal);
        var slices = new Table<Slice>(EqualityComparer<Slice>.Default);
        // Each part's table indexes in the combined tables; slices in the order of first arrival.
        var maps = parts.Select(p => (
            Areas: p.Areas.Items.Select(areas.IndexOf).ToArray(),
            Labels: p.Labels.Items.Select(labels.IndexOf).ToArray(),
            Notes: p.Notes.Items.Select(n => 1 + notes.IndexOf(n)).ToArray(),
            Slices: p.Slices.Items.Select(slices.IndexOf).ToArray())).ToArray();
        var sliceStarts = new int[slices.Items.Count + 1];
        foreach (var (part, map) in parts.Zip(maps))
        {
            for (var s = 0; s < part.SliceCounts.Count; s++)
            {
                sliceStarts[map.Slices[s] + 1] += part.SliceCounts[s];
            }
        }
        for (var s = 1; s < sliceStarts.Length; s++)
        {
            sliceStarts[s] += sliceStarts[s - 1];
        }
        var rows = new OverlayRow[sliceStarts[^1]];
        var next = sliceStarts[..^1];
        var arrival = 0;
        foreach (var (part, map) in parts.Zip(maps))
        {
            foreach (var chunk in part.Rows.Chunks())
            {
                foreach (var row in chunk.Span)
                {
                    var slice = map.Slices[row.Slice];
                    ref var placed = ref rows[next[slice]++];
                    placed = row;
                    placed.Slice = slice;
                    placed.Area = map.Areas[row.Area];
                    placed.Label = map.Labels[row.Label];
                    placed.Note = row.Note == 0 ? 0 : map.Notes[row.Note - 1];
                    placed.Arrival = arrival++;
                }
            }
            part.Release();
        }
        return new ImportRows(rows, sliceStarts, [.. areas.Items], [.. labels.Items], [null, .. notes.Items], [.. slices.Items]);
    }

    /// <summary>Gathers the rows of one range of the table, by indicator, each text once.</summary>
    public sealed class Collector
    {
        private readonly Dictionary<int, Part> parts = [];
        private Part? last;

        internal IEnumerable<int> Indicators => parts.Keys;

        public void Add(int indicator, in StoredRow row)
        {
            if (last?.Indicator != indicator)
            {
                if (!parts.TryGetValue(indicator, out last))
                {
                    parts[indicator] = last = new Part(indicator);
                }
            }
            last.Add(row);
        }

        internal Part? Of(int indicator) => parts.GetValueOrDefault(indicator);

        /// <summary>One indicator's rows in one range, with their texts as indexes into this range's own tables.</summary>
        internal sealed class Part(int indicator)
        {
            public int Indicator { get; } = indicator;
            public Table<string> Areas { get; } = new(StringComparer.Ordinal);
            public Table<string> Labels { get; } = new(StringComparer.Ordinal);
            public Table<string> Notes { get; } = new(StringComparer.Ordinal);
            public Table<Slice> Slices { get; } = new(EqualityComparer<Slice>.Default);
            public GrowingArray Rows { get; private set; } = new();

            /// <summary>The rows of each of <see cref="Slices"/>, counted as they come, for placing them by slice.</summary>
            public List<int> SliceCounts { get; } = [];

            public void Add(in StoredRow row)
            {
                var slice = Slices.IndexOf(row.Slice);
                if (slice == SliceCounts.Count)
                {
                    SliceCounts.Add(0);
                }
                SliceCounts[slice]++;
                Rows.Add(new OverlayRow
                {
                    Period = row.Period, Area = Areas.IndexOf(row.AreaCode), Label = Labels.IndexOf(row.PeriodLabel),
                    Note = row.Note is null ? 0 : 1 + Notes.IndexOf(row.Note), Slice = slice, ImportId = row.ImportId,
                    Numbers = EncodedNumbers.Of(row.Value, row.Count, row.Denominator, row.Lower95, row.Upper95, row.Lower998, row.Upper998),
                });
            }

            public void Release() => Rows = new();
        }
    }

    /// <summary>Distinct items, each with its index in order of first appearance.</summary>
    internal sealed class Table<T>(IEqualityComparer<T> comparer) where T : notnull
    {
        private readonly Dictionary<T, int> indexes = new(comparer);

        public List<T> Items { get; } = [];

        public int IndexOf(T item)
        {
            if (!indexes.TryGetValue(item, out var index))
            {
                indexes.Add(item, index = Items.Count);
                Items.Add(item);
            }
            return index;
        }
    }

    /// <summary>Rows appended in chunks, so that growing never copies what is already held.</summary>
    internal sealed class GrowingArray
    {
        /// <summary>About 700 KB: chunks double up to this, so a few rows take little and a million take about 120 chunks.</summary>
        private const int MaxChunk = 8192;

        private readonly List<OverlayRow[]> chunks = [];
        private int lastCount;

        public void Add(in OverlayRow row)
        {
            if (chunks.Count == 0 || lastCount == chunks[^1].Length)
            {
                chunks.Add(new OverlayRow[chunks.Count == 0 ? 64 : Math.Min(MaxChunk, chunks[^1].Length * 2)]);
                lastCount = 0;
            }
            chunks[^1][lastCount++] = row;
        }

        /// <summary>The rows in order, chunk by chunk.</summary>
        public IEnumerable<Memory<OverlayRow>> Chunks() =>
            chunks.Select((chunk, i) => chunk.AsMemory(0, i == chunks.Count - 1 ? lastCount : chunk.Length));
    }
}
