using System.Collections.Concurrent;
using MhEmployment.Web.Data;
using MhEmployment.Web.Features.DataVersions;
using Microsoft.EntityFrameworkCore;

namespace MhEmployment.Web.Features.Profiles;

/// <summary>
/// The indicators whose values changed, and those whose catalogue entry alone did (whose values can be taken over
/// under the new entry), over some data versions.
/// </summary>
public sealed record ChangedIndicators(IReadOnlySet<int> Values, IReadOnlySet<int> Definitions);

/// <summary>What <see cref="DashboardCache"/> reads: the data version, what changed since a version, and the values.</summary>
public interface IDashboardSource
{
    /// <summary>The newest data version (the id of the newest <see cref="Domain.DataChange"/>; 0 before any).</summary>
    Task<long> LatestVersionAsync(CancellationToken cancellationToken);

    /// <summary>The indicators the changes after <paramref name="after"/> up to <paramref name="upTo"/> touched; null when any may have changed.</summary>
    Task<ChangedIndicators?> ChangedAsync(long after, long upTo, CancellationToken cancellationToken);

    /// <summary>
    /// The snapshot at <paramref name="version"/>: the <paramref name="changed"/> indicators' values read again (all of
    /// them when null or without a previous snapshot), the others' taken over from <paramref name="previous"/> under
    /// their current catalogue entries.
    /// </summary>
    Task<ValueSnapshot> LoadAsync(long version, ValueSnapshot? previous, ChangedIndicators? changed, CancellationToken cancellationToken);
}

/// <summary>The dashboards' data from the database, each read in a scope of its own.</summary>
public sealed class DashboardSource(IServiceScopeFactory scopes) : IDashboardSource
{
    /// <summary>Indicators read at once: each is a query on the values key's prefix, on its own connection.</summary>
    private static readonly int Parallelism = Math.Clamp(Environment.ProcessorCount, 1, 4);

    public async Task<long> LatestVersionAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.DataChanges.MaxAsync(c => (long?)c.Id, cancellationToken) ?? 0;
    }

    public async Task<ChangedIndicators?> ChangedAsync(long after, long upTo, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var changes = await db.DataChanges.AsNoTracking().Where(c => c.Id > after && c.Id <= upTo)
            .Select(c => new { c.Kind, c.IndicatorIds }).ToListAsync(cancellationToken);
        var values = new HashSet<int>();
        var definitions = new HashSet<int>();
        foreach (var change in changes)
        {
            if (DataChangeIds.Parse(change.IndicatorIds) is not { } ids)
            {
                return null;
            }
            (change.Kind == DataChangeKinds.IndicatorEdited ? definitions : values).UnionWith(ids);
        }
        definitions.ExceptWith(values);
        return new ChangedIndicators(values, definitions);
    }

    public async Task<ValueSnapshot> LoadAsync(long version, ValueSnapshot? previous, ChangedIndicators? changed, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var everything = previous is null || changed is null;
        var areas = everything ? await LoadAreasAsync(db, cancellationToken) : previous!.Areas.Values;
        var catalogue = await db.Indicators.AsNoTracking().ToListAsync(cancellationToken);
        var kept = everything ? [] : previous!.Indicators.ToDictionary(i => i.Indicator.Id);
        var loaded = new ConcurrentDictionary<int, IndicatorValues>();
        var toLoad = catalogue.Where(i => everything || changed!.Values.Contains(i.Id) || !kept.ContainsKey(i.Id));
        await Parallel.ForEachAsync(toLoad, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (indicator, token) => loaded[indicator.Id] = await LoadIndicatorAsync(indicator, token));
        return new ValueSnapshot(version, areas, catalogue.Select(i =>
            loaded.TryGetValue(i.Id, out var fresh) ? fresh
            : changed!.Definitions.Contains(i.Id) ? kept[i.Id].WithIndicator(i)
            : kept[i.Id]));
    }

    private static async Task<IReadOnlyCollection<SnapshotArea>> LoadAreasAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var successions = (await db.AreaSuccessions.AsNoTracking()
                .Select(s => new { s.PredecessorCode, s.SuccessorCode }).ToListAsync(cancellationToken))
            .ToLookup(s => s.PredecessorCode, s => s.SuccessorCode, StringComparer.OrdinalIgnoreCase);
        return [.. (await db.Areas.AsNoTracking()
                .Select(a => new { a.Code, a.Name, a.Kind, a.RegionCode, a.ParentCode, a.ValidTo }).ToListAsync(cancellationToken))
            .Select(a => new SnapshotArea(a.Code, a.Name, a.Kind, a.RegionCode, a.ParentCode, a.ValidTo,
                [.. successions[a.Code].Order(StringComparer.Ordinal)]))];
    }

    private async Task<IndicatorValues> LoadIndicatorAsync(Domain.Indicator indicator, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var builder = new IndicatorValuesBuilder(indicator);
        var rows = db.IndicatorValues.AsNoTracking().Where(v => v.IndicatorId == indicator.Id)
            .Select(v => new
            {
                v.AreaCode, v.PeriodStart, v.PeriodEnd, v.PeriodLabel, v.Sex, v.AgeBand, v.Value, v.Count, v.Denominator,
                v.Lower95, v.Upper95, v.Lower998, v.Upper998, v.Note, v.ImportId,
            })
            .AsAsyncEnumerable();
        await foreach (var v in rows.WithCancellation(cancellationToken))
        {
            builder.Add(v.AreaCode, new PeriodKey(v.PeriodStart, v.PeriodEnd), v.PeriodLabel, new Slice(v.Sex, v.AgeBand),
                v.Value, v.Count, v.Denominator, v.Lower95, v.Upper95, v.Lower998, v.Upper998, v.Note, v.ImportId);
        }
        return builder.Build();
    }
}
