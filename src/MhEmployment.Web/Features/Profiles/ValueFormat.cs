using System.Globalization;
using MhEmployment.Web.Domain;

namespace MhEmployment.Web.Features.Profiles;

/// <summary>How values read on the pages and in narratives: one decimal for rates and percentages, as Fingertips shows them.</summary>
public static class ValueFormat
{
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    public static string Number(double? value, IndicatorUnit unit) => value is not { } v || !double.IsFinite(v)
        ? "–"
        : unit == IndicatorUnit.Count ? v.ToString("#,0", Culture) : v.ToString("#,0.0", Culture);

    /// <summary>The value with its unit: "42.1 per 1,000", "12.3%", "3.4 percentage points".</summary>
    public static string WithUnit(double? value, IndicatorUnit unit)
    {
        var number = Number(value, unit);
        if (value is null)
        {
            return number;
        }
        return unit switch
        {
            IndicatorUnit.Percent => number + "%",
            IndicatorUnit.RatePer1000 => number + " per 1,000",
            IndicatorUnit.RatePer100000 => number + " per 100,000",
            IndicatorUnit.PercentagePoints => number + " percentage points",
            _ => number,
        };
    }

    public static string Interval(ResolvedValue value, IndicatorUnit unit)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Interval is { } i && double.IsFinite(i.Lower95) && double.IsFinite(i.Upper95)
            ? $"{Number(i.Lower95, unit)} to {Number(i.Upper95, unit)}"
            : "";
    }

    public static string Count(double? count) => count is { } c ? c.ToString("#,0.##", Culture) : "";
}
