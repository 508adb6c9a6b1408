using System.Collections.Concurrent;
using System.Data.Common;
using MhEmployment.Web.Data;
using MhEmployment.Web.Domain;
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

    /// <summary>
    /// One indicator's values, read with a plain data reader: at ten million values EF Core's materialising of each
    /// row (value converters for the dates and the sex, an object per row) was most of a load's time.
    /// </summary>
    private async Task<IndicatorValues> LoadIndicatorAsync(Domain.Indicator indicator, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var builder = new IndicatorValuesBuilder(indicator);
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT "AreaCode", "PeriodStart", "PeriodEnd", "PeriodLabel", "Sex", "AgeBand", "Value", "Count", "Denominator",
                       "Lower95", "Upper95", "Lower998", "Upper998", "Note", "ImportId"
                FROM "IndicatorValues" WHERE "IndicatorId" = @indicator
                """;
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@indicator";
            parameter.Value = indicator.Id;
            command.Parameters.Add(parameter);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var sexes = new Dictionary<string, Sex>(StringComparer.Ordinal);
            while (await reader.ReadAsync(cancellationToken))
            {
                var sexText = reader.GetString(4);
                if (!sexes.TryGetValue(sexText, out var sex))
                {
                    sexes[sexText] = sex = Enum.Parse<Sex>(sexText);
                }
                builder.Add(reader.GetString(0), new PeriodKey(reader.GetFieldValue<DateOnly>(1), reader.GetFieldValue<DateOnly>(2)), reader.GetString(3),
                    new Slice(sex, reader.GetString(5)), Number(reader, 6), Number(reader, 7), Number(reader, 8), Number(reader, 9), Number(reader, 10),
                    Number(reader, 11), Number(reader, 12), reader.IsDBNull(13) ? null : reader.GetString(13), reader.GetInt32(14));
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        return builder.Build();
    }

    private static double? Number(DbDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetDouble(column);
}
