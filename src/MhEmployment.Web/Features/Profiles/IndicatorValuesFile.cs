using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using MhEmployment.Web.Domain;

namespace MhEmployment.Web.Features.Profiles;

/// <summary>A slice's columns as <see cref="SliceValues"/> holds them (see its constructor).</summary>
internal readonly record struct SliceColumns(int[] PeriodStarts, int[] Areas, int[] ImportIds, int[]? Notes, int[]? Labels, double[]?[] Numbers);

/// <summary>
/// One indicator's built values as a file, read back at a start instead of the database (see <see cref="SnapshotFiles"/>):
/// its tables, and per slice its periods and columns, each array written whole in the machine's byte order. The header
/// holds a format number, a byte-order mark, the payload's length and its SHA-256, so a file cut short, altered, of
/// another format or not one of these at all is rejected whole, never half read. The catalogue entry is not written:
/// the reader gives the current one.
/// </summary>
public static class IndicatorValuesFile
{
    /// <summary>Raise it whenever what is written changes, or what the builder makes of the same rows.</summary>
    public const int FormatVersion = 1;

    private const int ByteOrderMark = 0x01020304;
    private const int HeaderLength = 8 + 4 + 4 + 8 + 32;
    private const int HasNotes = 1, HasLabels = 2;
    private static readonly int NumberColumns = Enum.GetValues<NumberColumn>().Length;

    private static ReadOnlySpan<byte> Magic => "MHEVALS\n"u8;

    public static void Write(Stream stream, IndicatorValues values)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(values);
        var start = stream.Position;
        Span<byte> header = stackalloc byte[HeaderLength];
        header.Clear();
        stream.Write(header); // filled in once the payload's length and hash are known
        using var payload = new PayloadWriter(stream);
        var (areaCodes, labels, notes) = values.Tables.Contents;
        payload.Int(values.Tables.IndicatorId);
        payload.Strings(areaCodes);
        payload.Strings(labels);
        payload.Strings([.. notes.Skip(1).Select(n => n!)]); // index 0 is "no note"
        payload.Int(values.Slices.Count);
        foreach (var (slice, sliceValues) in values.Slices)
        {
            payload.Int((int)slice.Sex);
            payload.String(slice.AgeBand);
            payload.Int(sliceValues.Periods.Count);
            foreach (var period in sliceValues.Periods)
            {
                payload.Int(period.Period.Start.DayNumber);
                payload.Int(period.Period.End.DayNumber);
                payload.String(period.Label);
            }
            var columns = sliceValues.Columns;
            payload.Int(columns.Areas.Length);
            payload.Ints(columns.PeriodStarts);
            payload.Ints(columns.Areas);
            payload.Ints(columns.ImportIds);
            payload.Int((columns.Notes is null ? 0 : HasNotes) | (columns.Labels is null ? 0 : HasLabels));
            payload.Ints(columns.Notes);
            payload.Ints(columns.Labels);
            var present = 0;
            for (var c = 0; c < columns.Numbers.Length; c++)
            {
                present |= columns.Numbers[c] is null ? 0 : 1 << c;
            }
            payload.Int(present);
            foreach (var column in columns.Numbers)
            {
                payload.Doubles(column);
            }
        }
        var (length, hash) = payload.Finish();
        var end = stream.Position;
        Magic.CopyTo(header);
        BinaryPrimitives.WriteInt32LittleEndian(header[8..], FormatVersion);
        MemoryMarshal.Write(header[12..], ByteOrderMark);
        BinaryPrimitives.WriteInt64LittleEndian(header[16..], length);
        hash.CopyTo(header[24..]);
        stream.Position = start;
        stream.Write(header);
        stream.Position = end;
    }

    /// <summary>
    /// The values of <paramref name="indicator"/> the stream holds, to its end, under that catalogue entry.
    /// Throws <see cref="InvalidDataException"/> for anything but a whole, intact file of this format and indicator.
    /// </summary>
    public static IndicatorValues Read(Stream stream, Indicator indicator)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(indicator);
        Span<byte> header = stackalloc byte[HeaderLength];
        if (stream.ReadAtLeast(header, HeaderLength, throwOnEndOfStream: false) < HeaderLength || !header[..8].SequenceEqual(Magic))
        {
            throw new InvalidDataException("Not a file of saved values.");
        }
        if (BinaryPrimitives.ReadInt32LittleEndian(header[8..]) is var format and not FormatVersion)
        {
            throw new InvalidDataException($"Saved values of format {format}, not {FormatVersion}.");
        }
        if (MemoryMarshal.Read<int>(header[12..]) != ByteOrderMark)
        {
            throw new InvalidDataException("Saved values from a machine of the other byte order.");
        }
        var length = BinaryPrimitives.ReadInt64LittleEndian(header[16..]);
        if (length < 0 || length > Array.MaxLength || length != stream.Length - stream.Position)
        {
            throw new InvalidDataException($"The file should hold {length} bytes of values after its header, but holds {stream.Length - stream.Position}.");
        }
        // Not from the shared pool, which would keep a buffer of each size for the process's life.
        var data = GC.AllocateUninitializedArray<byte>((int)length);
        stream.ReadExactly(data);
        if (!SHA256.HashData(data).AsSpan().SequenceEqual(header[24..]))
        {
            throw new InvalidDataException("The saved values do not match their checksum.");
        }
        return Parse(data, indicator);
    }

    private static IndicatorValues Parse(ReadOnlySpan<byte> data, Indicator indicator)
    {
        var reader = new PayloadReader(data);
        if (reader.Int() is var id && id != indicator.Id)
        {
            throw new InvalidDataException($"The file holds the values of indicator {id}, not {indicator.Id}.");
        }
        // Area codes repeat across indicators: one string each for the whole process, as the builder keeps them.
        var areaCodes = reader.Strings(string.Intern);
        var areaIndexes = new Dictionary<string, int>(areaCodes.Length, StringComparer.OrdinalIgnoreCase);
        for (var a = 0; a < areaCodes.Length; a++)
        {
            Check(areaIndexes.TryAdd(areaCodes[a], a), "an area code twice");
        }
        var labels = reader.Strings(s => s);
        string?[] notes = [null, .. reader.Strings(s => s)];
        var tables = new IndicatorTables(id, areaCodes, areaIndexes, labels, notes);
        var slices = new Dictionary<Slice, SliceValues>();
        for (var s = reader.Count(1); s > 0; s--)
        {
            var sex = (Sex)reader.Int();
            Check(Enum.IsDefined(sex), "an unknown sex");
            var slice = new Slice(sex, reader.String());
            var periods = new (PeriodKey Key, string Label)[reader.Count(8)];
            for (var p = 0; p < periods.Length; p++)
            {
                periods[p] = (new PeriodKey(reader.Date(), reader.Date()), reader.String());
                Check(p == 0 || periods[p - 1].Key < periods[p].Key, "periods out of order");
            }
            var n = reader.Count(8);
            var starts = reader.Ints(periods.Length + 1);
            var areas = reader.Ints(n);
            var importIds = reader.Ints(n);
            var flags = reader.Int();
            Check((flags & ~(HasNotes | HasLabels)) == 0, "unknown columns");
            var noteIndexes = (flags & HasNotes) != 0 ? reader.Ints(n) : null;
            var labelIndexes = (flags & HasLabels) != 0 ? reader.Ints(n) : null;
            var present = reader.Int();
            Check(present >>> NumberColumns == 0, "unknown number columns");
            var numbers = new double[]?[NumberColumns];
            for (var c = 0; c < NumberColumns; c++)
            {
                numbers[c] = (present & (1 << c)) != 0 ? reader.Doubles(n) : null;
            }
            CheckRows(starts, areas, areaCodes.Length, n);
            CheckIndexes(noteIndexes, notes.Length);
            CheckIndexes(labelIndexes, labels.Length);
            Check(slices.TryAdd(slice, new SliceValues(slice, tables, periods, starts, areas, importIds, noteIndexes, labelIndexes, numbers)), "a slice twice");
        }
        Check(reader.AtEnd, "more than its values");
        return new IndicatorValues(indicator, tables, slices);
    }

    /// <summary>What the slices' look-ups rely on: each period's rows in order of area, one per area.</summary>
    private static void CheckRows(int[] starts, int[] areas, int areaCount, int n)
    {
        Check(starts[0] == 0 && starts[^1] == n, "period starts outside its values");
        for (var p = 0; p + 1 < starts.Length; p++)
        {
            Check(starts[p] <= starts[p + 1], "period starts out of order");
            for (var row = starts[p]; row < starts[p + 1]; row++)
            {
                Check((uint)areas[row] < (uint)areaCount && (row == starts[p] || areas[row - 1] < areas[row]), "areas out of order");
            }
        }
    }

    private static void CheckIndexes(int[]? indexes, int count)
    {
        foreach (var index in indexes ?? [])
        {
            Check((uint)index < (uint)count, "an index outside its table");
        }
    }

    private static void Check(bool condition, string problem)
    {
        if (!condition)
        {
            throw new InvalidDataException($"The saved values hold {problem}.");
        }
    }

    /// <summary>Writes the payload to the stream and hashes it on the way.</summary>
    private sealed class PayloadWriter(Stream stream) : IDisposable
    {
        private readonly IncrementalHash hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        private long length;

        public void Dispose() => hash.Dispose();

        public void Int(int value)
        {
            Span<byte> bytes = stackalloc byte[4];
            BinaryPrimitives.WriteInt32LittleEndian(bytes, value);
            Bytes(bytes);
        }

        public void Ints(int[]? values) => Bytes(MemoryMarshal.AsBytes(values.AsSpan()));

        public void Doubles(double[]? values) => Bytes(MemoryMarshal.AsBytes(values.AsSpan()));

        public void String(string value)
        {
            var bytes = Encoding.UTF8.GetBytes(value);
            Int(bytes.Length);
            Bytes(bytes);
        }

        public void Strings(IReadOnlyList<string> values)
        {
            Int(values.Count);
            foreach (var value in values)
            {
                String(value);
            }
        }

        public (long Length, byte[] Hash) Finish() => (length, hash.GetHashAndReset());

        private void Bytes(ReadOnlySpan<byte> bytes)
        {
            stream.Write(bytes);
            hash.AppendData(bytes);
            length += bytes.Length;
        }
    }

    /// <summary>Reads the payload back; every count is checked against what is left before anything is allocated.</summary>
    private ref struct PayloadReader(ReadOnlySpan<byte> data)
    {
        private readonly ReadOnlySpan<byte> data = data;
        private int position;

        public readonly bool AtEnd => position == data.Length;

        public int Int() => BinaryPrimitives.ReadInt32LittleEndian(Take(4));

        /// <summary>A count of items of at least <paramref name="bytesEach"/> bytes each, that the rest can hold.</summary>
        public int Count(int bytesEach)
        {
            var count = Int();
            Check(count >= 0 && count <= (data.Length - position) / bytesEach, "a count larger than the file");
            return count;
        }

        public DateOnly Date()
        {
            var day = Int();
            Check(day >= DateOnly.MinValue.DayNumber && day <= DateOnly.MaxValue.DayNumber, "a date out of range");
            return DateOnly.FromDayNumber(day);
        }

        public string String() => Encoding.UTF8.GetString(Take(Count(1)));

        public string[] Strings(Func<string, string> keep)
        {
            var strings = new string[Count(4)];
            for (var i = 0; i < strings.Length; i++)
            {
                strings[i] = keep(String());
            }
            return strings;
        }

        public int[] Ints(int count) => MemoryMarshal.Cast<byte, int>(Take(checked(count * sizeof(int)))).ToArray();

        public double[] Doubles(int count) => MemoryMarshal.Cast<byte, double>(Take(checked(count * sizeof(double)))).ToArray();

        private ReadOnlySpan<byte> Take(int bytes)
        {
            Check(bytes <= data.Length - position, "fewer bytes than it says");
            var taken = data.Slice(position, bytes);
            position += bytes;
            return taken;
        }
    }
}
