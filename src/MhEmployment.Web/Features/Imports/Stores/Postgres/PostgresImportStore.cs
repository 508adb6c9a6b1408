using MhEmployment.Web.Data;
using MhEmployment.Web.Domain;
using MhEmployment.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace MhEmployment.Web.Features.Imports.Stores.Postgres;

/// <summary>
/// PostgreSQL's bulk path: binary COPY into the staging table (no index, no constraint: it only ever holds rows already
/// checked, and is read whole), then set-based SQL for the rest.
/// </summary>
public sealed class PostgresImportStore(AppDbContext db, ILogger<PostgresImportStore> logger) : IImportStore
{
    private static readonly ImportSql Sql = new(name => $"\"{name}\"", "{0} IS NOT DISTINCT FROM {1}");

    // One lock for all commits and undos across every app instance: they never interleave or deadlock.
    internal const long ImportLockKey = 0x4D48_454D_5049;

    public async Task<long> StageAsync(int importId, IEnumerable<StagedValue> rows, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        var count = await OwnThread.RunInBackgroundAsync(() => Copy("StagedValues", importId, rows, beforeFirst: null, cancellationToken), cancellationToken);
        // Fresh statistics, so that the merge's joins are planned for the rows just staged rather than an empty table.
        await ImportStoreCommon.ExecuteAsync(db, "ANALYZE \"StagedValues\"", importId, cancellationToken);
        return count;
    }

    public async Task<long> WriteValuesAsync(int importId, IEnumerable<StagedValue> rows, CancellationToken cancellationToken)
    {
        await LockAsync(cancellationToken);
        if (!await MaySkipRowTriggersAsync(cancellationToken))
        {
            throw new OnePassAbandonedException("this database role may not skip the per-row foreign-key triggers");
        }
        await ImportStoreCommon.ExecuteAsync(db, "SET LOCAL session_replication_role = replica", importId, cancellationToken);
        long count;
        try
        {
            count = await OwnThread.RunInBackgroundAsync(() => Copy("IndicatorValues", importId, rows, AbandonIfAnyStored, cancellationToken), cancellationToken);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            throw new OnePassAbandonedException($"a value is already stored for one of its keys ({ex.Detail ?? ex.MessageText})");
        }
        await ImportStoreCommon.ExecuteAsync(db, "SET LOCAL session_replication_role = DEFAULT", importId, cancellationToken);
        return count;
    }

    /// <summary>
    /// Binary COPY of the rows into a table with the staging table's columns, on the calling thread (the rows are
    /// produced on another, and the copy only buffers and sends; both block their threads, so neither is the pool's).
    /// <paramref name="beforeFirst"/> sees the first batch before the copy begins, while the connection can still run
    /// other statements.
    /// </summary>
    private long Copy(string table, int importId, IEnumerable<StagedValue> rows, Action<StagedValue[], int>? beforeFirst, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var columns = string.Join(", ", ImportSql.StagingColumns.Select(c => $"\"{c}\""));
        using var batches = ReadAhead.Batches(rows, cancellationToken).GetEnumerator();
        var any = batches.MoveNext();
        if (any)
        {
            beforeFirst?.Invoke(batches.Current.Items, batches.Current.Count);
        }
        long count = 0;
        var copy = connection.BeginRawBinaryCopy($"COPY \"{table}\" ({columns}) FROM STDIN (FORMAT BINARY)");
        try
        {
            var writer = new PgBinaryRows(copy);
            writer.WriteHeader();
            for (; any; any = batches.MoveNext())
            {
                var (batch, size) = batches.Current;
                for (var i = 0; i < size; i++)
                {
                    writer.Write(importId, batch[i]);
                }
                count += size;
            }
            writer.WriteTrailer();
        }
        catch
        {
            copy.Cancel(); // else disposing the stream would end the copy and keep the rows written so far
            throw;
        }
        copy.Dispose(); // a key already stored is refused here, where the server reports the copy's end
        return count;
    }

    /// <summary>
    /// A file that revises stored values usually starts with some of them. The first rows' keys are looked up before
    /// the copy begins, so such a file goes the staged way at once, rather than after the whole copy (PostgreSQL
    /// reports a key already stored only at its end). A stored key further on is still refused by the table's key.
    /// </summary>
    private void AbandonIfAnyStored(StagedValue[] batch, int size)
    {
        using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = """
            SELECT EXISTS (SELECT 1 FROM unnest(@indicators, @starts, @ends, @areas, @sexes, @ages) AS k(i, s, e, a, x, g)
              JOIN "IndicatorValues" v ON v."IndicatorId" = k.i AND v."PeriodStart" = k.s AND v."PeriodEnd" = k.e
                AND v."AreaCode" = k.a AND v."Sex" = k.x AND v."AgeBand" = k.g)
            """;
        var rows = batch.AsSpan(0, size).ToArray();
        command.Parameters.Add(new NpgsqlParameter("indicators", rows.Select(r => r.IndicatorId).ToArray()));
        command.Parameters.Add(new NpgsqlParameter("starts", rows.Select(r => r.PeriodStart).ToArray()));
        command.Parameters.Add(new NpgsqlParameter("ends", rows.Select(r => r.PeriodEnd).ToArray()));
        command.Parameters.Add(new NpgsqlParameter("areas", rows.Select(r => r.AreaCode).ToArray()));
        command.Parameters.Add(new NpgsqlParameter("sexes", rows.Select(r => r.Sex.ToString()).ToArray()));
        command.Parameters.Add(new NpgsqlParameter("ages", rows.Select(r => r.AgeBand).ToArray()));
        if (command.ExecuteScalar() is true)
        {
            throw new OnePassAbandonedException("values are already stored for some of its first rows' keys");
        }
    }

    public async Task CheckReferencedRowsAsync(int importId, IReadOnlyCollection<int> indicators, IReadOnlyCollection<string> areas, CancellationToken cancellationToken)
    {
        await using var command = await ImportStoreCommon.CommandAsync(db, """
            WITH locked_areas AS (SELECT a."Code" FROM "Areas" a WHERE a."Code" = ANY(@areas) FOR KEY SHARE),
                 locked_indicators AS (SELECT i."Id" FROM "Indicators" i WHERE i."Id" = ANY(@indicators) FOR KEY SHARE),
                 locked_import AS (SELECT m."Id" FROM "Imports" m WHERE m."Id" = @import FOR KEY SHARE)
            SELECT cardinality(@areas) - (SELECT COUNT(*) FROM locked_areas)
                 + cardinality(@indicators) - (SELECT COUNT(*) FROM locked_indicators)
                 + 1 - (SELECT COUNT(*) FROM locked_import)
            """, importId, cancellationToken);
        command.Parameters.Add(new NpgsqlParameter("areas", areas.ToArray()));
        command.Parameters.Add(new NpgsqlParameter("indicators", indicators.ToArray()));
        ImportStoreCommon.ThrowIfMissing(Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture));
    }

    public Task<ChangeCounts> CountChangesAsync(int importId, CancellationToken cancellationToken) =>
        ImportStoreCommon.CountChangesAsync(db, Sql, importId, cancellationToken);

    public Task DeleteStagingAsync(int importId, CancellationToken cancellationToken) =>
        ImportStoreCommon.ExecuteAsync(db, Sql.DeleteStaging, importId, cancellationToken);

    public async Task<ChangeCounts> MergeAsync(int importId, long expectedRows, IReadOnlyDictionary<int, int> placeholderIndicators, IProgress<double> progress,
        CancellationToken cancellationToken)
    {
        await LockAsync(cancellationToken);
        var skipRowTriggers = await MaySkipRowTriggersAsync(cancellationToken);
        return await ImportStoreCommon.MergeAsync(db, Sql, importId, expectedRows, placeholderIndicators, progress, logger, cancellationToken,
            clearStaging: ClearStagingAsync,
            beforeWrites: skipRowTriggers ? async () =>
            {
                ImportStoreCommon.ThrowIfMissing(await ImportStoreCommon.ScalarAsync(db, CheckAndLockReferencedRows, importId, cancellationToken));
                await ImportStoreCommon.ExecuteAsync(db, "SET LOCAL session_replication_role = replica", importId, cancellationToken);
            } : null,
            afterWrites: skipRowTriggers ? () => ImportStoreCommon.ExecuteAsync(db, "SET LOCAL session_replication_role = DEFAULT", importId, cancellationToken) : null);
    }

    /// <summary>
    /// Empties staging with TRUNCATE when it holds only this import and no validation is writing to it (a 1M-row
    /// DELETE took a quarter of a second); otherwise deletes this import's rows. TRUNCATE takes the table's exclusive
    /// lock until the commit ends, which a staging validation would wait for: NOWAIT falls back to DELETE instead, as
    /// does a role without the TRUNCATE privilege.
    /// </summary>
    private Task ClearStagingAsync(int importId, CancellationToken cancellationToken)
    {
        var id = importId.ToString(System.Globalization.CultureInfo.InvariantCulture); // DO blocks take no parameters
        return ImportStoreCommon.ExecuteAsync(db, $"""
            DO $$
            BEGIN
              LOCK TABLE "StagedValues" IN ACCESS EXCLUSIVE MODE NOWAIT;
              IF EXISTS (SELECT 1 FROM "StagedValues" WHERE "ImportId" <> {id}) THEN
                DELETE FROM "StagedValues" WHERE "ImportId" = {id};
              ELSE
                TRUNCATE "StagedValues";
              END IF;
            EXCEPTION WHEN lock_not_available OR insufficient_privilege THEN
              DELETE FROM "StagedValues" WHERE "ImportId" = {id};
            END $$
            """, importId, cancellationToken);
    }

    /// <summary>
    /// What each row's foreign-key trigger would do (lock the referenced area, indicator and import FOR KEY SHARE, and
    /// fail if one is missing), done once per distinct value: the number of referenced rows that do not exist.
    /// </summary>
    private const string CheckAndLockReferencedRows = """
        WITH keys AS (SELECT DISTINCT "IndicatorId", "AreaCode" FROM "StagedValues" WHERE "ImportId" = @import),
             areas AS (SELECT DISTINCT "AreaCode" FROM keys),
             indicators AS (SELECT DISTINCT "IndicatorId" FROM keys),
             locked_areas AS (SELECT a."Code" FROM "Areas" a WHERE a."Code" IN (SELECT "AreaCode" FROM areas) FOR KEY SHARE),
             locked_indicators AS (SELECT i."Id" FROM "Indicators" i WHERE i."Id" IN (SELECT "IndicatorId" FROM indicators) FOR KEY SHARE),
             locked_import AS (SELECT m."Id" FROM "Imports" m WHERE m."Id" = @import FOR KEY SHARE)
        SELECT (SELECT COUNT(*) FROM areas) - (SELECT COUNT(*) FROM locked_areas)
             + (SELECT COUNT(*) FROM indicators) - (SELECT COUNT(*) FROM locked_indicators)
             + 1 - (SELECT COUNT(*) FROM locked_import)
        """;

    /// <summary>
    /// Whether this connection may set session_replication_role (a superuser, or PostgreSQL 15+ with
    /// GRANT SET ON PARAMETER session_replication_role): then the merge's foreign keys are checked once per distinct
    /// value instead of by a trigger per row, which took two thirds of a 1M-row commit. Otherwise the triggers run.
    /// </summary>
    private async Task<bool> MaySkipRowTriggersAsync(CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var sql = connection.PostgreSqlVersion.Major >= 15
            ? "SELECT current_setting('is_superuser') = 'on' OR has_parameter_privilege('session_replication_role', 'SET')"
            : "SELECT current_setting('is_superuser') = 'on'";
        await using var command = await ImportStoreCommon.CommandAsync(db, sql, 0, cancellationToken);
        return await command.ExecuteScalarAsync(cancellationToken) is true;
    }

    public Task<IAsyncDisposable> BeforeCommitAsync(CancellationToken cancellationToken) => Task.FromResult<IAsyncDisposable>(NothingToUndo.Instance);

    public async Task UndoAsync(int importId, CancellationToken cancellationToken)
    {
        await LockAsync(cancellationToken);
        await ImportStoreCommon.UndoAsync(db, Sql, importId, cancellationToken);
    }

    /// <summary>Commits and undos wait for each other's advisory lock as long as it takes: never "busy".</summary>
    public bool IsBusy(Exception exception) => false;

    /// <summary>Without a command timeout (the context's is 30 seconds, which a long commit ahead would outlast).</summary>
    private async Task LockAsync(CancellationToken cancellationToken) =>
        await ImportStoreCommon.ExecuteAsync(db, $"SELECT pg_advisory_xact_lock({ImportLockKey})", 0, cancellationToken);
}
