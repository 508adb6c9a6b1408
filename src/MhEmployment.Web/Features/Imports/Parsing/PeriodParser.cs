using System.Globalization;
using System.Text.RegularExpressions;

namespace MhEmployment.Web.Features.Imports.Parsing;

/// <summary>
/// Turns the period labels NOMIS and Fingertips print into dates. Not on the hot path: parsers cache by label.
/// NOMIS: "2021", "August 2017", "Jul 2016-Jun 2017", "Oct-Dec 2017", "2019-20" (financial year), "2017-08".
/// Fingertips: "2015", "2019/20" (financial year), "2015 - 17" (three calendar years), "2017/18 - 19/20",
/// "2019/20 Q1" (April to June 2019), "2019 Q1".
/// </summary>
public static partial class PeriodParser
{
    public static bool TryParse(string? label, out Period period)
    {
        period = default;
        if (string.IsNullOrWhiteSpace(label))
            return false;
        var text = label.Trim();
        if (!TryDates(text, out var start, out var end) || end < start)
            return false;
        period = new Period(text, start, end);
        return true;
    }

    private static bool TryDates(string text, out DateOnly start, out DateOnly end)
    {
        start = end = default;
        Match m;
        if ((m = Year().Match(text)).Success)
            return Years(Int(m, 1), Int(m, 1), out start, out end);

        if ((m = YearSlashShort().Match(text)).Success)
        {
            // "2019/20" and "2019-20" are financial years; "2015 - 17" (spaced, as Fingertips prints pooled
            // periods) is a span of calendar years; "2017-08" unspaced is an ISO month (NOMIS's DATE column).
            var first = Int(m, 1);
            var two = Int(m, 3);
            var last = FullYear(first, two);
            var separator = m.Groups[2].Value;
            var spaced = separator.Length > 1;
            if (!spaced && last == first + 1)
                return FinancialYears(first, first, out start, out end);
            if (separator.Contains('/', StringComparison.Ordinal))
                return false;
            if (!spaced && separator == "-" && two is >= 1 and <= 12)
                return Months(new DateOnly(first, two, 1), 1, out start, out end);
            return last > first && Years(first, last, out start, out end);
        }
        if ((m = YearToYear().Match(text)).Success)
            return Int(m, 2) > Int(m, 1) && Years(Int(m, 1), Int(m, 2), out start, out end);
        if ((m = FinancialSpan().Match(text)).Success)
        {
            var first = Int(m, 1);
            if (FullYear(first, Int(m, 2)) != first + 1)
                return false;
            var lastStart = FullYear(first, Int(m, 3));
            return FullYear(lastStart, Int(m, 4)) == lastStart + 1 && lastStart >= first &&
                FinancialYears(first, lastStart, out start, out end);
        }
        if ((m = FinancialQuarter().Match(text)).Success)
        {
            var first = Int(m, 1);
            if (FullYear(first, Int(m, 2)) != first + 1)
                return false;
            var q = Int(m, 3);
            return Months(new DateOnly(first, 4, 1).AddMonths(3 * (q - 1)), 3, out start, out end);
        }
        if ((m = CalendarQuarter().Match(text)).Success)
            return Months(new DateOnly(Int(m, 1), 1, 1).AddMonths(3 * (Int(m, 2) - 1)), 3, out start, out end);
        if ((m = IsoDay().Match(text)).Success)
        {
            if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out start))
                return false;
            end = start;
            return true;
        }
        if ((m = MonthYear().Match(text)).Success)
            return Month(m.Groups[1].Value) is { } month && Months(new DateOnly(Int(m, 2), month, 1), 1, out start, out end);
        if ((m = MonthYearToMonthYear().Match(text)).Success)
        {
            if (Month(m.Groups[1].Value) is not { } m1 || Month(m.Groups[3].Value) is not { } m2)
                return false;
            start = new DateOnly(Int(m, 2), m1, 1);
            end = new DateOnly(Int(m, 4), m2, 1).AddMonths(1).AddDays(-1);
            return true;
        }
        if ((m = MonthToMonthYear().Match(text)).Success)
        {
            if (Month(m.Groups[1].Value) is not { } m1 || Month(m.Groups[2].Value) is not { } m2)
                return false;
            var year = Int(m, 3);
            // "Dec-Feb 2018" starts in the December before.
            start = new DateOnly(m1 <= m2 ? year : year - 1, m1, 1);
            end = new DateOnly(year, m2, 1).AddMonths(1).AddDays(-1);
            return true;
        }
        return false;
    }

    private static int Int(Match m, int group) => int.Parse(m.Groups[group].ValueSpan, CultureInfo.InvariantCulture);

    /// <summary>"17" after 2015 is 2017; "01" after 1999 is 2001.</summary>
    private static int FullYear(int reference, int twoDigits)
    {
        var year = reference / 100 * 100 + twoDigits;
        return year < reference ? year + 100 : year;
    }

    private static bool Years(int first, int last, out DateOnly start, out DateOnly end)
    {
        start = new DateOnly(first, 1, 1);
        end = new DateOnly(last, 12, 31);
        return first is >= 1900 and <= 2200;
    }

    private static bool FinancialYears(int first, int lastStart, out DateOnly start, out DateOnly end)
    {
        start = new DateOnly(first, 4, 1);
        end = new DateOnly(lastStart + 1, 3, 31);
        return first is >= 1900 and <= 2200;
    }

    private static bool Months(DateOnly first, int count, out DateOnly start, out DateOnly end)
    {
        start = first;
        end = first.AddMonths(count).AddDays(-1);
        return first.Year is >= 1900 and <= 2200;
    }

    private static int? Month(string name)
    {
        if (name.Length < 3)
            return null;
        for (var i = 0; i < 12; i++)
        {
            var full = CultureInfo.InvariantCulture.DateTimeFormat.MonthNames[i];
            if (full.StartsWith(name, StringComparison.OrdinalIgnoreCase) || (name.Length == 4 && name.Equals("Sept", StringComparison.OrdinalIgnoreCase) && i == 8))
                return i + 1;
        }
        return null;
    }

    [GeneratedRegex(@"^(\d{4})$")]
    private static partial Regex Year();

    [GeneratedRegex(@"^(\d{4})(\s*[-/]\s*)(\d{2})$")]
    private static partial Regex YearSlashShort();

    [GeneratedRegex(@"^(\d{4})\s*[-/]\s*(\d{4})$")]
    private static partial Regex YearToYear();

    [GeneratedRegex(@"^(\d{4})/(\d{2})\s*-\s*(\d{2})/(\d{2})$")]
    private static partial Regex FinancialSpan();

    [GeneratedRegex(@"^(\d{4})/(\d{2})\s+Q([1-4])$", RegexOptions.IgnoreCase)]
    private static partial Regex FinancialQuarter();

    [GeneratedRegex(@"^(\d{4})\s+Q([1-4])$", RegexOptions.IgnoreCase)]
    private static partial Regex CalendarQuarter();

    [GeneratedRegex(@"^(\d{4})-(\d{2})-(\d{2})$")]
    private static partial Regex IsoDay();

    [GeneratedRegex(@"^([A-Za-z]{3,9})\.?\s+(\d{4})$")]
    private static partial Regex MonthYear();

    [GeneratedRegex(@"^([A-Za-z]{3,9})\.?\s+(\d{4})\s*-\s*([A-Za-z]{3,9})\.?\s+(\d{4})$")]
    private static partial Regex MonthYearToMonthYear();

    [GeneratedRegex(@"^([A-Za-z]{3,9})\s*-\s*([A-Za-z]{3,9})\s+(\d{4})$")]
    private static partial Regex MonthToMonthYear();
}
