using System.Globalization;
using System.Text;

namespace MhEmployment.Web.Features.Imports.Parsing;

/// <summary>
/// Reads one file format into observations and issues, lazily, record by record. Never throws for bad input: every
/// problem is a <see cref="ParseIssue"/>, and a record carrying an error has no observation. Only cancellation and
/// I/O failures of the stream itself surface as exceptions.
/// </summary>
public abstract class ImportParser
{
    public abstract ImportFormat Format { get; }

    /// <summary>
    /// Whether the parser remembers each (series, period, area) to fold exact repeats and report conflicting ones
    /// (on by default). The import workflow turns it off: its validator checks the same after mapping to the catalogue,
    /// where more collisions can arise, and one set of keys in memory is enough for a million-row file.
    /// </summary>
    public bool TrackDuplicates { get; init; } = true;

    /// <summary>Whether the first line is the header (every format but the NOMIS web download, which has a preamble).</summary>
    private protected virtual bool HasHeaderRow => true;

    public static ImportParser For(ImportFormat format, bool trackDuplicates = true) => format switch
    {
        ImportFormat.NomisApi => new NomisApiParser { TrackDuplicates = trackDuplicates },
        ImportFormat.NomisWeb => new NomisWebParser { TrackDuplicates = trackDuplicates },
        ImportFormat.Mhsds => new MhsdsParser { TrackDuplicates = trackDuplicates },
        ImportFormat.Fingertips => new FingertipsParser { TrackDuplicates = trackDuplicates },
        ImportFormat.Template => new TemplateParser { TrackDuplicates = trackDuplicates },
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    /// <summary>Reads a byte stream in the encoding <see cref="FileSniffer"/> chose (the fast path: no UTF-16 copy).</summary>
    public IEnumerable<ParsedRecord> Read(Stream stream, Encoding encoding, ParseProgress? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(encoding);
        return Run(() => CsvSource.Open(stream, encoding, HasHeaderRow), progress, cancellationToken);
    }

    public IEnumerable<ParsedRecord> Read(TextReader reader, ParseProgress? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return Run(() => CsvSource.Open(reader, HasHeaderRow), progress, cancellationToken);
    }

    private protected abstract RowReader CreateRowReader(CsvSource source);

    private IEnumerable<ParsedRecord> Run(Func<CsvSource> open, ParseProgress? progress, CancellationToken cancellationToken)
    {
        using var source = open();
        if (source.Start() is { } headerFault)
        {
            yield return RowReader.Fail(headerFault);
            yield break;
        }
        var rows = CreateRowReader(source);
        rows.Duplicates = TrackDuplicates ? new DuplicateKeys() : DuplicateKeys.Off;
        if (rows.Start() is { } startProblem)
        {
            yield return RowReader.Fail(startProblem);
            yield break;
        }
        foreach (var headerWarning in rows.TakePending())
            yield return headerWarning;

        long records = 0;
        var stopped = false;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!source.Read(out var fault))
            {
                if (fault is not null)
                    yield return RowReader.Fail(fault);
                stopped = fault is not null;
                break;
            }
            records++;
            if ((records & 0xFF) == 0)
                progress?.Report(source.ByteOffset, records);

            if (source.QuoteProblem(out var fatal) is { } quote)
            {
                yield return RowReader.Fail(quote);
                stopped = fatal;
                if (fatal) break;
                continue;
            }
            if (rows.Read() is { } record)
                yield return record;
            foreach (var pending in rows.TakePending())
                yield return pending;
        }
        foreach (var record in rows.Finish())
            yield return record;
        if (rows.DataRows == 0 && !stopped)
            yield return RowReader.Fail(new ParseIssue(source.Line > 0 ? source.Line : 1, null, null, IssueRules.NoDataRows,
                $"The file has no data rows{(HasHeaderRow ? " after the header" : "")}: there is nothing to import."));
        progress?.Report(source.ByteOffset, records);
    }
}

/// <summary>One file's reading state for one format: the column indexes, caches and duplicate keys.</summary>
internal abstract class RowReader
{
    private List<ParsedRecord>? _pending;

    protected RowReader(CsvSource source)
    {
        Source = source;
        Header = new HeaderNames(source.Headers);
        Cell = new CellReader(source, Issues);
    }

    protected CsvSource Source { get; }

    /// <summary>The header's columns (none for a format without a header row).</summary>
    protected HeaderNames Header { get; }

    /// <summary>The current row's issues.</summary>
    protected RowIssues Issues { get; } = new();

    /// <summary>Typed cells of the current row; problems go to <see cref="Issues"/>.</summary>
    protected CellReader Cell { get; }

    /// <summary>The keys seen so far, or <see cref="DuplicateKeys.Off"/>.</summary>
    public DuplicateKeys Duplicates { get; set; } = new();

    /// <summary>Data rows seen (not the header, preamble, footnotes or blank lines).</summary>
    public long DataRows { get; protected set; }

    /// <summary>Checks the header; an issue stops the file (a required column is missing).</summary>
    public abstract ParseIssue? Start();

    /// <summary>Reads the current record: an observation, issues, both, or null when there is nothing to say.</summary>
    public abstract ParsedRecord? Read();

    /// <summary>Records that complete only at the end of the file (summary warnings, unpaired rows).</summary>
    public virtual IEnumerable<ParsedRecord> Finish() => [];

    /// <summary>Extra records a row released (a buffered pair completed, say).</summary>
    public IEnumerable<ParsedRecord> TakePending()
    {
        if (_pending is null || _pending.Count == 0)
            return [];
        var taken = _pending;
        _pending = null;
        return taken;
    }

    protected void Release(ParsedRecord? record)
    {
        if (record is not null)
            (_pending ??= []).Add(record);
    }

    public static ParsedRecord Fail(ParseIssue issue) => new(null, [issue]);

    /// <summary>
    /// Whether the current record is not a data row to read: blank (<paramref name="record"/> null), or ragged
    /// (<paramref name="record"/> says so). A data row is counted.
    /// </summary>
    protected bool SkipsRow(out ParsedRecord? record, int missingTrailingAllowed = 0)
    {
        record = null;
        if (Source.IsBlankRecord())
            return true;
        DataRows++;
        if (CheckFieldCount(Header.Count, missingTrailingAllowed) is { } ragged)
            record = Fail(ragged);
        return record is not null;
    }

    /// <summary>
    /// The observation, unless its series, period and area came before: an exact repeat is dropped (null), a
    /// different value is an error naming the first line.
    /// </summary>
    protected SourceObservation? Deduplicated(int series, int period, SourceObservation observation)
    {
        switch (Duplicates.Check(series, period, observation.AreaCode, observation, out var firstLine))
        {
            case DuplicateKeys.Outcome.Repeat:
                return null;
            case DuplicateKeys.Outcome.Conflict:
                Issues.Add(new ParseIssue(observation.LineNumber, observation.ValueColumn,
                    observation.Value?.ToString(CultureInfo.InvariantCulture) ?? observation.SuppressionMarker, IssueRules.DuplicateKeyConflict,
                    $"{observation.SeriesName} for {observation.AreaCode}, {observation.PeriodLabel}, {observation.Sex}, {observation.AgeBand} is also on line {firstLine} with a different value."));
                break;
        }
        return observation;
    }

    /// <summary>
    /// A header naming a column twice is an error: which one to read is not clear. A column the format does not know
    /// is an error where the format is ours (a misspelt column would be silently ignored), and a warning where it is a
    /// publisher's, whose downloads gain columns over time.
    /// </summary>
    protected ParseIssue? CheckColumns(string format, IEnumerable<string> known, bool unknownIsError, Func<string, bool>? alsoKnown = null)
    {
        if (DuplicateColumns(Header, 1) is { } duplicated)
            return duplicated;
        var unknown = Header.Unknown(known, alsoKnown);
        if (unknown.Count == 0)
            return null;
        var names = string.Join(", ", unknown.Select(u => $"\"{Cells.ForIssue(u)}\""));
        var plural = unknown.Count > 1;
        if (unknownIsError)
            return new ParseIssue(1, unknown[0], null, IssueRules.UnknownColumn,
                $"The {format} has {(plural ? "columns" : "a column")} it does not know: {names}. Its columns are {string.Join(", ", known)}; correct the header's spelling or remove {(plural ? "those columns" : "that column")}.");
        Release(Fail(new ParseIssue(1, unknown[0], null, IssueRules.UnknownColumn,
            $"The {(plural ? "columns" : "column")} {names} {(plural ? "are" : "is")} not part of the {format} layout and {(plural ? "were" : "was")} not read.", IssueSeverity.Warning)));
        return null;
    }

    /// <summary>An error naming the columns a header (on <paramref name="line"/>) names twice; null when it names each once.</summary>
    protected static ParseIssue? DuplicateColumns(HeaderNames header, long line)
    {
        if (header.Duplicates is not [var first, ..])
            return null;
        var all = string.Join(", ", header.Duplicates.Select(d => string.Create(CultureInfo.InvariantCulture, $"\"{Cells.ForIssue(d.Name)}\" (columns {d.First + 1} and {d.Again + 1})")));
        return new ParseIssue(line, first.Name, null, IssueRules.DuplicateColumn,
            $"The header names a column more than once: {all}. It is not clear which to read; remove or rename the extra column and upload the file again.");
    }

    /// <summary>An issue naming the required columns the header lacks; null when it has them all.</summary>
    protected ParseIssue? MissingColumns(string format, params string[] names)
    {
        var missing = names.Where(n => !Header.Has(n)).ToArray();
        return missing.Length == 0 ? null : new ParseIssue(1, missing[0], null, IssueRules.MissingColumn,
            string.Create(CultureInfo.InvariantCulture,
                $"This {format} file has no {string.Join(", ", missing.Select(m => $"\"{m}\""))} column{(missing.Length > 1 ? "s" : "")}. The header was: {Cells.ForIssue(string.Join(",", Header.Headers))}"));
    }

    /// <summary>
    /// A ragged row: an issue unless the extra fields are all empty (spreadsheets pad rows with commas) or the row
    /// is short by no more than <paramref name="missingTrailingAllowed"/> fields (Fingertips leaves off its last, empty one).
    /// </summary>
    protected ParseIssue? CheckFieldCount(int expected, int missingTrailingAllowed = 0)
    {
        var count = Source.FieldCount;
        if (count == expected || (count < expected && count >= expected - missingTrailingAllowed))
            return null;
        if (count > expected)
        {
            var extraEmpty = true;
            for (var i = expected; i < count && extraEmpty; i++)
                extraEmpty = Cells.Trim(Source[i]).IsEmpty;
            if (extraEmpty)
                return null;
        }
        return new ParseIssue(Source.Line, null, null, IssueRules.RaggedRow,
            string.Create(CultureInfo.InvariantCulture,
                $"Line {Source.Line} has {count} values but the header has {expected} columns, so the values cannot be matched to columns. The row was not read."));
    }
}
