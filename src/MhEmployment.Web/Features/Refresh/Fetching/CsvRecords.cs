using System.Buffers;
using System.Text;
using MhEmployment.Web.Features.Imports.Parsing;

namespace MhEmployment.Web.Features.Refresh.Fetching;

/// <summary>One CSV record as the source sent it: its bytes with the line break that ended it (none on a last line without one).</summary>
internal sealed class CsvRecord(byte[] bytes, bool terminated)
{
    private List<string>? _fields;

    public byte[] Bytes { get; } = bytes;

    public bool Terminated { get; } = terminated;

    /// <summary>The record's fields, unquoted (a byte order mark before the first is dropped).</summary>
    public IReadOnlyList<string> Fields => _fields ??= CsvLine.Split(Text);

    public string Text => Encoding.UTF8.GetString(Bytes).TrimStart('\uFEFF').TrimEnd('\r', '\n');

    public bool IsBlank => string.IsNullOrWhiteSpace(Text);
}

/// <summary>
/// Reads a response body record by record (a quoted field may hold line breaks), holding one record at a time, so that
/// a response is checked and passed on as it arrives rather than held whole.
/// </summary>
internal sealed class CsvRecords(Stream body, string source, Uri url, Action<int>? received)
{
    /// <summary>A record longer than this is not one: an unclosed quote has swallowed the rest of the body.</summary>
    public const int MaxRecordBytes = CsvSource.MaxRecordBytes;

    private const int StartBytes = 16 * 1024;

    private readonly byte[] _buffer = new byte[1 << 16];
    private readonly ArrayBufferWriter<byte> _record = new(1024);
    private int _start;
    private int _end;
    private bool _ended;

    /// <summary>Whether the body ended inside a quoted field: its last record was cut short.</summary>
    public bool EndedInQuotes { get; private set; }

    public long BytesRead { get; private set; }

    /// <summary>The body's first bytes, kept to quote from when it turns out not to be CSV (a web page's title).</summary>
    public string Start { get; private set; } = "";

    /// <summary>The next record, or null at the end of the body.</summary>
    public async ValueTask<CsvRecord?> ReadAsync(CancellationToken cancellationToken)
    {
        _record.ResetWrittenCount();
        var quoted = false;
        while (true)
        {
            if (_start == _end)
            {
                if (_ended || !await FillAsync(cancellationToken))
                    break;
            }
            var span = _buffer.AsSpan(_start, _end - _start);
            var taken = 0;
            var complete = false;
            while (taken < span.Length)
            {
                var next = span[taken..].IndexOfAny((byte)'"', (byte)'\n');
                if (next < 0)
                {
                    taken = span.Length;
                    break;
                }
                taken += next + 1;
                if (span[taken - 1] == '"')
                    quoted = !quoted; // an escaped quote ("") flips twice
                else if (!quoted)
                {
                    complete = true;
                    break;
                }
            }
            if (_record.WrittenCount + taken > MaxRecordBytes)
                throw new SourceProblemException(SourceProblem.RecordTooLong(source, url));
            _record.Write(span[..taken]);
            _start += taken;
            if (complete)
                return new CsvRecord(_record.WrittenSpan.ToArray(), terminated: true);
        }
        if (_record.WrittenCount == 0)
            return null;
        EndedInQuotes = quoted;
        return new CsvRecord(_record.WrittenSpan.ToArray(), terminated: false);
    }

    private async ValueTask<bool> FillAsync(CancellationToken cancellationToken)
    {
        var read = await body.ReadAsync(_buffer, cancellationToken);
        if (read == 0)
        {
            _ended = true;
            return false;
        }
        if (BytesRead == 0)
            Start = Encoding.UTF8.GetString(_buffer, 0, Math.Min(read, StartBytes));
        (_start, _end) = (0, read);
        BytesRead += read;
        received?.Invoke(read);
        return true;
    }
}
