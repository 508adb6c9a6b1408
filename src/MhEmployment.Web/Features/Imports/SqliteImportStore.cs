using System.Globalization;
using MhEmployment.Web.Data;
using MhEmployment.Web.Domain;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace MhEmployment.Web.Features.Imports;

/// <summary>
/// SQLite's bulk path: one prepared INSERT reused for every row, in one transaction,
/// while the file is read on another thread; then set-based SQL for the rest.
/// </summary>
public sealed class SqliteImportStore(AppDbContext db, ILogger<SqliteImportStore> logger) : IImportStore
{
    private static readonly ImportSql Sql = new(name => $"\"{name}\"", "{0} IS {1}");
    private static readonly string[] SexNames = Enum.GetNames<Sex>();


    /// <summary>The page cache a merge may use (64 MB, against SQLite's default 2 MB), so index pages are not re-read.</summary>
    private const int MergeCacheKibibytes = 65536;

    private SqliteConnection Connection => (SqliteConnection)db.Database.GetDbConnection();

    public async Task<long> StageAsync(int importId, IEnumerable<StagedValue> rows, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        long count = 0;
        await using (await FastWritesAsync(cacheKibibytes: null, cancellationToken))
        {
            await Task.Run(() =>
            {
                using var transaction = Connection.BeginTransaction();
                using var insert = Insert(transaction, importId);
                var dates = new Dictionary<int, string>();
                foreach (var (batch, size) in ReadAhead.Batches(rows, cancellationToken))
                {
                    for (var i = 0; i < size; i++)
                    {
                        Bind(insert.Parameters, batch[i], dates);
                        insert.Command.ExecuteNonQuery();
                    }
                    count += size;
                }
                transaction.Commit();
            }, cancellationToken);
        }
        return count;
    }

    private sealed record PreparedInsert(SqliteCommand Command, SqliteParameter[] Parameters) : IDisposable
    {
        public void Dispose() => Command.Dispose();
    }

    // The staged columns but ImportId, which is the same for every row and is written into the statement.
    private static readonly string[] BoundColumns = ImportSql.StagingColumns[1..];

    // One row per statement: Microsoft.Data.Sqlite looks every parameter up by name at each execution (a linear
    // search in SQLite), so a statement of n rows costs n² lookups; measured, 64 rows a statement was four times slower.
    private PreparedInsert Insert(SqliteTransaction transaction, int importId)
    {
        var command = Connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO \"StagedValues\" ({string.Join(", ", ImportSql.StagingColumns.Select(c => $"\"{c}\""))}) " +
            $"VALUES ({importId.ToString(CultureInfo.InvariantCulture)}, {string.Join(", ", BoundColumns.Select((_, i) => $"@p{i}"))})";
        var parameters = BoundColumns.Select((_, i) => command.Parameters.Add(new SqliteParameter($"@p{i}", null))).ToArray();
        command.Prepare();
        return new PreparedInsert(command, parameters);
    }

    private static void Bind(SqliteParameter[] p, StagedValue value, Dictionary<int, string> dates)
    {
        p[0].Value = value.IndicatorId;
        p[1].Value = value.AreaCode;
        p[2].Value = Date(value.PeriodStart, dates);
        p[3].Value = Date(value.PeriodEnd, dates);
        p[4].Value = SexNames[(int)value.Sex];
        p[5].Value = value.AgeBand;
        p[6].Value = value.PeriodLabel;
        p[7].Value = (object?)value.Value ?? DBNull.Value;
        p[8].Value = (object?)value.Count ?? DBNull.Value;
        p[9].Value = (object?)value.Denominator ?? DBNull.Value;
        p[10].Value = (object?)value.Lower95 ?? DBNull.Value;
        p[11].Value = (object?)value.Upper95 ?? DBNull.Value;
        p[12].Value = (object?)value.Lower998 ?? DBNull.Value;
        p[13].Value = (object?)value.Upper998 ?? DBNull.Value;
        p[14].Value = (object?)value.Note ?? DBNull.Value;
    }

    // Dates are stored as EF Core stores DateOnly on SQLite: ISO text. A file has few distinct periods.
    private static string Date(DateOnly date, Dictionary<int, string> dates)
    {
        if (!dates.TryGetValue(date.DayNumber, out var text))
        {
            dates.Add(date.DayNumber, text = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
        return text;
    }

    public Task<ChangeCounts> CountChangesAsync(int importId, CancellationToken cancellationToken) =>
        ImportStoreCommon.CountChangesAsync(db, Sql, importId, cancellationToken);

    public Task DeleteStagingAsync(int importId, CancellationToken cancellationToken) =>
        ImportStoreCommon.ExecuteAsync(db, Sql.DeleteStaging, importId, cancellationToken);

    // SQLite has a single writer: the caller's transaction already excludes every other commit.
    public async Task<ChangeCounts> MergeAsync(int importId, long expectedRows, IReadOnlyDictionary<int, int> placeholderIndicators, CancellationToken cancellationToken)
    {
        await using (await FastWritesAsync(MergeCacheKibibytes, cancellationToken))
        {
            return await ImportStoreCommon.MergeAsync(db, Sql, importId, expectedRows, placeholderIndicators, logger, cancellationToken);
        }
    }

    public Task UndoAsync(int importId, CancellationToken cancellationToken) =>
        ImportStoreCommon.UndoAsync(db, Sql, importId, cancellationToken);

    /// <summary>
    /// For the length of a bulk write on this connection: synchronous=NORMAL (in WAL mode a crash still loses nothing
    /// committed; only a power cut can take back the last commits) and optionally a larger page cache; both put back after.
    /// </summary>
    private async Task<IAsyncDisposable> FastWritesAsync(int? cacheKibibytes, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        var journal = await PragmaAsync("journal_mode", cancellationToken);
        if (!string.Equals(journal, "wal", StringComparison.OrdinalIgnoreCase))
        {
            return new Restore(this, []); // another journal mode (a test's in-memory database): leave it as it is
        }
        var restore = new List<(string, string)>();
        if (db.Database.CurrentTransaction is null) // SQLite refuses to change it inside a transaction
        {
            restore.Add(("synchronous", await PragmaAsync("synchronous", cancellationToken)));
            await SetAsync("synchronous", "NORMAL", cancellationToken);
        }
        if (cacheKibibytes is { } kib)
        {
            restore.Add(("cache_size", await PragmaAsync("cache_size", cancellationToken)));
            await SetAsync("cache_size", (-kib).ToString(CultureInfo.InvariantCulture), cancellationToken);
        }
        return new Restore(this, restore);
    }

    private async Task<string> PragmaAsync(string name, CancellationToken cancellationToken)
    {
        await using var command = Connection.CreateCommand();
        command.Transaction = (SqliteTransaction?)db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = $"PRAGMA {name}";
        return Convert.ToString(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) ?? "";
    }

    private async Task SetAsync(string name, string value, CancellationToken cancellationToken)
    {
        await using var command = Connection.CreateCommand();
        command.Transaction = (SqliteTransaction?)db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = $"PRAGMA {name} = {value}";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private sealed class Restore(SqliteImportStore store, List<(string Name, string Value)> pragmas) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            foreach (var (name, value) in pragmas)
            {
                await store.SetAsync(name, value, CancellationToken.None);
            }
        }
    }
}
