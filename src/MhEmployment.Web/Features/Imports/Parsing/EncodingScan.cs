using System.Buffers;
using System.Text.Unicode;

namespace MhEmployment.Web.Features.Imports.Parsing;

/// <summary>
/// Checks a byte stream chunk by chunk: is it all valid UTF-8, where is the first NUL, and where is the first
/// byte that Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D)? All vectorised, so a large file is
/// scanned at about disk speed.
/// </summary>
internal sealed class EncodingScan
{
    private static readonly SearchValues<byte> UndefinedIn1252 = SearchValues.Create(0x81, 0x8D, 0x8F, 0x90, 0x9D);

    private readonly char[] _chars = new char[4096];
    private long _offset;          // bytes before the current chunk
    private long _lines;           // line breaks before the current chunk
    private long _lineStart;       // offset where the line running into the current chunk starts
    private bool _utf8Valid = true;
    private long _firstInvalidUtf8 = -1;
    private bool _bom;
    private bool _started;
    private BadByte? _firstNul;
    private BadByte? _firstUndefined;

    private sealed record BadByte(long Offset, long Line, long Column, byte Value)
    {
        public string Hex => $"0x{Value:X2}";
    }

    /// <summary>Nothing later in the file can change the decision.</summary>
    public bool IsSettled => _firstNul is not null || (!_utf8Valid && _firstUndefined is not null);

    /// <summary>Scans <paramref name="chunk"/>; returns how many trailing bytes (a cut UTF-8 character) to carry over.</summary>
    public int Add(ReadOnlySpan<byte> chunk, bool isFinal)
    {
        if (!_started)
        {
            _started = true;
            _bom = chunk.StartsWith("\uFEFF"u8);
        }
        var carried = _utf8Valid ? CheckUtf8(chunk, isFinal) : 0;
        var scanned = chunk[..(chunk.Length - carried)];
        _firstNul ??= Find(scanned, scanned.IndexOf((byte)0));
        _firstUndefined ??= Find(scanned, scanned.IndexOfAny(UndefinedIn1252));
        _lines += scanned.Count((byte)'\n');
        var lastBreak = scanned.LastIndexOf((byte)'\n');
        if (lastBreak >= 0)
            _lineStart = _offset + lastBreak + 1;
        _offset += scanned.Length;
        return carried;
    }

    private BadByte? Find(ReadOnlySpan<byte> scanned, int index)
    {
        if (index < 0)
            return null;
        var before = scanned[..index];
        var lastBreak = before.LastIndexOf((byte)'\n');
        var lineStart = lastBreak >= 0 ? _offset + lastBreak + 1 : _lineStart;
        return new BadByte(_offset + index, _lines + before.Count((byte)'\n') + 1, _offset + index - lineStart + 1, scanned[index]);
    }

    private int CheckUtf8(ReadOnlySpan<byte> chunk, bool isFinal)
    {
        var rest = chunk;
        while (!rest.IsEmpty)
        {
            var status = Utf8.ToUtf16(rest, _chars, out var read, out _, replaceInvalidSequences: false, isFinalBlock: isFinal);
            rest = rest[read..];
            if (status == OperationStatus.DestinationTooSmall)
                continue;
            if (status == OperationStatus.InvalidData)
            {
                _utf8Valid = false;
                _firstInvalidUtf8 = _offset + (chunk.Length - rest.Length);
                return 0;
            }
            // Done, or NeedMoreData: what is left is the start of a character cut at the chunk's end.
            return rest.Length;
        }
        return 0;
    }

    public SniffResult Decide()
    {
        if (_firstNul is { } nul)
            return SniffResult.Refuse(IssueRules.BinaryFile,
                $"This is not a text file: it contains a NUL byte at line {nul.Line}, position {nul.Column} (byte offset {nul.Offset}). Upload a CSV file saved as text.",
                nul.Line, nul.Hex);
        if (_utf8Valid)
            return new SniffResult(FileSniffer.Utf8, null);
        if (_bom)
            return SniffResult.Refuse(IssueRules.InvalidEncoding,
                $"The file says it is UTF-8 (it starts with a UTF-8 byte order mark) but the byte at offset {_firstInvalidUtf8} is not valid UTF-8. Save it again as CSV UTF-8 and upload that.");
        if (_firstUndefined is { } bad)
            return SniffResult.Refuse(IssueRules.InvalidEncoding,
                $"The file is neither UTF-8 nor Windows-1252: byte {bad.Hex} at line {bad.Line}, position {bad.Column} (byte offset {bad.Offset}) is not a character in either. Save it as CSV UTF-8 (Comma delimited) and upload that.",
                bad.Line, bad.Hex);
        return new SniffResult(FileSniffer.Windows1252, null);
    }
}
