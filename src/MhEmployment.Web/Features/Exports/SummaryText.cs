using System.Globalization;

namespace MhEmployment.Web.Features.Exports;

/// <summary>
/// A summary's numbers as the pages write them (thousands separated, the row's decimals, its unit after), shared by
/// the preview and the documents so they read the same.
/// </summary>
public static class SummaryText
{
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    /// <summary>"31.3 per 1,000"; "Suppressed (note)" when the value is missing.</summary>
    public static string Value(HeadlineRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row.Value is null ? $"Suppressed{(row.Note is { Length: > 0 } n ? $" ({n})" : "")}" : Number(row.Value, row);
    }

    /// <summary>A number of the row's indicator with its unit: "24.8 per 1,000", "72.5%"; "–" for none.</summary>
    public static string Number(double? value, HeadlineRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return value is { } v && double.IsFinite(v) ? Plain(v, row.Decimals) + row.Suffix : "–";
    }

    /// <summary>"30.1 to 32.4"; "–" without limits.</summary>
    public static string Interval(HeadlineRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row.Lower95 is { } l && row.Upper95 is { } u ? $"{Plain(l, row.Decimals)} to {Plain(u, row.Decimals)}" : "–";
    }

    /// <summary>"3 of 33"; "–" when not ranked.</summary>
    public static string Rank(HeadlineRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row.Rank is { } r && row.RankOutOf is { } n ? $"{r} of {n}" : "–";
    }

    /// <summary>A share (0 to 1) as a whole percentage: "50%"; "–" for none.</summary>
    public static string Share(double? share) => share is { } s ? Math.Round(s * 100, MidpointRounding.AwayFromZero).ToString("0", Culture) + "%" : "–";

    public static string Plain(double value, int decimals) => value.ToString(decimals == 0 ? "#,0" : "#,0." + new string('0', decimals), Culture);
}
