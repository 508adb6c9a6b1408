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

    public static byte[] Utf8WithBom(StringBuilder text) => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
}
