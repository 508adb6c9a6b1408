using System.Globalization;
using System.Text;

namespace MhEmployment.Web.Features.Imports.Parsing;

/// <summary>Allocation-free reading of cell bytes (UTF-8 spans from the CSV reader): markers, numbers, formulas.</summary>
internal static class Cells
{
    public static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> cell) => cell[System.Text.Ascii.Trim(cell)];

    public static ReadOnlySpan<byte> TrimStart(ReadOnlySpan<byte> cell) => cell[System.Text.Ascii.TrimStart(cell)];

    /// <summary>The suppression marker the cell holds (the same string instance every time), or null.</summary>
    public static string? SuppressionMarker(ReadOnlySpan<byte> cell)
    {
        cell = Cells.Trim(cell);
        return cell.Length switch
        {
            0 => "",
            1 when cell[0] == (byte)'*' => "*",
            1 when cell[0] == (byte)'!' => "!",
            1 when cell[0] == (byte)'-' => "-",
            1 when cell[0] == (byte)'x' => "x",
            1 when cell[0] == (byte)'X' => "X",
            1 when cell[0] == (byte)':' => ":",
            2 when cell[0] == (byte)'.' && cell[1] == (byte)'.' => "..",
            _ => null,
        };
    }

    public static bool TryNumber(ReadOnlySpan<byte> cell, out double value)
    {
        cell = Cells.Trim(cell);
        if (double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value))
            return true;
        // Spreadsheets save large numbers as "1,234" (quoted).
        return cell.Contains((byte)',') &&
            double.TryParse(cell, NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out value) &&
            double.IsFinite(value);
    }

    /// <summary>A number too large for a double ("1.8E+308"), which reads as infinity rather than as a number.</summary>
    public static bool IsOverflow(ReadOnlySpan<byte> cell) =>
        double.TryParse(Cells.Trim(cell), NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var value) && double.IsInfinity(value);

    /// <summary>
    /// A cell a spreadsheet would run as a formula (CSV injection): starts with = + @, or with - followed by
    /// something that is not a number. Never stored, never shown unescaped.
    /// </summary>
    public static bool LooksLikeFormula(ReadOnlySpan<byte> cell)
    {
        cell = Cells.TrimStart(cell);
        if (cell.IsEmpty)
            return false;
        return cell[0] switch
        {
            (byte)'=' or (byte)'+' or (byte)'@' => true,
            (byte)'-' => cell.Length > 1 && !(char.IsAsciiDigit((char)cell[1]) || cell[1] is (byte)'.' or (byte)' '),
            _ => false,
        };
    }

    public static bool LooksLikeFormula(string text)
    {
        var span = text.AsSpan().TrimStart();
        if (span.IsEmpty)
            return false;
        return span[0] switch
        {
            '=' or '+' or '@' => true,
            '-' => span.Length > 1 && !(char.IsAsciiDigit(span[1]) || span[1] is '.' or ' '),
            _ => false,
        };
    }

    /// <summary>The cell as text for an issue, shortened so a 10 MB cell does not end up in the error list.</summary>
    public static string ForIssue(ReadOnlySpan<byte> cell)
    {
        const int Max = 200;
        if (cell.Length <= Max)
            return Encoding.UTF8.GetString(cell);
        return Encoding.UTF8.GetString(cell[..Max]) + "…";
    }

    public static string ForIssue(string text) => text.Length <= 200 ? text : text[..200] + "…";

    public static string Text(ReadOnlySpan<byte> cell) => Encoding.UTF8.GetString(Cells.Trim(cell));
}
