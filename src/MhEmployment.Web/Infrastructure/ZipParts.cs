using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;
using System.Text;

namespace MhEmployment.Web.Infrastructure;

/// <summary>A file of a zip, compressed beforehand (raw deflate), with the checksum and length the zip's headers give.</summary>
public sealed record ZipPart(string Name, uint Crc32, long Length, byte[] Deflated)
{
    public static ZipPart Compress(string name, ReadOnlySpan<byte> content)
    {
        using var deflated = new MemoryStream();
        using (var deflate = new DeflateStream(deflated, CompressionLevel.Fastest, leaveOpen: true))
        {
            deflate.Write(content);
        }
        return new ZipPart(name, System.IO.Hashing.Crc32.HashToUInt32(content), content.Length, deflated.ToArray());
    }
}

/// <summary>Collects the parts written to the streams it opens, each compressed when its stream is closed.</summary>
public sealed class ZipPartCollector
{
    private readonly List<ZipPart> parts = [];

    /// <summary>The parts in the order their streams were closed.</summary>
    public IReadOnlyList<ZipPart> Parts => parts;

    public Stream Open(string name) => new PartStream(name, parts);

    private sealed class PartStream(string name, List<ZipPart> parts) : MemoryStream
    {
        private bool closed;

        protected override void Dispose(bool disposing)
        {
            if (disposing && !closed)
            {
                closed = true;
                parts.Add(ZipPart.Compress(name, GetBuffer().AsSpan(0, (int)Length)));
            }
            base.Dispose(disposing);
        }
    }
}

/// <summary>
/// Writes a zip of parts compressed beforehand, so that parts many files share (a workbook's sheets, the same for every
/// reader of one summary) are compressed once. A plain zip, as ZipArchive writes one when nothing needs zip64: each part
/// and the whole under 4 GB, fewer than 65,535 parts. The output need not be seekable (a response body).
/// </summary>
public static class ZipWriter
{
    private const int LocalHeader = 30;
    private const int CentralHeader = 46;
    private const int EndRecord = 22;
    private const ushort Version = 20; // 2.0: deflate
    private const ushort Deflate = 8;
    private const ushort Utf8Names = 1 << 11;

    public static void Write(Stream output, IReadOnlyList<ZipPart> parts, DateTime modified)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(parts);
        if (parts.Count >= ushort.MaxValue)
        {
            throw new InvalidOperationException($"A zip without zip64 holds fewer than {ushort.MaxValue} parts; this one has {parts.Count}.");
        }
        var (time, date) = DosTime(modified);
        using var central = new MemoryStream();
        Span<byte> header = stackalloc byte[CentralHeader];
        long offset = 0;
        foreach (var part in parts)
        {
            var name = Encoding.UTF8.GetBytes(part.Name);
            var flags = name.Length == part.Name.Length ? (ushort)0 : Utf8Names;
            var at = Small(offset, "the zip");
            var size = Small(part.Deflated.Length, part.Name);
            var length = Small(part.Length, part.Name);

            header.Clear();
            BinaryPrimitives.WriteUInt32LittleEndian(header, 0x04034b50);
            BinaryPrimitives.WriteUInt16LittleEndian(header[4..], Version);
            Describe(header[6..], flags, time, date, part.Crc32, size, length, (ushort)name.Length);
            output.Write(header[..LocalHeader]);
            output.Write(name);
            output.Write(part.Deflated);

            header.Clear();
            BinaryPrimitives.WriteUInt32LittleEndian(header, 0x02014b50);
            BinaryPrimitives.WriteUInt16LittleEndian(header[4..], Version); // made by
            BinaryPrimitives.WriteUInt16LittleEndian(header[6..], Version); // needed
            Describe(header[8..], flags, time, date, part.Crc32, size, length, (ushort)name.Length);
            BinaryPrimitives.WriteUInt32LittleEndian(header[42..], at);
            central.Write(header);
            central.Write(name);

            offset += LocalHeader + name.Length + part.Deflated.Length;
        }
        var directoryAt = Small(offset, "the zip");
        var directorySize = Small(central.Length, "the zip's directory");
        central.WriteTo(output);

        Span<byte> end = stackalloc byte[EndRecord];
        end.Clear();
        BinaryPrimitives.WriteUInt32LittleEndian(end, 0x06054b50);
        BinaryPrimitives.WriteUInt16LittleEndian(end[8..], (ushort)parts.Count);
        BinaryPrimitives.WriteUInt16LittleEndian(end[10..], (ushort)parts.Count);
        BinaryPrimitives.WriteUInt32LittleEndian(end[12..], directorySize);
        BinaryPrimitives.WriteUInt32LittleEndian(end[16..], directoryAt);
        output.Write(end);
    }

    /// <summary>The fields local and central headers share, from the flags to the extra field's length (0).</summary>
    private static void Describe(Span<byte> at, ushort flags, ushort time, ushort date, uint crc, uint size, uint length, ushort nameLength)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(at, flags);
        BinaryPrimitives.WriteUInt16LittleEndian(at[2..], Deflate);
        BinaryPrimitives.WriteUInt16LittleEndian(at[4..], time);
        BinaryPrimitives.WriteUInt16LittleEndian(at[6..], date);
        BinaryPrimitives.WriteUInt32LittleEndian(at[8..], crc);
        BinaryPrimitives.WriteUInt32LittleEndian(at[12..], size);
        BinaryPrimitives.WriteUInt32LittleEndian(at[16..], length);
        BinaryPrimitives.WriteUInt16LittleEndian(at[20..], nameLength);
    }

    private static uint Small(long value, string what) => value < uint.MaxValue
        ? (uint)value
        : throw new InvalidOperationException($"{what} is too large for a zip without zip64 ({value:N0} bytes).");

    /// <summary>MS-DOS time and date, as zip headers keep them (two-second steps, from 1980).</summary>
    private static (ushort Time, ushort Date) DosTime(DateTime when)
    {
        if (when.Year < 1980)
        {
            when = new DateTime(1980, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        }
        return ((ushort)((when.Hour << 11) | (when.Minute << 5) | (when.Second / 2)),
            (ushort)(((when.Year - 1980) << 9) | (when.Month << 5) | when.Day));
    }
}
