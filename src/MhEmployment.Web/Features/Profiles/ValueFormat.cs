using System.Globalization;
using MhEmployment.Web.Domain;

namespace MhEmployment.Web.Features.Profiles;

/// <summary>
/// How values read on the pages, in charts and in narratives: one decimal for rates and percentages, as Fingertips
/// shows them, and always with their unit. A value read on its own carries the unit ("42.1 per 1,000", "12.3%",
/// "3.4 pp"); a column or axis holding one indicator's values names the unit once, in its heading.
/// </summary>
public static class ValueFormat
{
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    public static string Number(double? value, IndicatorUnit unit) => value is not { } v || !double.IsFinite(v)
        ? "–"
        : unit == IndicatorUnit.Count ? v.ToString("#,0", Culture) : v.ToString("#,0.0", Culture);

    /// <summary>Digits after the point that <see cref="Number"/> prints, for charts that format values themselves.</summary>
    public static int Decimals(IndicatorUnit unit) => unit == IndicatorUnit.Count ? 0 : 1;

    /// <summary>What follows a number: "%", " per 1,000", " per 100,000", " pp"; nothing for a count.</summary>
    public static string Suffix(IndicatorUnit unit) => unit switch
    {
        IndicatorUnit.Percent => "%",
        IndicatorUnit.RatePer1000 => " per 1,000",
        IndicatorUnit.RatePer100000 => " per 100,000",
        IndicatorUnit.PercentagePoints => " pp",
        IndicatorUnit.Days => " days",
        _ => "",
    };

    /// <summary>The unit as a column or axis heading names it: "%", "per 1,000", "per 100,000", "percentage points (pp)", "count".</summary>
    public static string UnitName(IndicatorUnit unit) => unit switch
    {
        IndicatorUnit.Percent => "%",
        IndicatorUnit.RatePer1000 => "per 1,000",
        IndicatorUnit.RatePer100000 => "per 100,000",
        IndicatorUnit.PercentagePoints => "percentage points (pp)",
        IndicatorUnit.Days => "days",
        _ => "count",
    };

    /// <summary>A chart axis's title: "Percentage (%)", "Rate per 1,000", "Percentage points (pp)", "Count".</summary>
    public static string AxisTitle(IndicatorUnit unit) => unit switch
    {
        IndicatorUnit.Percent => "Percentage (%)",
        IndicatorUnit.RatePer1000 => "Rate per 1,000",
        IndicatorUnit.RatePer100000 => "Rate per 100,000",
        IndicatorUnit.PercentagePoints => "Percentage points (pp)",
        IndicatorUnit.Days => "Days",
        _ => "Count",
    };

    /// <summary>The unit in a sentence, for the text above a chart: "Values are rates per 1,000."</summary>
    public static string UnitSentence(IndicatorUnit unit) => unit switch
    {
        IndicatorUnit.Percent => "Values are percentages (%).",
        IndicatorUnit.RatePer1000 => "Values are rates per 1,000.",
        IndicatorUnit.RatePer100000 => "Values are rates per 100,000.",
        IndicatorUnit.PercentagePoints => "Values are differences in percentage points (pp).",
        IndicatorUnit.Days => "Values are numbers of days.",
        _ => "Values are counts.",
    };

    /// <summary>A column heading with the unit: "Value (per 1,000)".</summary>
    public static string Heading(string heading, IndicatorUnit unit) => $"{heading} ({UnitName(unit)})";

    /// <summary>The value with its unit: "42.1 per 1,000", "12.3%", "3.4 pp"; "–" when there is none.</summary>
    public static string WithUnit(double? value, IndicatorUnit unit)
    {
        var number = Number(value, unit);
        return value is { } v && double.IsFinite(v) ? number + Suffix(unit) : number;
    }

    /// <summary>
    /// An indicator's name for a chart title, with its unit unless the name already says it ("Suicide rate (per
    /// 100,000)", but "Employment rate, %" stays as it is) or it is a count.
    /// </summary>
    public static string NameWithUnit(string name, IndicatorUnit unit)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (unit == IndicatorUnit.Count)
        {
            return name;
        }
        var mentioned = unit switch
        {
            IndicatorUnit.Percent => name.Contains('%', StringComparison.Ordinal) || name.Contains("percent", StringComparison.OrdinalIgnoreCase),
            IndicatorUnit.PercentagePoints => name.Contains("percentage point", StringComparison.OrdinalIgnoreCase),
            _ => name.Contains(UnitName(unit), StringComparison.OrdinalIgnoreCase),
        };
        return mentioned ? name : $"{name} ({UnitName(unit)})";
    }

    /// <summary>"40.2 to 44.0", in the value's own unit (named beside it); empty when the limits are incomplete.</summary>
    public static string Interval(ResolvedValue value, IndicatorUnit unit)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Interval is { } i && double.IsFinite(i.Lower95) && double.IsFinite(i.Upper95)
            ? $"{Number(i.Lower95, unit)} to {Number(i.Upper95, unit)}"
            : "";
    }

    public static string Count(double? count) => count is { } c ? c.ToString("#,0.##", Culture) : "";
}
