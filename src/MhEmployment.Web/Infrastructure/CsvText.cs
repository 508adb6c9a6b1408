using System.Text;

namespace MhEmployment.Web.Infrastructure;

/// <summary>Writes CSV that spreadsheets open safely: RFC 4180 quoting, and formula-like cells neutralised (<see cref="SpreadsheetText"/>).</summary>
public static class CsvText
{
    public static string Line(params IEnumerable<string?> fields) => string.Join(',', fields.Select(Field));

    public static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }
        value = SpreadsheetText.Neutralise(value);
        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    /// <summary>
    /// The text as UTF-8 after a byte order mark, encoded from the builder's chunks into one array of the exact size: a
    /// summary's CSV is a megabyte or more, and going through one string doubled it and copied it twice more. The
    /// encoder carries a surrogate pair split between two chunks over to the next.
    /// </summary>
    public static byte[] Utf8WithBom(StringBuilder text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var preamble = Encoding.UTF8.Preamble;
        var length = preamble.Length;
        var endedHigh = false;
        foreach (var chunk in text.GetChunks())
        {
            var span = chunk.Span;
            length += Encoding.UTF8.GetByteCount(span);
            // Counted apart, a pair split between chunks is two replacement characters (3 bytes each); whole, it is 4.
            if (endedHigh && span.Length > 0 && char.IsLowSurrogate(span[0]))
            {
                length -= 2;
            }
            endedHigh = span.Length > 0 && char.IsHighSurrogate(span[^1]);
        }
        var encoder = Encoding.UTF8.GetEncoder();
        var bytes = new byte[length];
        preamble.CopyTo(bytes);
        var at = preamble.Length;
        foreach (var chunk in text.GetChunks())
        {
            at += encoder.GetBytes(chunk.Span, bytes.AsSpan(at), flush: false);
        }
        encoder.GetBytes([], bytes.AsSpan(at), flush: true);
        return bytes;
    }
}
