using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Charts;
using MhEmployment.Web.Features.Maps;

namespace MhEmployment.Web.Features.Profiles;

/// <summary>Turns an indicator view into the chart and map specifications the SVG renderers draw.</summary>
public static class IndicatorCharts
{
    public static BarChartSpec Bars(IndicatorView view, string? selectedCode)
    {
        ArgumentNullException.ThrowIfNull(view);
        var c = view.Comparison;
        var unit = view.Indicator.Indicator.Unit;
        var bars = view.Sorted.Select(r => new Bar(
            r.Area.Code, r.Area.Name, r.Value.Value, ResolvedValue.Finite(r.Value.Interval?.Lower95), ResolvedValue.Finite(r.Value.Interval?.Upper95), r.Label,
            string.Equals(r.Area.Code, selectedCode, StringComparison.OrdinalIgnoreCase), $"/areas/{r.Area.Code}")).ToList();
        return new BarChartSpec("compare", $"{ValueFormat.NameWithUnit(view.Indicator.Indicator.Name, unit)}, {c.Period.Label}",
            $"{bars.Count} areas ({ComparisonGroups.Name(c.Group).ToLowerInvariant()}) with 95% confidence intervals, compared with {c.BenchmarkName}"
            + (c.BenchmarkValue is { HasValue: true } b ? $" ({ValueFormat.WithUnit(b.Value, unit)})." : "."),
            ValueFormat.AxisTitle(unit), bars, c.BenchmarkValue?.Value, c.BenchmarkName, ValueFormat.Decimals(unit), ValueFormat.Suffix(unit));
    }

    public static TimeSeriesSpec? Series(IndicatorView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        if (view.Series.Count == 0 || view.SeriesArea is not { } area)
        {
            return null;
        }
        var periods = view.Periods.Select(p => p.Label).ToList();
        var series = view.Series.Select(s => new Series(s.Name, s.IsPrimary,
            [.. s.Points.Select(p => p.Value is { } v
                ? new SeriesPoint(v.Value, ResolvedValue.Finite(v.Interval?.Lower95), ResolvedValue.Finite(v.Interval?.Upper95), p.Label)
                : null)])).ToList();
        var unit = view.Indicator.Indicator.Unit;
        return new TimeSeriesSpec("series", $"{ValueFormat.NameWithUnit(view.Indicator.Indicator.Name, unit)}: {area.Name} over time",
            $"{area.Name}'s value in each period with its 95% confidence interval, coloured by comparison with {view.Comparison.BenchmarkName}, "
            + "and the comparator areas' values as lines.",
            ValueFormat.AxisTitle(unit), periods, series, ValueFormat.Decimals(unit), ValueFormat.Suffix(unit));
    }

    public static MapSpec Map(IndicatorView view, MapKind kind, string? selectedCode)
    {
        ArgumentNullException.ThrowIfNull(view);
        var c = view.UpperTier;
        var unit = view.Indicator.Indicator.Unit;
        var codes = Boundaries.Codes(kind).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var fills = c.ComparisonSet.Where(r => codes.Contains(r.Area.Code)).ToDictionary(
            r => r.Area.Code,
            r => new MapFill(r.Label, $"{r.Area.Name}: {(r.Value.HasValue ? ValueFormat.WithUnit(r.Value.Value, unit) : "suppressed")}, {r.Label}",
                $"/areas/{r.Area.Code}"),
            StringComparer.OrdinalIgnoreCase);
        var place = kind == MapKind.London ? "London boroughs" : "England's upper-tier local authorities";
        return new MapSpec($"map-{kind}".ToLowerInvariant(), kind, $"{ValueFormat.NameWithUnit(view.Indicator.Indicator.Name, unit)}, {c.Period.Label}: {place}",
            $"{place} coloured by comparison with {c.BenchmarkName}; {fills.Count} of {codes.Count} areas have a value.",
            fills, selectedCode);
    }

}
