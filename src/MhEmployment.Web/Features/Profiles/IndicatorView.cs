using MhEmployment.Web.Features.Statistics;

namespace MhEmployment.Web.Features.Profiles;

/// <summary>How the compare-areas chart is ordered.</summary>
public enum AreaSort { Value, Name }

/// <summary>One point of the time series: the area's value and how it compared in that period.</summary>
public sealed record TimePoint(PeriodValues Period, ResolvedValue? Value, string Label);

public sealed record TimeSeries(string AreaCode, string Name, bool IsPrimary, IReadOnlyList<TimePoint> Points);

/// <summary>Everything the indicator page draws: the comparison across areas, the maps' data and a time series.</summary>
public sealed record IndicatorView(
    IndicatorValues Indicator, IReadOnlyList<Slice> Slices, SliceValues Slice, IReadOnlyList<PeriodValues> Periods,
    PeriodComparison Comparison, IReadOnlyList<AreaResult> Sorted, AreaSort Sort, PeriodComparison UpperTier,
    SnapshotArea? SeriesArea, IReadOnlyList<TimeSeries> Series);

public static class IndicatorViewBuilder
{
    /// <summary>
    /// Builds the page for a slice and period (defaults: the headline slice, its latest period), a comparison group
    /// and benchmark, a sort, and the area whose time series is drawn (default England).
    /// </summary>
    public static IndicatorView? Build(
        ValueSnapshot snapshot, IndicatorValues indicator, Slice? slice, PeriodKey? period, ComparisonGroup group,
        BenchmarkChoice benchmark, AreaSort sort, string? seriesAreaCode)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(indicator);
        ArgumentNullException.ThrowIfNull(benchmark);
        var chosenSlice = slice is { } s && indicator.Slices.TryGetValue(s, out var found) ? found : indicator.HeadlineSliceFor(null);
        if (chosenSlice is null)
        {
            return null;
        }
        var chosenPeriod = (period is { } p ? chosenSlice.Find(p) : null) ?? LatestWith(chosenSlice, snapshot, group);
        var seriesArea = snapshot.Areas.GetValueOrDefault(seriesAreaCode ?? BenchmarkChoice.England);
        var regionCode = seriesArea is null ? null : AreaProfileBuilder.RegionOf(seriesArea);
        var comparison = PeriodComparison.Build(snapshot, indicator, chosenSlice, chosenPeriod, group, benchmark, regionCode, seriesArea?.Code);
        var upperTier = group == ComparisonGroup.UpperTier
            ? comparison
            : PeriodComparison.Build(snapshot, indicator, chosenSlice, chosenPeriod, ComparisonGroup.UpperTier, benchmark, regionCode, null);
        var sorted = sort == AreaSort.Name
            ? comparison.ComparisonSet.OrderBy(r => r.Area.Name, StringComparer.OrdinalIgnoreCase).ToList()
            : [.. comparison.ComparisonSet
                .OrderBy(r => r.Value.HasValue ? 0 : 1)
                .ThenByDescending(r => r.Value.Value ?? double.MinValue)
                .ThenBy(r => r.Area.Name, StringComparer.OrdinalIgnoreCase)];
        var slices = indicator.Slices.Keys.OrderBy(k => k.Sex).ThenBy(k => k.AgeBand, StringComparer.Ordinal).ToList();
        var series = seriesArea is null ? [] : SeriesFor(snapshot, indicator, chosenSlice, seriesArea, benchmark);
        return new IndicatorView(indicator, slices, chosenSlice, chosenSlice.Periods, comparison, sorted, sort, upperTier, seriesArea, series);
    }

    /// <summary>The latest period where areas of the group have values (so the default chart is not empty), else the latest.</summary>
    private static PeriodValues LatestWith(SliceValues slice, ValueSnapshot snapshot, ComparisonGroup group) =>
        slice.Periods.LastOrDefault(p => p.ByArea.Keys.Any(c =>
            snapshot.Areas.TryGetValue(c, out var a) && ComparisonGroups.Contains(group, a, a.RegionCode)))
        ?? slice.Periods[^1];

    /// <summary>The area against the benchmark in every period, with England and its region as lines for context.</summary>
    private static List<TimeSeries> SeriesFor(
        ValueSnapshot snapshot, IndicatorValues indicator, SliceValues slice, SnapshotArea area, BenchmarkChoice benchmark)
    {
        var definition = indicator.Indicator;
        var primary = new List<TimePoint>();
        foreach (var period in slice.Periods)
        {
            if (!period.ByArea.ContainsKey(area.Code))
            {
                primary.Add(new TimePoint(period, null, ComparisonLabels.NotCompared));
                continue;
            }
            var comparison = PeriodComparison.Build(
                snapshot, indicator, slice, period, ComparisonGroups.DefaultFor(area.Kind), benchmark, AreaProfileBuilder.RegionOf(area), area.Code);
            var result = comparison.Find(area.Code)!;
            primary.Add(new TimePoint(period, result.Value, result.Label));
        }
        var series = new List<TimeSeries> { new(area.Code, area.Name, true, primary) };
        var context = new List<string> { BenchmarkChoice.England };
        if (!benchmark.IsGroup)
        {
            context.Add(benchmark.Codes[0]);
        }
        if (area.RegionCode is { } region)
        {
            context.Add(region);
        }
        foreach (var code in context.Distinct(StringComparer.OrdinalIgnoreCase).Where(c => !string.Equals(c, area.Code, StringComparison.OrdinalIgnoreCase)))
        {
            if (!slice.SeriesByArea.ContainsKey(code))
            {
                continue;
            }
            var points = slice.Periods.Select(p => p.ByArea.TryGetValue(code, out var v)
                ? new TimePoint(p, ResolvedValue.From(v, definition), ComparisonLabels.NotCompared)
                : new TimePoint(p, null, ComparisonLabels.NotCompared)).ToList();
            series.Add(new TimeSeries(code, snapshot.NameOf(code), false, points));
        }
        return series;
    }
}
