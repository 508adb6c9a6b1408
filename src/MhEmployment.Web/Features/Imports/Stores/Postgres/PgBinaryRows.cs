using System.Buffers.Binary;
using System.Text;
using MhEmployment.Web.Domain;

namespace MhEmployment.Web.Features.Imports.Stores.Postgres;

/// <summary>
/// Staged rows in PostgreSQL's binary COPY format (a signature, then per row a field count and length-prefixed
/// big-endian fields), written straight into a buffer: Npgsql's importer resolves a type handler for every field
/// and, measured, took four times as long as PostgreSQL to take the rows in.
/// </summary>
internal sealed class PgBinaryRows(Stream output)
{
    private const int BufferSize = 1 << 16;
    // The most a row can take: 16 field headers, numbers and dates (about 150 bytes) and strings of at most 9 + 100 + 50
    // + 500 characters (the staging columns' lengths) at up to 3 UTF-8 bytes each (about 2,000 bytes).
    private const int MaxRowBytes = 4096;
    private static readonly byte[] Signature = [(byte)'P', (byte)'G', (byte)'C', (byte)'O', (byte)'P', (byte)'Y', (byte)'\n', 0xFF, (byte)'\r', (byte)'\n', 0];
    private static readonly int PostgresEpochDay = new DateOnly(2000, 1, 1).DayNumber;
    private static readonly byte[][] SexNames = [.. Enum.GetNames<Sex>().Select(Encoding.UTF8.GetBytes)];

    private readonly byte[] _buffer = new byte[BufferSize];
    private int _length;

    public void WriteHeader()
    {
        Signature.CopyTo(_buffer, 0);
        _length = Signature.Length;
        WriteInt32(0); // flags
        WriteInt32(0); // header extension length
    }

    public void Write(int importId, StagedValue row)
    {
        if (_length + MaxRowBytes > BufferSize)
        {
            Flush();
        }
        WriteInt16(16);
        WriteField(importId);
        WriteField(row.IndicatorId);
        WriteField(row.AreaCode);
        WriteField(row.PeriodStart);
        WriteField(row.PeriodEnd);
        WriteBytes(SexNames[(int)row.Sex]);
        WriteField(row.AgeBand);
        WriteField(row.PeriodLabel);
        WriteField(row.Value);
        WriteField(row.Count);
        WriteField(row.Denominator);
        WriteField(row.Lower95);
        WriteField(row.Upper95);
        WriteField(row.Lower998);
        WriteField(row.Upper998);
        WriteField(row.Note);
    }

    public void WriteTrailer()
    {
        WriteInt16(-1);
        Flush();
    }

    public void Flush()
    {
        output.Write(_buffer, 0, _length);
        _length = 0;
    }

    private void WriteField(int value)
    {
        WriteInt32(4);
        WriteInt32(value);
    }

    private void WriteField(DateOnly value)
    {
        WriteInt32(4);
        WriteInt32(value.DayNumber - PostgresEpochDay);
    }

    private void WriteField(double? value)
    {
        if (value is not { } v)
        {
            WriteInt32(-1);
            return;
        }
        WriteInt32(8);
        BinaryPrimitives.WriteDoubleBigEndian(_buffer.AsSpan(_length), v);
        _length += 8;
    }

    private void WriteField(string? value)
    {
        if (value is null)
        {
            WriteInt32(-1);
            return;
        }
        var lengthAt = _length;
        _length += 4;
        var written = Encoding.UTF8.GetBytes(value, _buffer.AsSpan(_length));
        BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(lengthAt), written);
        _length += written;
    }

    private void WriteBytes(byte[] value)
    {
        WriteInt32(value.Length);
        value.CopyTo(_buffer, _length);
        _length += value.Length;
    }

    private void WriteInt16(short value)
    {
        BinaryPrimitives.WriteInt16BigEndian(_buffer.AsSpan(_length), value);
        _length += 2;
    }

    private void WriteInt32(int value)
    {
        BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(_length), value);
        _length += 4;
    }
}
