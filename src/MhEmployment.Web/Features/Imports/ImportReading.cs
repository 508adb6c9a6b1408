using MhEmployment.Web.Features.Imports.Parsing;

namespace MhEmployment.Web.Features.Imports;

/// <summary>
/// A stored upload opened for validation: its encoding decided, its format detected (or taken from the analyst),
/// and its records streamed by the format's parser, with how far it has read.
/// </summary>
public sealed class ImportReading
{
    private readonly ParseProgress _progress;
    private readonly long _length;

    private ImportReading(ParseProgress progress, long length)
    {
        _progress = progress;
        _length = length;
    }

    public ImportFormat Format { get; private init; }
    public string? Refusal { get; private init; }
    public IEnumerable<ParsedRecord> Records { get; private init; } = [];

    public double Progress() => _progress.FractionOf(_length);

    public long RecordsRead => _progress.RecordsRead;

    /// <summary>The quick check at upload, on the first bytes only: binary files, archives, spreadsheets, UTF-16.</summary>
    public static string? Sniff(string path, string fileName)
    {
        using var stream = File.OpenRead(path);
        var head = new byte[FileSniffer.HeadSize];
        var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        return FileSniffer.Sniff(head.AsSpan(0, read), fileName, isWholeFile: read < head.Length).Refusal?.Message;
    }

    public static ImportReading Open(string path, string fileName, ImportFormat? requested, CancellationToken cancellationToken)
    {
        var inspection = ImportFileReader.Open(path, requested, fileName);
        if (inspection.IsRefused)
        {
            return new ImportReading(new ParseProgress(), 0) { Refusal = inspection.Refusal?.Message ?? "The file's format could not be recognised." };
        }
        var progress = new ParseProgress();
        return new ImportReading(progress, inspection.Length)
        {
            Format = inspection.Format!.Value,
            // The validator checks keys after mapping, so the parser need not hold its own set of them.
            Records = inspection.ReadRecords(progress, trackDuplicates: false, cancellationToken),
        };
    }
}
