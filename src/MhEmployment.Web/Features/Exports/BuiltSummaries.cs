using MhEmployment.Web.Infrastructure;
using MhEmployment.Web.Features.Profiles;
using Microsoft.Extensions.Caching.Memory;

namespace MhEmployment.Web.Features.Exports;

/// <summary>
/// Needs summaries already built for a data version, whoever asked: a board's officers download the same boroughs'
/// summaries, in several formats, and building one (dashboards, comparison, coverage, priorities) costs tens of
/// milliseconds where writing its CSV costs a few. Each download is still its own file, stamped with its own time and
/// person, and still audited. Everything is dropped when a new data version is served (it would never be asked for again).
/// A summary asked for by several requests at once is built once for all of them (<see cref="SharedBuilds{T}"/>).
/// </summary>
public sealed class BuiltSummaries : IDisposable
{
    private readonly MemoryCache store;
    private readonly DashboardCache cache;
    private readonly SharedBuilds<SummaryResult> building = new();

    public BuiltSummaries(DashboardCache cache, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        this.cache = cache;
        // Sized in areas: a region's summary of 33 boroughs weighs 33 single-borough ones.
        store = new MemoryCache(new MemoryCacheOptions { SizeLimit = configuration.GetValue("Exports:CachedSummaryAreas", 500) });
        cache.Published += OnPublished;
    }

    /// <summary>What a summary is built from: the data version, the title, the areas in order and every choice of the request.</summary>
    public static string Key(long dataVersion, string title, IReadOnlyList<string> codes, SummaryRequest request)
    {
        ArgumentNullException.ThrowIfNull(codes);
        ArgumentNullException.ThrowIfNull(request);
        return string.Join('\u001f',
            dataVersion.ToString(System.Globalization.CultureInfo.InvariantCulture), title, string.Join(',', codes.Select(c => c.Trim().ToUpperInvariant())),
            request.Benchmark?.Trim().ToUpperInvariant() ?? "", request.Scheme?.Trim() ?? "",
            string.Join(',', request.Sections.Order()), string.Join(',', request.Indicators.Select(i => i.ToLowerInvariant()).Order(StringComparer.Ordinal)));
    }

    private bool TryGet(string key, out SummaryResult result) => store.TryGetValue(key, out result!);

    /// <summary>
    /// The summary kept for this key; or built, once however many ask for it at the same time, and kept. A bulk export
    /// (<paramref name="keep"/> false) builds its own when none is kept, and keeps nothing (ADR 0022).
    /// </summary>
    public async Task<SummaryResult> GetOrBuildAsync(string key, bool keep, Func<Task<SummaryResult>> build, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(build);
        if (TryGet(key, out var kept))
        {
            return kept;
        }
        if (!keep)
        {
            return await build();
        }
        return await building.RunAsync(key, async () =>
        {
            var result = await build();
            Keep(key, result);
            return result;
        }, cancellationToken);
    }

    private void Keep(string key, SummaryResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        using var entry = store.CreateEntry(key);
        entry.Value = result;
        entry.Size = Math.Max(1, result.Summary.Areas.Count);
        entry.SlidingExpiration = TimeSpan.FromMinutes(10);
    }

    public void Dispose()
    {
        cache.Published -= OnPublished;
        store.Dispose();
    }

    private void OnPublished(object? sender, long version) => store.Clear();
}
