using System.Globalization;
using System.Text;
using CsvHelper;

namespace MhEmployment.Web.Features.Imports.Parsing;

/// <summary>
/// The CSV reader the parsers share: commas only (a wrong delimiter is reported, not guessed), quoted line breaks
/// allowed, a 1 MB cap on a record, line numbers tracked, and every reader fault turned into a <see cref="ParseIssue"/>.
/// </summary>
internal sealed class CsvSource : IDisposable
{
    /// <summary>The longest record read; longer ones stop the file with one clear error.</summary>
    public const int MaxRecordBytes = 1 << 20;

    private readonly CsvReader _csv;
    private readonly List<CsvMalformedRecord> _malformed = [];
    private readonly bool _hasHeader;
    private long _lastLine;

    private CsvSource(Func<CsvReaderOptions, CsvReader> create, bool hasHeader)
    {
        _hasHeader = hasHeader;
        _csv = create(new CsvReaderOptions
        {
            Separator = ',',
            HasHeader = hasHeader,
            TrackLineNumbers = true,
            AllowLineBreaksInQuotes = true,
            SkipEmptyLines = true,
            MaxRecordSize = MaxRecordBytes,
            MalformedData = CsvMalformedDataHandling.Recover,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            OnMalformedRecord = _malformed.Add,
            DetectSeparatorHint = false,
        });
    }

    public static CsvSource Open(Stream stream, Encoding encoding, bool hasHeader) =>
        new(options => CsvReader.Create(stream, options with { Encoding = encoding }, leaveOpen: true), hasHeader);

    public static CsvSource Open(TextReader reader, bool hasHeader) =>
        new(options => CsvReader.Create(reader, options, leaveOpen: true), hasHeader);

    public IReadOnlyList<string> Headers { get; private set; } = [];

    /// <summary>The line where the current record starts (1-based, as an editor shows it).</summary>
    public long Line => _csv.LineNumber;

    public long ByteOffset => _csv.ByteOffset;

    public int FieldCount => _csv.FieldCount;

    public ReadOnlySpan<byte> this[int index] => _csv.GetSpan(index);

    public string Text(int index) => Cells.Text(_csv.GetSpan(index));

    public bool IsBlankRecord() => IsBlankFrom(0);

    public bool IsBlankFrom(int first)
    {
        for (var i = first; i < _csv.FieldCount; i++)
            if (!Cells.Trim(_csv.GetSpan(i)).IsEmpty)
                return false;
        return true;
    }

    /// <summary>Reads the header (when there is one); an issue if it cannot be read.</summary>
    public ParseIssue? Start()
    {
        if (!_hasHeader)
            return null;
        try
        {
            Headers = _csv.Headers.Select(h => h.Trim().TrimStart('\uFEFF')).ToArray();
            _lastLine = 1;
            return null;
        }
        catch (CsvFormatException e)
        {
            return TooLarge(e.LineNumber > 0 ? e.LineNumber : 1);
        }
    }

    /// <summary>Moves to the next record; false at the end, or with <paramref name="fault"/> when the file cannot be read on.</summary>
    public bool Read(out ParseIssue? fault)
    {
        fault = null;
        _malformed.Clear();
        try
        {
            if (!_csv.Read())
                return false;
            _lastLine = _csv.LineNumber;
            return true;
        }
        catch (CsvFormatException e)
        {
            fault = TooLarge(e.LineNumber > 0 ? e.LineNumber : _lastLine + 1);
            return false;
        }
    }

    /// <summary>
    /// The quoting problem of the current record, if it has one. <paramref name="isFatal"/> when a quote is never
    /// closed: the reader then swallowed the rest of the file into this record, so nothing after it can be trusted.
    /// </summary>
    public ParseIssue? QuoteProblem(out bool isFatal)
    {
        isFatal = false;
        if (_malformed.Count == 0)
            return null;
        var problem = _malformed[0];
        var line = problem.LineNumber > 0 ? problem.LineNumber : Line;
        if (problem.Reason == CsvMalformedReason.UnterminatedQuote)
        {
            isFatal = true;
            return new ParseIssue(line, null, Cells.ForIssue(problem.RawRecord), IssueRules.UnclosedQuote,
                $"A quote (\") opened on line {line} is never closed, so the rest of the file after it cannot be read. Check that line for a stray quote character.");
        }
        if (problem.Reason == CsvMalformedReason.FieldCountMismatch)
            return null;
        var what = problem.Reason == CsvMalformedReason.TextAfterClosingQuote
            ? "has text after a closing quote"
            : "has a quote (\") in the middle of an unquoted value";
        return new ParseIssue(line, null, Cells.ForIssue(problem.RawRecord), IssueRules.MalformedQuote,
            $"Line {line} {what}, so its values cannot be split reliably. The row was not read.");
    }

    private static ParseIssue TooLarge(long line) =>
        new(line, null, null, IssueRules.RecordTooLarge,
            string.Create(CultureInfo.InvariantCulture,
                $"The record starting on line {line} is longer than {MaxRecordBytes / (1 << 20)} MB (a missing line break or an unclosed quote?). The file cannot be read past it."));

    public void Dispose() => _csv.Dispose();
}
