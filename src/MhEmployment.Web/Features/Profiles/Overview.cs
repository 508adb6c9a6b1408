namespace MhEmployment.Web.Features.Profiles;

/// <summary>One column of the heat map: an indicator in its headline slice and latest period for the region.</summary>
public sealed record OverviewColumn(IndicatorValues Indicator, PeriodComparison Comparison);

/// <summary>A region's areas × indicators, each cell the area's standing against the benchmark.</summary>
public sealed record Overview(SnapshotArea Region, BenchmarkChoice Benchmark, string BenchmarkName,
    IReadOnlyList<SnapshotArea> Areas, IReadOnlyList<OverviewColumn> Columns)
{
    public AreaResult? Cell(OverviewColumn column, SnapshotArea area)
    {
        ArgumentNullException.ThrowIfNull(column);
        ArgumentNullException.ThrowIfNull(area);
        return column.Comparison.Find(area.Code);
    }
}

public static class OverviewBuilder
{
    /// <summary>
    /// The region's current upper-tier areas (and any abolished ones that still have values) against the benchmark,
    /// for every indicator with values in the region.
    /// </summary>
    public static Overview Build(ValueSnapshot snapshot, SnapshotArea region, BenchmarkChoice benchmark)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(benchmark);
        var inRegion = snapshot.Areas.Values
            .Where(a => ComparisonGroups.Contains(ComparisonGroup.UpperTierInRegion, a, region.Code))
            .ToDictionary(a => a.Code, StringComparer.OrdinalIgnoreCase);
        var columns = new List<OverviewColumn>();
        foreach (var indicator in snapshot.Indicators)
        {
            if (indicator.HeadlineSliceAmong(inRegion.ContainsKey) is not { } slice)
            {
                continue;
            }
            var period = slice.Periods.Last(p => p.ByArea.Keys.Any(inRegion.ContainsKey));
            columns.Add(new OverviewColumn(indicator,
                PeriodComparison.Build(snapshot, indicator, slice, period, ComparisonGroup.UpperTierInRegion, benchmark, region.Code, null)));
        }
        var withValues = columns.SelectMany(c => c.Comparison.ComparisonSet.Select(r => r.Area.Code)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var areas = inRegion.Values
            .Where(a => !a.IsHistorical || withValues.Contains(a.Code))
            .OrderBy(a => a.IsHistorical).ThenBy(a => a.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();
        return new Overview(region, benchmark, AreaProfileBuilder.BenchmarkName(snapshot, benchmark), areas, columns);
    }
}
