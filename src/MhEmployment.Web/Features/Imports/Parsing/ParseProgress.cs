namespace MhEmployment.Web.Features.Imports.Parsing;

/// <summary>
/// How far a parser has read, for a progress bar: written by the parsing thread, read from any other.
/// Bytes are UTF-8 bytes of input (for Windows-1252 files, slightly more than the file's own bytes).
/// </summary>
public sealed class ParseProgress
{
    private long _bytesRead;
    private long _recordsRead;

    public long BytesRead => Volatile.Read(ref _bytesRead);

    /// <summary>CSV records read, header and preamble included.</summary>
    public long RecordsRead => Volatile.Read(ref _recordsRead);

    /// <summary>The share of <paramref name="totalBytes"/> read, from 0 to 1.</summary>
    public double FractionOf(long totalBytes) =>
        totalBytes <= 0 ? 0 : Math.Clamp((double)BytesRead / totalBytes, 0, 1);

    internal void Report(long bytesRead, long recordsRead)
    {
        Volatile.Write(ref _bytesRead, bytesRead);
        Volatile.Write(ref _recordsRead, recordsRead);
    }
}
