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
    /// <summary>The data version the dashboard was built from.</summary>
    public long DataVersion { get; init; }

    public IEnumerable<IGrouping<IndicatorTheme, ProfileRow>> ByTheme => Rows.GroupBy(r => r.Indicator.Theme).OrderBy(g => g.Key);
}

/// <summary>
/// Gives the comparison of <paramref name="indicator"/> kept under <paramref name="key"/>, building it with
/// <paramref name="build"/> the first time: every area of a comparison set shares one comparison per indicator,
/// rather than each dashboard holding its own.
/// </summary>
public delegate PeriodComparison ComparisonShare(IndicatorValues indicator, string key, Func<PeriodComparison> build);

/// <summary>Builds an area's dashboard from a snapshot (plain code: no database, no host).</summary>
public static class AreaProfileBuilder
{
    public static AreaProfile Build(
        ValueSnapshot snapshot, SnapshotArea area, BenchmarkChoice benchmark, ComparisonGroup group, ComparisonShare? share = null)
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
            var comparison = Compare(snapshot, indicator, slice, period, group, benchmark, regionCode, area.Code, share);
            var result = comparison.Find(area.Code)!;
            var trend = Trends.Of(indicator, slice, area.Code);
            var rank = comparison.RankOf(area.Code);
            rows.Add(new ProfileRow(indicator.Indicator, slice.Slice, period, result, comparison, trend, rank,
                Narratives.For(area.Name, indicator.Indicator, result, comparison, trend)));
        }
        var regionName = regionCode is null ? null : snapshot.NameOf(regionCode);
        return new AreaProfile(area, benchmark, BenchmarkName(snapshot, benchmark), group, ComparisonGroups.Name(group, regionName), rows)
        {
            DataVersion = snapshot.Version,
        };
    }

    /// <summary>
    /// The shared comparison of the area's set when the area is in it (the same results as one built for the area);
    /// one of its own when it is not (an abolished area, say, outside the current set).
    /// </summary>
    private static PeriodComparison Compare(
        ValueSnapshot snapshot, IndicatorValues indicator, SliceValues slice, PeriodValues period, ComparisonGroup group,
        BenchmarkChoice benchmark, string? regionCode, string areaCode, ComparisonShare? share)
    {
        if (share is not null)
        {
            // Only the "in region" set depends on the region: every other set is the same for areas of all regions.
            var scope = group == ComparisonGroup.UpperTierInRegion ? regionCode : null;
            var key = $"{Dashboards.SliceText(slice.Slice)}|{period.Period}|{group}|{benchmark.Key}|{scope}";
            var shared = share(indicator, key, () => PeriodComparison.Build(snapshot, indicator, slice, period, group, benchmark, scope, null));
            if (shared.Find(areaCode) is not null)
            {
                return shared;
            }
        }
        return PeriodComparison.Build(snapshot, indicator, slice, period, group, benchmark, regionCode, areaCode);
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
