using System.Buffers;
using System.Text;

namespace MhEmployment.Web.Features.Imports.Parsing;

/// <summary>
/// Refuses files that are not CSV text before any parsing (spreadsheets, archives, PDFs, UTF-16) and decides the
/// encoding: UTF-8 (with or without BOM) when every byte is valid UTF-8, otherwise Windows-1252, Excel's default.
/// </summary>
public static class FileSniffer
{
    /// <summary>How much of the start of a file the magic-number and text checks look at.</summary>
    public const int HeadSize = 8192;

    private const int ChunkSize = 1 << 16;

    public static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Windows-1252, from the code-pages provider that ships in the shared framework.</summary>
    public static Encoding Windows1252 { get; } = CreateWindows1252();

    private static Encoding CreateWindows1252()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    }

    /// <summary>
    /// Sniffs the first bytes of a file. When <paramref name="isWholeFile"/> is false the encoding is decided from
    /// these bytes alone (a multi-byte character cut at the end is allowed); prefer <see cref="Sniff(Stream, string)"/>,
    /// which checks every byte, because a Windows-1252 "£" may first appear far down a file.
    /// </summary>
    public static SniffResult Sniff(ReadOnlySpan<byte> head, string fileName, bool isWholeFile = false)
    {
        var refusal = CheckHead(head, fileName, isWholeFile);
        if (refusal is not null)
            return refusal;
        var scan = new EncodingScan();
        scan.Add(head, isFinal: isWholeFile);
        return scan.Decide();
    }

    /// <summary>Sniffs a whole stream: the head checks, then every byte for the encoding. Reads to the end.</summary>
    public static SniffResult Sniff(Stream stream, string fileName)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            var filled = ReadAtLeast(stream, buffer, HeadSize);
            var atEnd = filled < HeadSize;
            var refusal = CheckHead(buffer.AsSpan(0, filled), fileName, atEnd);
            if (refusal is not null)
                return refusal;

            var scan = new EncodingScan();
            while (true)
            {
                if (!atEnd)
                {
                    filled += ReadAtLeast(stream, buffer.AsSpan(filled), buffer.Length - filled);
                    atEnd = filled < buffer.Length;
                }
                var carried = scan.Add(buffer.AsSpan(0, filled), atEnd);
                if (atEnd || scan.IsSettled)
                    break;
                // Keep a multi-byte character cut at the end of the chunk for the next round.
                buffer.AsSpan(filled - carried, carried).CopyTo(buffer);
                filled = carried;
            }
            return scan.Decide();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static int ReadAtLeast(Stream stream, Span<byte> buffer, int wanted) =>
        stream.ReadAtLeast(buffer[..Math.Min(wanted, buffer.Length)], Math.Min(wanted, buffer.Length), throwOnEndOfStream: false);

    private static SniffResult? CheckHead(ReadOnlySpan<byte> head, string fileName, bool isWholeFile)
    {
        var text = head.StartsWith("\uFEFF"u8) ? head[3..] : head;
        if (head.IsEmpty || (isWholeFile && text.IndexOfAnyExcept(" \t\r\n"u8) < 0))
            return SniffResult.Refuse(IssueRules.EmptyFile, "The file is empty: there is nothing to import.");

        if (head.StartsWith("PK\u0003\u0004"u8) || head.StartsWith("PK\u0005\u0006"u8))
            return RefuseZip(head, fileName);
        if (head.StartsWith(new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }))
            return SniffResult.Refuse(IssueRules.SpreadsheetFile, $"This looks like an old Excel workbook (.xls) or another Office file renamed {Extension(fileName)}; open it in Excel, save it as CSV UTF-8 (Comma delimited) and upload that.");
        if (head.StartsWith("%PDF-"u8))
            return SniffResult.Refuse(IssueRules.PdfFile, "This is a PDF document, not a CSV file. Download the data as CSV from the source and upload that.");
        if (head.StartsWith(new byte[] { 0x1F, 0x8B }))
            return SniffResult.Refuse(IssueRules.GzipFile, "This is a gzip-compressed file. Decompress it and upload the CSV inside.");

        if (head.StartsWith(new byte[] { 0xFF, 0xFE, 0x00, 0x00 }) || head.StartsWith(new byte[] { 0x00, 0x00, 0xFE, 0xFF }))
            return RefuseWide(IssueRules.Utf32File, "UTF-32");
        if (head.StartsWith(new byte[] { 0xFF, 0xFE }))
            return RefuseWide(IssueRules.Utf16File, "UTF-16 (little-endian)");
        if (head.StartsWith(new byte[] { 0xFE, 0xFF }))
            return RefuseWide(IssueRules.Utf16File, "UTF-16 (big-endian)");

        var nul = head.IndexOf((byte)0);
        if (nul >= 0)
        {
            var wide = NulInterleaving(head);
            if (wide is not null)
                return RefuseWide(IssueRules.Utf16File, wide);
            var (line, column) = Locate(head, nul);
            return SniffResult.Refuse(IssueRules.BinaryFile,
                $"This is not a text file (it contains a NUL byte at line {line}, position {column}). Upload a CSV file saved as text.",
                line, "0x00");
        }
        return ControlShare(head) > 0.05
            ? SniffResult.Refuse(IssueRules.BinaryFile, "This is not a text file (too many control characters). Upload a CSV file saved as text.")
            : null;
    }

    private static SniffResult RefuseZip(ReadOnlySpan<byte> head, string fileName)
    {
        var ext = Extension(fileName);
        if (head.IndexOf("xl/"u8) >= 0 || ext == ".xlsx" || ext == ".xlsm")
            return SniffResult.Refuse(IssueRules.SpreadsheetFile, $"This looks like an Excel workbook renamed {ext}; save it as CSV UTF-8 (Comma delimited) from Excel and upload that.");
        if (head.IndexOf("word/"u8) >= 0 || head.IndexOf("ppt/"u8) >= 0 || ext == ".docx")
            return SniffResult.Refuse(IssueRules.ZipFile, $"This looks like a Word or PowerPoint document renamed {ext}, not a CSV file. Upload the data as CSV.");
        if (head.IndexOf("content.xml"u8) >= 0)
            return SniffResult.Refuse(IssueRules.SpreadsheetFile, $"This looks like an OpenDocument spreadsheet renamed {ext}; save it as CSV (UTF-8) and upload that.");
        return SniffResult.Refuse(IssueRules.ZipFile, "This is a zip archive, not a CSV file. Unzip it and upload the CSV file inside.");
    }

    private static SniffResult RefuseWide(string rule, string encoding) =>
        SniffResult.Refuse(rule, $"This file is saved as {encoding} text (Excel's \"Unicode Text\"). Save it as CSV UTF-8 (Comma delimited) and upload that.");

    /// <summary>UTF-16 without a BOM shows as ASCII with a NUL before or after every character.</summary>
    private static string? NulInterleaving(ReadOnlySpan<byte> head)
    {
        int even = 0, odd = 0, pairs = head.Length / 2;
        for (var i = 0; i + 1 < head.Length; i += 2)
        {
            if (head[i] == 0) even++;
            if (head[i + 1] == 0) odd++;
        }
        if (pairs == 0) return null;
        if (odd > pairs * 0.6 && even < pairs * 0.1) return "UTF-16 (little-endian)";
        if (even > pairs * 0.6 && odd < pairs * 0.1) return "UTF-16 (big-endian)";
        return null;
    }

    private static double ControlShare(ReadOnlySpan<byte> head)
    {
        var count = 0;
        foreach (var b in head)
            if (b < 0x20 && b is not ((byte)'\t' or (byte)'\r' or (byte)'\n' or (byte)'\f'))
                count++;
        return (double)count / head.Length;
    }

    internal static (long Line, long Column) Locate(ReadOnlySpan<byte> bytes, int index)
    {
        var before = bytes[..index];
        var line = before.Count((byte)'\n') + 1L;
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        return (line, index - lineStart + 1);
    }

    private static string Extension(string fileName)
    {
        var ext = Path.GetExtension(fileName);
        return string.IsNullOrEmpty(ext) ? ".csv" : ext.ToLowerInvariant();
    }
}
