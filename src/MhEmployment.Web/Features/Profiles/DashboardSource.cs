using System.Data.Common;
using System.Collections.Concurrent;
using MhEmployment.Web.Data;
using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.DataVersions;
using MhEmployment.Web.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace MhEmployment.Web.Features.Profiles;

/// <summary>
/// The indicators whose values changed, and those whose catalogue entry alone did (whose values can be taken over
/// under the new entry), over some data versions.
/// </summary>
public sealed record ChangedIndicators(IReadOnlySet<int> Values, IReadOnlySet<int> Definitions)
{
    /// <summary>The imports committed and undone, in order, when they made every change of values; otherwise null.</summary>
    public IReadOnlyList<ImportChange>? Imports { get; init; }

    /// <summary>Whether anything besides values and catalogue entries changed too (assets, ratings, areas, evidence, priorities).</summary>
    public bool BeyondValues { get; init; }
}

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

    /// <summary>When the change that made <paramref name="version"/> was recorded; null when there is no such change (as for 0).</summary>
    Task<DateTime?> ChangeTimeAsync(long version, CancellationToken cancellationToken);

    /// <summary>The catalogue's entries, for values read from elsewhere than the database (saved files).</summary>
    Task<IReadOnlyList<Domain.Indicator>> CatalogueAsync(CancellationToken cancellationToken);
}

/// <summary>The dashboards' data from the database, each read in a scope of its own.</summary>
public sealed class DashboardSource(IServiceScopeFactory scopes) : IDashboardSource
{
    /// <summary>Indicators read at once: each is a query on the values key's prefix, on its own connection.</summary>
    private static readonly int Parallelism = Math.Clamp(Environment.ProcessorCount, 1, 4);

    /// <summary>Ranges of an import's rows read at once (see <see cref="ImportRowsAsync"/>): more than the processors, on purpose.</summary>
    private const int ReadParallelism = 4;

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
        var changes = await db.DataChanges.AsNoTracking().Where(c => c.Id > after && c.Id <= upTo).OrderBy(c => c.Id)
            .Select(c => new { c.Kind, c.IndicatorIds, c.ImportId }).ToListAsync(cancellationToken);
        var values = new HashSet<int>();
        var definitions = new HashSet<int>();
        List<ImportChange>? imports = [];
        var beyondValues = false;
        foreach (var change in changes)
        {
            beyondValues |= change.Kind is not (DataChangeKinds.ImportCommitted or DataChangeKinds.ImportUndone or DataChangeKinds.IndicatorEdited);
            if (DataChangeIds.Parse(change.IndicatorIds) is not { } ids)
            {
                return null;
            }
            if (change.Kind == DataChangeKinds.IndicatorEdited)
            {
                definitions.UnionWith(ids);
                continue;
            }
            values.UnionWith(ids);
            if (change.Kind is DataChangeKinds.ImportCommitted or DataChangeKinds.ImportUndone && change.ImportId is { } import)
            {
                imports?.Add(new ImportChange(import, change.Kind == DataChangeKinds.ImportUndone));
            }
            else if (ids.Count > 0)
            {
                imports = null; // values changed some other way: the indicators it touched are read whole
            }
        }
        definitions.ExceptWith(values);
        return new ChangedIndicators(values, definitions) { Imports = imports, BeyondValues = beyondValues };
    }

    public async Task<ValueSnapshot> LoadAsync(long version, ValueSnapshot? previous, ChangedIndicators? changed, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var everything = previous is null || changed is null;
        var areas = everything ? await LoadAreasAsync(db, cancellationToken) : previous!.Areas.Values;
        var catalogue = await db.Indicators.AsNoTracking().ToListAsync(cancellationToken);
        var kept = everything ? [] : previous!.Indicators.ToDictionary(i => i.Indicator.Id);
        // An indicator held before and changed only by imports takes in just the imports' rows; others are read whole.
        var overlaid = everything || changed!.Imports is null ? []
            : catalogue.Where(i => changed.Values.Contains(i.Id) && kept.ContainsKey(i.Id)).ToDictionary(i => i.Id);
        var loaded = new ConcurrentDictionary<int, IndicatorValues>();
        var toLoad = catalogue.Where(i => !overlaid.ContainsKey(i.Id) && (everything || changed!.Values.Contains(i.Id) || !kept.ContainsKey(i.Id)));
        var options = new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(toLoad, options, async (indicator, token) => loaded[indicator.Id] = await LoadIndicatorAsync(indicator, token));
        if (overlaid.Count > 0)
        {
            await OverlayAsync(db, changed!.Imports!, overlaid, kept, loaded, options);
        }
        return new ValueSnapshot(version, areas, catalogue.Select(i =>
            loaded.TryGetValue(i.Id, out var fresh) ? fresh
            : changed!.Definitions.Contains(i.Id) ? kept[i.Id].WithIndicator(i)
            : kept[i.Id]));
    }

    /// <summary>Applies each import, in order, to the held values of the indicators it touched (see <see cref="ImportOverlay"/>).</summary>
    private async Task OverlayAsync(
        AppDbContext db, IReadOnlyList<ImportChange> imports, Dictionary<int, Domain.Indicator> indicators,
        Dictionary<int, IndicatorValues> held, ConcurrentDictionary<int, IndicatorValues> loaded, ParallelOptions options)
    {
        var current = new ConcurrentDictionary<int, IndicatorValues>(indicators.Keys.Select(id => KeyValuePair.Create(id, held[id])));
        foreach (var import in imports)
        {
            var rows = await ImportRowsAsync(db, import, indicators, options.CancellationToken);
            // A million rows merged into an indicator's values is seconds of CPU: at background priority, off the pool.
            await Parallel.ForEachAsync(rows, options, async (pair, token) => current[pair.Key] = await OwnThread.RunInBackgroundAsync(
                () => ImportOverlay.Apply(indicators[pair.Key], current[pair.Key], import, pair.Value), BackgroundPriority.Unwatched, token));
            if (import.Undone)
            {
                // An indicator the import wrote to without replacing anything still loses the import's values.
                foreach (var id in indicators.Keys.Where(id => !rows.ContainsKey(id) && current[id].HasImport(import.ImportId)))
                {
                    current[id] = ImportOverlay.Apply(indicators[id], current[id], import, []);
                }
            }
        }
        foreach (var (id, values) in current)
        {
            loaded[id] = ReferenceEquals(values, held[id]) ? values.WithIndicator(indicators[id]) : values;
        }
    }

    /// <summary>
    /// The rows an import brings to the held values, by indicator: for a commit, the values stored under its id now
    /// (those it added or changed, less any a later import has changed since, which that import's turn brings); for an
    /// undo, the values it had replaced, which the undo put back (and keeps, for this). Read in ranges of the table's
    /// row ids at once, each on its own connection: with readers taking the processors meanwhile, a reload that reads on
    /// more threads gets more of them, and these reads are most of the time before new figures are seen.
    /// </summary>
    private async Task<Dictionary<int, ImportRows>> ImportRowsAsync(
        AppDbContext db, ImportChange import, Dictionary<int, Domain.Indicator> indicators, CancellationToken cancellationToken)
    {
        var (table, filter) = import.Undone ? ("ReplacedValues", "ReplacedByImportId") : ("IndicatorValues", "ImportId");
        // ReplacedValues has an integer key; on SQLite every table has its row id. (PostgreSQL reads a commit's rows in one go.)
        var rowId = import.Undone ? "\"Id\"" : db.Database.IsSqlite() ? "rowid" : null;
        var ranges = rowId is null ? [(long.MinValue, long.MaxValue)]
            : RowRanges.Split(await RowIdBoundsAsync(db, table, filter, rowId, import.ImportId, cancellationToken), ReadParallelism);
        var sql = $"""SELECT {StoredRow.Columns}, "IndicatorId" FROM "{table}" WHERE "{filter}" = @id""";
        if (rowId is not null)
        {
            sql += $" AND {rowId} BETWEEN @from AND @to";
        }
        var parts = new ImportRows.Collector[ranges.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, ranges.Count),
            new ParallelOptions { MaxDegreeOfParallelism = ReadParallelism, CancellationToken = cancellationToken }, async (part, token) =>
            {
                await using var scope = scopes.CreateAsyncScope();
                var partDb = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                var rows = parts[part] = new ImportRows.Collector();
                var (from, to) = ranges[part];
                (string, long)[] parameters = rowId is null ? [("@id", import.ImportId)] : [("@id", import.ImportId), ("@from", from), ("@to", to)];
                await ReadRowsAsync(partDb, sql, parameters, (row, indicator) =>
                {
                    if (indicators.ContainsKey(indicator))
                    {
                        rows.Add(indicator, row);
                    }
                }, token);
            });
        return await OwnThread.RunInBackgroundAsync(() => ImportRows.Combine(parts), BackgroundPriority.Unwatched, cancellationToken);
    }

    /// <summary>The first and last row id of the import's rows in <paramref name="table"/>; null when it has none.</summary>
    private static async Task<(long First, long Last)?> RowIdBoundsAsync(
        AppDbContext db, string table, string filter, string rowId, int importId, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"""
                SELECT (SELECT {rowId} FROM "{table}" WHERE "{filter}" = @id ORDER BY {rowId} LIMIT 1),
                       (SELECT {rowId} FROM "{table}" WHERE "{filter}" = @id ORDER BY {rowId} DESC LIMIT 1)
                """;
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@id";
            parameter.Value = importId;
            command.Parameters.Add(parameter);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            return await reader.ReadAsync(cancellationToken) && !reader.IsDBNull(0) ? (reader.GetInt64(0), reader.GetInt64(1)) : null;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
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
        await ReadRowsAsync(db, $"""SELECT {StoredRow.Columns} FROM "IndicatorValues" WHERE "IndicatorId" = @id""", [("@id", indicator.Id)],
            (row, _) => builder.Add(row), cancellationToken);
        return await OwnThread.RunInBackgroundAsync(builder.Build, BackgroundPriority.Unwatched, cancellationToken); // sorts and indexes them: seconds of CPU for a million
    }

    public async Task<DateTime?> ChangeTimeAsync(long version, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.DataChanges.Where(c => c.Id == version).Select(c => (DateTime?)c.OccurredUtc).SingleOrDefaultAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<Domain.Indicator>> CatalogueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Indicators.AsNoTracking().ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Runs <paramref name="sql"/> (whose first columns are <see cref="StoredRow.Columns"/>, then optionally an integer)
    /// with the parameters set, and hands over each row with that integer (0 without it).
    /// </summary>
    private static async Task ReadRowsAsync(
        AppDbContext db, string sql, IReadOnlyList<(string Name, long Value)> parameters, Action<StoredRow, int> take, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            // A read of a million rows keeps its thread for seconds, even through an async reader (its rows arrive
            // buffered, so each read completes at once): on a thread of its own, not one of the pool's, whose few
            // threads serve requests meanwhile.
            if (connection is SqliteConnection sqlite)
            {
                await OwnThread.RunInBackgroundAsync(() => SqliteStoredRows.Read(sqlite, sql, parameters, take, cancellationToken), BackgroundPriority.Unwatched, cancellationToken);
                return;
            }
            await OwnThread.RunInBackgroundAsync(() => Read(connection, sql, parameters, take, cancellationToken), BackgroundPriority.Unwatched, cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static void Read(
        DbConnection connection, string sql, IReadOnlyList<(string Name, long Value)> parameters, Action<StoredRow, int> take, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
        using var cancel = cancellationToken.Register(command.Cancel);
        try
        {
            using var reader = command.ExecuteReader();
            var sexes = new Dictionary<string, Sex>(StringComparer.Ordinal);
            var withExtra = reader.FieldCount > 15;
            while (reader.Read())
            {
                take(StoredRow.Read(reader, sexes), withExtra ? reader.GetInt32(15) : 0);
            }
        }
        catch (DbException ex) when (cancellationToken.IsCancellationRequested)
        {
            // Cancelled through the command, as a synchronous read is: the same as an async read's cancellation.
            throw new OperationCanceledException("The read was cancelled.", ex, cancellationToken);
        }
        cancellationToken.ThrowIfCancellationRequested();
    }
}
