using MhEmployment.Web.Domain;

namespace MhEmployment.Web.Features.Profiles;

/// <summary>
/// What a dashboard request asked for, read from its query (a bad value is reported, not guessed at), and who asked:
/// someone whose own change is not shown yet waits for it.
/// </summary>
public sealed record DashboardRequest(string? Benchmark, string? Group, string? Viewer = null);

/// <summary>
/// A built page model, or the reason the request could not be met. <see cref="Updating"/>: the figures are from the
/// previous data version while a newer one is being loaded, which the page says.
/// </summary>
public sealed record DashboardResult<T>(T? Value, bool NotFound, IReadOnlyList<string> Problems, bool Updating = false)
    where T : class;

/// <summary>
/// The dashboards' entry point for pages and API: checks the query against the data, then builds (or reuses) the
/// profile, indicator view or overview for the current snapshot.
/// </summary>
public sealed class Dashboards(DashboardCache cache)
{
    public async Task<DashboardResult<AreaProfile>> ProfileAsync(string code, DashboardRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var snapshot = await cache.SnapshotAsync(request.Viewer, cancellationToken);
        if (!snapshot.Areas.TryGetValue(code.Trim(), out var area))
        {
            return new(null, true, []);
        }
        var problems = new List<string>();
        var benchmark = ReadBenchmark(snapshot, request.Benchmark, problems);
        var group = ReadGroup(request.Group, problems) ?? ComparisonGroups.DefaultFor(area.Kind);
        var key = $"{area.Code}|{benchmark.Key}|{group}";
        var profile = cache.GetOrAdd(snapshot, key, () => AreaProfileBuilder.Build(snapshot, area, benchmark, group,
            cache.Comparison));
        return new(profile, false, problems, cache.IsBehind(snapshot));
    }

    public async Task<DashboardResult<IndicatorView>> IndicatorAsync(
        string key, DashboardRequest request, string? slice, string? period, AreaSort sort, string? seriesArea, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var snapshot = await cache.SnapshotAsync(request.Viewer, cancellationToken);
        if (!snapshot.IndicatorsByKey.TryGetValue(key.Trim(), out var indicator))
        {
            return new(null, true, []);
        }
        var problems = new List<string>();
        var benchmark = ReadBenchmark(snapshot, request.Benchmark, problems);
        var group = ReadGroup(request.Group, problems) ?? ComparisonGroup.UpperTier;
        var chosenSlice = ReadSlice(indicator, slice, problems);
        var chosenPeriod = ReadPeriod(period, problems);
        string? area = null;
        if (!string.IsNullOrWhiteSpace(seriesArea))
        {
            if (snapshot.Areas.ContainsKey(seriesArea.Trim()))
            {
                area = seriesArea.Trim().ToUpperInvariant();
            }
            else
            {
                problems.Add($"The area '{seriesArea}' is not a known area code, so England's series is shown.");
            }
        }
        if (indicator.Slices.Count == 0)
        {
            return new(null, false, problems);
        }
        var sliceValues = chosenSlice is { } cs ? indicator.Slices[cs] : indicator.HeadlineSliceFor(null)!;
        if (chosenPeriod is { } cp && sliceValues.Find(cp) is null)
        {
            problems.Add($"There are no values for the period {cp} in this breakdown, so the latest period is shown.");
            chosenPeriod = null;
        }
        var cacheKey = $"{indicator.Indicator.Key}|{benchmark.Key}|{group}|{chosenSlice}|{chosenPeriod}|{sort}|{area}";
        var view = cache.GetOrAdd(snapshot, cacheKey,
            () => IndicatorViewBuilder.Build(snapshot, indicator, chosenSlice, chosenPeriod, group, benchmark, sort, area)!);
        return new(view, false, problems, cache.IsBehind(snapshot));
    }

    /// <summary>
    /// The indicator's stored values as its page lists them (<see cref="NewestValues"/>), from the snapshot the viewer
    /// is shown; null for an indicator the dashboards do not hold.
    /// </summary>
    public async Task<StoredValuesPage?> StoredValuesAsync(string key, string? area, int limit, string? viewer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var snapshot = await cache.SnapshotAsync(viewer, cancellationToken);
        if (!snapshot.IndicatorsByKey.TryGetValue(key.Trim(), out var indicator))
        {
            return null;
        }
        var code = string.IsNullOrWhiteSpace(area) ? null : area.Trim().ToUpperInvariant();
        return cache.GetOrAdd(snapshot, $"stored|{indicator.Indicator.Key}|{code}|{limit}", () => NewestValues.Of(snapshot, indicator, code, limit));
    }

    public async Task<DashboardResult<Overview>> OverviewAsync(string? regionCode, DashboardRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var snapshot = await cache.SnapshotAsync(request.Viewer, cancellationToken);
        var problems = new List<string>();
        var code = string.IsNullOrWhiteSpace(regionCode) ? AreaCodes.London : regionCode.Trim();
        if (!snapshot.Areas.TryGetValue(code, out var region) || region.Kind != AreaKind.Region)
        {
            problems.Add($"'{regionCode}' is not an English region's code (E12…), so London is shown.");
            region = snapshot.Areas[AreaCodes.London];
        }
        var benchmark = ReadBenchmark(snapshot, request.Benchmark, problems);
        var overview = cache.GetOrAdd(snapshot, $"{region.Code}|{benchmark.Key}", () => OverviewBuilder.Build(snapshot, region, benchmark));
        return new(overview, false, problems, cache.IsBehind(snapshot));
    }

    public async Task<IReadOnlyList<SnapshotArea>> RegionsAsync(CancellationToken cancellationToken)
    {
        var snapshot = await cache.SnapshotAsync(cancellationToken: cancellationToken);
        return [.. snapshot.Areas.Values.Where(a => a.Kind == AreaKind.Region && !a.IsHistorical).OrderBy(a => a.Name, StringComparer.Ordinal)];
    }

    /// <summary>Areas a reader may pick for a chosen-group benchmark: the same set the area is compared within.</summary>
    public async Task<IReadOnlyList<SnapshotArea>> PeersAsync(SnapshotArea area, ComparisonGroup group, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(area);
        var snapshot = await cache.SnapshotAsync(cancellationToken: cancellationToken);
        var region = AreaProfileBuilder.RegionOf(area);
        return cache.GetOrAdd(snapshot, $"peers|{group}|{region}", () => (IReadOnlyList<SnapshotArea>)[.. snapshot.Areas.Values
            .Where(a => !a.IsHistorical && ComparisonGroups.Contains(group, a, region))
            .OrderBy(a => a.Name, StringComparer.OrdinalIgnoreCase)]);
    }

    internal static BenchmarkChoice ReadBenchmark(ValueSnapshot snapshot, string? text, List<string> problems)
    {
        if (BenchmarkChoice.Parse(text) is not { } choice)
        {
            return BenchmarkChoice.Default;
        }
        var unknown = choice.Codes.Where(c => !snapshot.Areas.ContainsKey(c)).ToList();
        if (unknown.Count > 0)
        {
            problems.Add($"The benchmark {string.Join(", ", unknown.Select(c => $"'{c}'"))} is not a known area code, so England is used.");
            return BenchmarkChoice.Default;
        }
        return choice;
    }

    private static ComparisonGroup? ReadGroup(string? text, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var group = ComparisonGroups.Parse(text);
        if (group is null)
        {
            problems.Add($"'{text}' is not a comparison group; choose one of {string.Join(", ", ComparisonGroups.All.Select(ComparisonGroups.Slug))}.");
        }
        return group;
    }

    /// <summary>Slices are written "Persons/18-64"; the sex is any of Persons, Male, Female.</summary>
    public static string SliceText(Slice slice) => $"{slice.Sex}/{slice.AgeBand}";

    private static Slice? ReadSlice(IndicatorValues indicator, string? text, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var match = indicator.Slices.Keys.FirstOrDefault(s => string.Equals(SliceText(s), text.Trim(), StringComparison.OrdinalIgnoreCase));
        if (match == default)
        {
            problems.Add($"The indicator has no values for '{text}', so its headline breakdown is shown.");
            return null;
        }
        return match;
    }

    /// <summary>Periods are written as their start and end dates, "2019-04-01/2020-03-31".</summary>
    private static PeriodKey? ReadPeriod(string? text, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var parts = text.Split('/');
        if (parts.Length == 2
            && DateOnly.TryParseExact(parts[0].Trim(), "yyyy-MM-dd", out var start)
            && DateOnly.TryParseExact(parts[1].Trim(), "yyyy-MM-dd", out var end))
        {
            return new PeriodKey(start, end);
        }
        problems.Add($"'{text}' is not a period (start/end dates, e.g. 2019-04-01/2020-03-31), so the latest is shown.");
        return null;
    }
}
