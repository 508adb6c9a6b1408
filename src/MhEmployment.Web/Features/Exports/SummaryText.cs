using System.Globalization;

namespace MhEmployment.Web.Features.Exports;

/// <summary>
/// A needs summary's figures in words, as the pages print them (ValueFormat, NeedsAssetsText): thousands separators,
/// the row's decimals, the unit after a value read on its own, "–" where there is nothing.
/// </summary>
public static class SummaryText
{
    public const string Nothing = "–";

    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    /// <summary>"31.3", "1,204": a number with <paramref name="decimals"/> digits after the point; "–" when there is none.</summary>
    public static string Number(double? value, int decimals) => value is { } v && double.IsFinite(v)
        ? v.ToString(decimals > 0 ? "#,0." + new string('0', decimals) : "#,0", Culture)
        : Nothing;

    /// <summary>"31.3 per 1,000", "72.5%"; "–" when there is none.</summary>
    public static string WithSuffix(double? value, int decimals, string suffix) => value is { } v && double.IsFinite(v)
        ? Number(v, decimals) + suffix
        : Nothing;

    /// <summary>The headline's value as the dashboard shows it, or that it is suppressed (with the note saying why).</summary>
    public static string Value(HeadlineRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (row.Value is { } v && double.IsFinite(v))
        {
            return WithSuffix(v, row.Decimals, row.Suffix);
        }
        return string.IsNullOrWhiteSpace(row.Note) || row.Note.Trim().Equals("Suppressed", StringComparison.OrdinalIgnoreCase)
            ? "Suppressed"
            : $"Suppressed ({row.Note.Trim()})";
    }

    /// <summary>"30.1 to 32.4", in the value's unit; empty when the limits are incomplete.</summary>
    public static string Interval(HeadlineRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row.Lower95 is { } l && row.Upper95 is { } u && double.IsFinite(l) && double.IsFinite(u)
            ? $"{Number(l, row.Decimals)} to {Number(u, row.Decimals)}"
            : "";
    }

    public static string Benchmark(HeadlineRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return WithSuffix(row.BenchmarkValue, row.Decimals, row.Suffix);
    }

    /// <summary>A count of people or events: "5,210"; empty when there is none.</summary>
    public static string Count(double? count) => count is { } c && double.IsFinite(c) ? c.ToString("#,0.##", Culture) : "";

    /// <summary>"3 of 33"; "–" when the area is not ranked.</summary>
    public static string Rank(int? rank, int? outOf) => rank switch
    {
        null => Nothing,
        { } r when outOf is { } n => string.Create(Culture, $"{r} of {n}"),
        { } r => r.ToString(Culture),
    };

    /// <summary>A share as a whole percentage: "50%"; "–" when there is none.</summary>
    public static string Share(double? share) => share is { } s && double.IsFinite(s)
        ? s.ToString("P0", Culture).Replace(" ", "", StringComparison.Ordinal)
        : Nothing;

    /// <summary>"Persons, 16-64": whom an indicator's figure is about.</summary>
    public static string Slice(HeadlineRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return $"{row.Sex}, {row.Age}";
    }

    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", Culture);

    public static string Date(DateTime utc) => utc.ToString("d MMMM yyyy", Culture);

    public static string DateTime(DateTime utc) => utc.ToString("d MMMM yyyy, HH:mm", Culture) + " UTC";
}
