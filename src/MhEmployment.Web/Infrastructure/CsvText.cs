using System.Text;

namespace MhEmployment.Web.Infrastructure;

/// <summary>Writes CSV that spreadsheets open safely: RFC 4180 quoting, and formula-like cells neutralised.</summary>
public static class CsvText
{
    public static string Line(params IEnumerable<string?> fields) => string.Join(',', fields.Select(Field));

    public static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }
        // A leading =, +, -, @, tab or CR makes Excel evaluate the cell (CSV injection); a quote mark keeps it text.
        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }
        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    public static byte[] Utf8WithBom(StringBuilder text) => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
}
