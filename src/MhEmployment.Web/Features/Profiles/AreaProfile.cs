using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Statistics;

namespace MhEmployment.Web.Features.Profiles;

/// <summary>One indicator on an area's dashboard.</summary>
public sealed record ProfileRow(
    Indicator Indicator, Slice Slice, PeriodValues Period, AreaResult Result, PeriodComparison Comparison,
    TrendResult Trend, Rank? Rank, string Narrative)
{
    public ResolvedValue Value => Result.Value;
}

/// <summary>An area's dashboard: its indicators grouped by theme, each against the chosen benchmark.</summary>
public sealed record AreaProfile(
    SnapshotArea Area, BenchmarkChoice Benchmark, string BenchmarkName, ComparisonGroup Group, string GroupName,
    IReadOnlyList<ProfileRow> Rows)
{
    public IEnumerable<IGrouping<IndicatorTheme, ProfileRow>> ByTheme => Rows.GroupBy(r => r.Indicator.Theme).OrderBy(g => g.Key);
}

/// <summary>Builds an area's dashboard from a snapshot (plain code: no database, no host).</summary>
public static class AreaProfileBuilder
{
    public static AreaProfile Build(ValueSnapshot snapshot, SnapshotArea area, BenchmarkChoice benchmark, ComparisonGroup group)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(area);
        ArgumentNullException.ThrowIfNull(benchmark);
        var regionCode = RegionOf(area);
        var rows = new List<ProfileRow>();
        foreach (var indicator in snapshot.Indicators)
        {
            if (indicator.HeadlineSliceFor(area.Code) is not { } slice)
            {
                continue;
            }
            // The area's latest period, whether or not its value there is suppressed: the dashboard says so.
            var latest = slice.SeriesByArea[area.Code][^1];
            var period = slice.Find(latest.Period)!;
            var comparison = PeriodComparison.Build(snapshot, indicator, slice, period, group, benchmark, regionCode, area.Code);
            var result = comparison.Find(area.Code)!;
            var trend = Trends.Of(indicator, slice, area.Code);
            var rank = comparison.RankOf(area.Code);
            rows.Add(new ProfileRow(indicator.Indicator, slice.Slice, period, result, comparison, trend, rank,
                Narratives.For(area.Name, indicator.Indicator, result, comparison, trend)));
        }
        var regionName = regionCode is null ? null : snapshot.NameOf(regionCode);
        return new AreaProfile(area, benchmark, BenchmarkName(snapshot, benchmark), group, ComparisonGroups.Name(group, regionName), rows);
    }

    /// <summary>The region an area's "in region" comparisons use: its own, or itself for a region.</summary>
    public static string? RegionOf(SnapshotArea area)
    {
        ArgumentNullException.ThrowIfNull(area);
        return area.Kind == AreaKind.Region ? area.Code : area.RegionCode;
    }

    public static string BenchmarkName(ValueSnapshot snapshot, BenchmarkChoice benchmark)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(benchmark);
        return benchmark.IsGroup ? $"the chosen group of {benchmark.Codes.Count} areas" : snapshot.NameOf(benchmark.Codes[0]);
    }
}
