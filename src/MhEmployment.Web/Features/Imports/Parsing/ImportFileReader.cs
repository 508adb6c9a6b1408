using System.Text;

namespace MhEmployment.Web.Features.Imports.Parsing;

/// <summary>
/// The one call the import workflow makes: sniff the file (refuse non-CSV, pick the encoding), detect or accept the
/// format, then stream its records.
/// </summary>
public static class ImportFileReader
{
    /// <summary>How much of the start is decoded for format detection.</summary>
    public const int DetectionBytes = 1 << 16;

    /// <summary>
    /// Inspects the file at <paramref name="path"/>. Reads the whole file once for the encoding check (vectorised,
    /// about disk speed), and holds no handle afterwards. <paramref name="forced"/> is the analyst's override: it
    /// replaces detection but not the refusal of binary files.
    /// </summary>
    public static ImportFileInspection Open(string path, ImportFormat? forced = null, string? fileName = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        fileName ??= Path.GetFileName(path);
        using var stream = OpenRead(path);
        var length = stream.Length;
        var sniff = FileSniffer.Sniff(stream, fileName);
        if (sniff.Refusal is { } refusal)
            return new ImportFileInspection(path, length, null, null, null, refusal);

        stream.Position = 0;
        var head = new byte[(int)Math.Min(length, DetectionBytes)];
        stream.ReadExactly(head);
        var isWholeFile = head.Length == length;
        var text = sniff.Encoding!.GetString(head);
        if (!isWholeFile)
            text = text.TrimEnd('\uFFFD');
        var detection = FormatDetector.Detect(text.TrimStart('\uFEFF'), isWholeFile);
        if (forced is { } format)
            return new ImportFileInspection(path, length, sniff.Encoding, format, detection.Format, null);
        return new ImportFileInspection(path, length, sniff.Encoding, detection.Format, detection.Format, detection.Problem);
    }

    internal static FileStream OpenRead(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
}

/// <summary>What <see cref="ImportFileReader.Open"/> found: the format and encoding to read with, or why the file is refused.</summary>
public sealed record ImportFileInspection(
    string Path, long Length, Encoding? Encoding, ImportFormat? Format, ImportFormat? DetectedFormat, ParseIssue? Refusal)
{
    public bool IsRefused => Refusal is not null || Format is null || Encoding is null;

    /// <summary>Streams the records; opens the file when enumeration starts and closes it when it ends.</summary>
    public IEnumerable<ParsedRecord> ReadRecords(ParseProgress? progress = null, bool trackDuplicates = true, CancellationToken cancellationToken = default)
    {
        if (IsRefused)
            throw new InvalidOperationException("A refused file cannot be read; show its Refusal instead.");
        return Read(progress, trackDuplicates, cancellationToken);
    }

    private IEnumerable<ParsedRecord> Read(ParseProgress? progress, bool trackDuplicates, CancellationToken cancellationToken)
    {
        using var stream = ImportFileReader.OpenRead(Path);
        foreach (var record in ImportParser.For(Format!.Value, trackDuplicates).Read(stream, Encoding!, progress, cancellationToken))
            yield return record;
    }
}
