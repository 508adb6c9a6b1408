using System.Globalization;
using System.Text;

namespace MhEmployment.Web.Infrastructure;

/// <summary>
/// A CSV download built a row at a time (RFC 4180, CRLF line ends, UTF-8 with a byte-order mark for spreadsheets).
/// Text cells go through <see cref="CsvText.Field"/>, which neutralises formula-like text; numbers are written in
/// full precision and never neutralised, so that "-1.5" stays a number.
/// </summary>
public sealed class CsvTable
{
    private readonly StringBuilder text = new();
    private readonly List<string> row = [];
    private readonly int columns;

    public CsvTable(params IReadOnlyList<string> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        columns = headers.Count;
        text.AppendJoin(',', headers.Select(CsvText.Field)).Append("\r\n");
    }

    public int Rows { get; private set; }

    public CsvTable Text(string? value)
    {
        row.Add(CsvText.Field(value));
        return this;
    }

    /// <summary>A number as stored (shortest round-trip form, invariant culture); empty when missing or not finite.</summary>
    public CsvTable Number(double? value)
    {
        row.Add(value is { } v && double.IsFinite(v) ? v.ToString("R", CultureInfo.InvariantCulture) : "");
        return this;
    }

    public CsvTable Number(int? value)
    {
        row.Add(value?.ToString(CultureInfo.InvariantCulture) ?? "");
        return this;
    }

    /// <summary>Ends the row; a row with more or fewer cells than the header is a programming error.</summary>
    public void EndRow()
    {
        if (row.Count != columns)
        {
            throw new InvalidOperationException($"A CSV row has {row.Count} cells for {columns} columns.");
        }
        text.AppendJoin(',', row).Append("\r\n");
        row.Clear();
        Rows++;
    }

    public byte[] ToUtf8() => CsvText.Utf8WithBom(text);

    public override string ToString() => text.ToString();
}
