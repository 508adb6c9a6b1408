namespace MhEmployment.Web.Features.Imports.Parsing;

/// <summary>Reads the dates MHSDS and the template use: dd/mm/yyyy (also d/m/yyyy) and ISO yyyy-mm-dd (a time after it is ignored).</summary>
internal static class DateCells
{
    public enum Outcome { Ok, Impossible, Unrecognised }

    public static Outcome TryParse(ReadOnlySpan<byte> cell, out DateOnly date, bool isoOnly = false)
    {
        date = default;
        cell = Cells.Trim(cell);
        int day, month, year;
        if (cell.Length >= 10 && cell[4] == (byte)'-' && cell[7] == (byte)'-' &&
            (cell.Length == 10 || cell[10] is (byte)' ' or (byte)'T'))
        {
            if (!Digits(cell[..4], out year) || !Digits(cell[5..7], out month) || !Digits(cell[8..10], out day))
                return Outcome.Unrecognised;
        }
        else if (!isoOnly && cell.IndexOf((byte)'/') is var s1 and (1 or 2) &&
                 cell[(s1 + 1)..].IndexOf((byte)'/') is var s2 and (1 or 2) && cell.Length - (s1 + s2 + 2) == 4)
        {
            var rest = cell[(s1 + 1)..];
            if (!Digits(cell[..s1], out day) || !Digits(rest[..s2], out month) || !Digits(rest[(s2 + 1)..], out year))
                return Outcome.Unrecognised;
        }
        else
        {
            return Outcome.Unrecognised;
        }
        if (year < 1900 || year > 2200 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
            return Outcome.Impossible;
        date = new DateOnly(year, month, day);
        return Outcome.Ok;
    }

    private static bool Digits(ReadOnlySpan<byte> span, out int value)
    {
        value = 0;
        foreach (var b in span)
        {
            if (b is < (byte)'0' or > (byte)'9')
                return false;
            value = value * 10 + (b - '0');
        }
        return !span.IsEmpty;
    }
}
