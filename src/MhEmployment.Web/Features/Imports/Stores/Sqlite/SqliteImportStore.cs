using System.Globalization;
using System.Text;
using System.Text.Json;
using MhEmployment.Web.Data;
using MhEmployment.Web.Domain;
using MhEmployment.Web.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using SQLitePCL;

namespace MhEmployment.Web.Features.Imports.Stores.Sqlite;

/// <summary>
/// SQLite's bulk path: one prepared INSERT (of 32 rows) reused for the whole file, in one transaction,
/// while the file is read on another thread; then set-based SQL for the rest.
/// </summary>
public sealed class SqliteImportStore(AppDbContext db, SqliteLongWrites longWrites, ILogger<SqliteImportStore> logger) : IImportStore
{
    private static readonly ImportSql Sql = new(name => $"\"{name}\"", "{0} IS {1}", insertNewOnConflict: true);
    private static readonly byte[][] SexNames = [.. Enum.GetNames<Sex>().Select(Encoding.UTF8.GetBytes)];

    // SQLite's result codes (https://www.sqlite.org/rescode.html) this store tells apart.
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteConstraintPrimaryKey = 1555;
    private const int SqliteConstraintUnique = 2067;

    private SqliteConnection Connection => (SqliteConnection)db.Database.GetDbConnection();

    public async Task<long> StageAsync(int importId, IEnumerable<StagedValue> rows, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        // The whole file is staged in one transaction, which holds SQLite's write lock for as long as it is read.
        using var longWrite = longWrites.Enter();
        await using (await FastWritesAsync(cancellationToken))
        {
            return await OwnThread.RunInBackgroundAsync(() =>
            {
                using var transaction = Connection.BeginTransaction();
                var count = Insert("StagedValues", importId, rows, cancellationToken);
                transaction.Commit();
                return count;
            }, cancellationToken);
        }
    }

    // SQLite has a single writer: the caller's transaction already excludes every other commit. Its foreign keys were
    // turned off by BeforeCommitAsync; CheckReferencedRowsAsync does their work after.
    public async Task<long> WriteValuesAsync(int importId, IEnumerable<StagedValue> rows, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            return await OwnThread.RunInBackgroundAsync(() => Insert("IndicatorValues", importId, rows, cancellationToken), cancellationToken);
        }
        catch (SqliteException ex) when (ex.SqliteExtendedErrorCode is SqliteConstraintPrimaryKey or SqliteConstraintUnique)
        {
            throw new OnePassAbandonedException($"a value is already stored for one of its keys ({ex.Message})");
        }
    }

    /// <summary>Inserts the rows into a table with the staging table's columns, in the connection's transaction.</summary>
    private long Insert(string table, int importId, IEnumerable<StagedValue> rows, CancellationToken cancellationToken)
    {
        long count = 0;
        using var many = new RawInsert(Connection, table, importId, RowsPerStatement);
        using var one = new RawInsert(Connection, table, importId, 1);
        foreach (var (batch, size) in ReadAhead.Batches(rows, cancellationToken))
        {
            var i = 0;
            for (; i + RowsPerStatement <= size; i += RowsPerStatement)
            {
                many.Execute(batch.AsSpan(i, RowsPerStatement));
            }
            for (; i < size; i++)
            {
                one.Execute(batch.AsSpan(i, 1));
            }
            count += size;
        }
        return count;
    }

    public async Task CheckReferencedRowsAsync(int importId, IReadOnlyCollection<int> indicators, IReadOnlyCollection<string> areas, CancellationToken cancellationToken)
    {
        await using var command = await ImportStoreCommon.CommandAsync(db, """
            SELECT (SELECT COUNT(*) FROM json_each(@areas) k WHERE NOT EXISTS (SELECT 1 FROM "Areas" a WHERE a."Code" = k.value))
                 + (SELECT COUNT(*) FROM json_each(@indicators) k WHERE NOT EXISTS (SELECT 1 FROM "Indicators" i WHERE i."Id" = k.value))
                 + (SELECT CASE WHEN EXISTS (SELECT 1 FROM "Imports" WHERE "Id" = @import) THEN 0 ELSE 1 END)
            """, importId, cancellationToken);
        var parameters = ((SqliteCommand)command).Parameters;
        parameters.AddWithValue("@areas", JsonSerializer.Serialize(areas));
        parameters.AddWithValue("@indicators", JsonSerializer.Serialize(indicators));
        ImportStoreCommon.ThrowIfMissing(Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture));
    }

    /// <summary>Rows per INSERT statement: 32 rows × 15 parameters, far below SQLite's limit of 32,766.</summary>
    private const int RowsPerStatement = 32;

    /// <summary>
    /// A prepared multi-row INSERT driven through SQLite's own API: parameters bound by position from UTF-8 bytes.
    /// Through ADO.NET every parameter is looked up by name at each execution (a linear search in SQLite, so n rows a
    /// statement cost n² lookups) and boxed; measured, this is three times faster than one prepared SqliteCommand a row.
    /// </summary>
    private sealed class RawInsert : IDisposable
    {
        private readonly sqlite3 _db;
        private readonly sqlite3_stmt _statement;
        private readonly byte[] _text = new byte[4096];
        private readonly Dictionary<int, byte[]> _dates = [];
        private readonly Utf8Texts _areaCodes = new(), _ageBands = new(), _periodLabels = new();

        public RawInsert(SqliteConnection connection, string table, int importId, int rows)
        {
            _db = connection.Handle!;
            var columns = string.Join(", ", ImportSql.StagingColumns.Select(c => $"\"{c}\""));
            var row = $"({importId.ToString(CultureInfo.InvariantCulture)}{string.Concat(Enumerable.Repeat(", ?", ImportSql.StagingColumns.Length - 1))})";
            var sql = $"INSERT INTO \"{table}\" ({columns}) VALUES {string.Join(", ", Enumerable.Repeat(row, rows))}";
            Check(raw.sqlite3_prepare_v2(_db, sql, out _statement));
        }

        public void Execute(ReadOnlySpan<StagedValue> rows)
        {
            // Every parameter starts NULL (cleared after each step), so missing values cost no call at all: most rows
            // of most files leave counts, intervals and notes empty.
            var p = 1;
            foreach (var row in rows)
            {
                Check(raw.sqlite3_bind_int(_statement, p, row.IndicatorId));
                Check(raw.sqlite3_bind_text(_statement, p + 1, _areaCodes.Get(row.AreaCode)));
                Check(raw.sqlite3_bind_text(_statement, p + 2, Date(row.PeriodStart)));
                Check(raw.sqlite3_bind_text(_statement, p + 3, Date(row.PeriodEnd)));
                Check(raw.sqlite3_bind_text(_statement, p + 4, SexNames[(int)row.Sex]));
                Check(raw.sqlite3_bind_text(_statement, p + 5, _ageBands.Get(row.AgeBand)));
                Check(raw.sqlite3_bind_text(_statement, p + 6, _periodLabels.Get(row.PeriodLabel)));
                BindDouble(p + 7, row.Value);
                BindDouble(p + 8, row.Count);
                BindDouble(p + 9, row.Denominator);
                BindDouble(p + 10, row.Lower95);
                BindDouble(p + 11, row.Upper95);
                BindDouble(p + 12, row.Lower998);
                BindDouble(p + 13, row.Upper998);
                if (row.Note is { } note)
                {
                    var length = Encoding.UTF8.GetBytes(note, _text);
                    Check(raw.sqlite3_bind_text(_statement, p + 14, _text.AsSpan(0, length))); // SQLite copies it
                }
                p += ImportSql.StagingColumns.Length - 1;
            }
            var done = raw.sqlite3_step(_statement);
            if (done != raw.SQLITE_DONE)
            {
                Check(done);
            }
            Check(raw.sqlite3_reset(_statement));
            Check(raw.sqlite3_clear_bindings(_statement));
        }

        private void BindDouble(int index, double? value)
        {
            if (value is { } v)
            {
                Check(raw.sqlite3_bind_double(_statement, index, v));
            }
        }

        // Dates as EF Core stores DateOnly on SQLite: ISO text. A file has few distinct periods.
        private byte[] Date(DateOnly date)
        {
            if (!_dates.TryGetValue(date.DayNumber, out var text))
            {
                _dates.Add(date.DayNumber, text = Encoding.UTF8.GetBytes(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
            }
            return text;
        }

        /// <summary>
        /// The UTF-8 bytes of a column's values, encoded once each: files repeat a few hundred areas, age bands and
        /// period labels. A text seen last time is found by reference, without hashing; the cache stops growing at a
        /// size no real file reaches.
        /// </summary>
        private sealed class Utf8Texts
        {
            private readonly Dictionary<string, byte[]> _known = new(StringComparer.Ordinal);
            private (string? Text, byte[] Bytes) _last = (null, []);

            public byte[] Get(string text)
            {
                if (ReferenceEquals(text, _last.Text))
                {
                    return _last.Bytes;
                }
                if (!_known.TryGetValue(text, out var bytes))
                {
                    bytes = Encoding.UTF8.GetBytes(text);
                    if (_known.Count < 100_000)
                    {
                        _known.Add(text, bytes);
                    }
                }
                _last = (text, bytes);
                return bytes;
            }
        }

        private void Check(int rc)
        {
            if (rc != raw.SQLITE_OK)
            {
                SqliteException.ThrowExceptionForRC(rc, _db);
            }
        }

        public void Dispose() => _statement.Dispose();
    }

    public Task<ChangeCounts> CountChangesAsync(int importId, CancellationToken cancellationToken) =>
        ImportStoreCommon.CountChangesAsync(db, Sql, importId, cancellationToken);

    /// <summary>A bulk delete: a previous validation of a large file can have left a million rows.</summary>
    public async Task DeleteStagingAsync(int importId, CancellationToken cancellationToken)
    {
        using var longWrite = longWrites.Enter();
        await ImportStoreCommon.ExecuteAsync(db, Sql.DeleteStaging, importId, cancellationToken);
    }

    private bool _foreignKeysOff;

    /// <summary>
    /// Turns off SQLite's foreign-key checks for the commit's transaction (a lookup per row and key: a third of a
    /// 1M-row merge); the merge then checks every area, indicator and the import once. SQLite has one writer, and the
    /// commit holds it from its first statement, so nothing can remove a referenced row between that check and the end.
    /// </summary>
    public async Task<IAsyncDisposable> BeforeCommitAsync(CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        if (db.Database.CurrentTransaction is not null || await PragmaAsync("foreign_keys", cancellationToken) != "1")
        {
            return NothingToUndo.Instance;
        }
        await SetAsync("foreign_keys", "OFF", cancellationToken);
        _foreignKeysOff = true;
        return new Restore(this, [("foreign_keys", "ON")], () => _foreignKeysOff = false);
    }

    public Task<ChangeCounts> MergeAsync(int importId, long expectedRows, IReadOnlyDictionary<int, int> placeholderIndicators, IProgress<double> progress,
        CancellationToken cancellationToken) =>
        ImportStoreCommon.MergeAsync(db, Sql, importId, expectedRows, placeholderIndicators, progress, logger, cancellationToken,
            beforeWrites: _foreignKeysOff ? () => CheckReferencedRowsAsync(importId, cancellationToken) : null,
            afterWrites: null,
            clearStaging: ClearStagingAsync);

    private const string MissingReferencedRows = """
        WITH keys AS (SELECT DISTINCT "IndicatorId", "AreaCode" FROM "StagedValues" WHERE "ImportId" = @import)
        SELECT (SELECT COUNT(*) FROM (SELECT DISTINCT "AreaCode" FROM keys) k WHERE NOT EXISTS (SELECT 1 FROM "Areas" a WHERE a."Code" = k."AreaCode"))
             + (SELECT COUNT(*) FROM (SELECT DISTINCT "IndicatorId" FROM keys) k WHERE NOT EXISTS (SELECT 1 FROM "Indicators" i WHERE i."Id" = k."IndicatorId"))
             + (SELECT CASE WHEN EXISTS (SELECT 1 FROM "Imports" WHERE "Id" = @import) THEN 0 ELSE 1 END)
        """;

    private async Task CheckReferencedRowsAsync(int importId, CancellationToken cancellationToken)
    {
        ImportStoreCommon.ThrowIfMissing(await ImportStoreCommon.ScalarAsync(db, MissingReferencedRows, importId, cancellationToken));
    }

    /// <summary>
    /// When staging holds only this import (the usual case), empties it with SQLite's truncate optimisation (a DELETE
    /// without WHERE) rather than row by row. Safe inside the commit: SQLite's single writer means no other import can
    /// stage rows until it ends.
    /// </summary>
    private async Task ClearStagingAsync(int importId, CancellationToken cancellationToken)
    {
        var others = await ImportStoreCommon.ScalarAsync(db, "SELECT EXISTS (SELECT 1 FROM \"StagedValues\" WHERE \"ImportId\" <> @import)", importId, cancellationToken);
        await ImportStoreCommon.ExecuteAsync(db, others == 0 ? "DELETE FROM \"StagedValues\"" : Sql.DeleteStaging, importId, cancellationToken);
    }

    public Task UndoAsync(int importId, CancellationToken cancellationToken) =>
        ImportStoreCommon.UndoAsync(db, Sql, importId, cancellationToken);

    public bool IsBusy(Exception exception) => exception is SqliteException { SqliteErrorCode: SqliteBusy or SqliteLocked };

    /// <summary>
    /// For the length of staging on this connection: synchronous=NORMAL (in WAL mode a crash still loses nothing
    /// committed; only a power cut can take back the last commits), put back after. A larger page cache was tried for
    /// the merge: no faster, and 64 MB more memory.
    /// </summary>
    private async Task<IAsyncDisposable> FastWritesAsync(CancellationToken cancellationToken)
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

    private sealed class Restore(SqliteImportStore store, List<(string Name, string Value)> pragmas, Action? then = null) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            foreach (var (name, value) in pragmas)
            {
                await store.SetAsync(name, value, CancellationToken.None);
            }
            then?.Invoke();
        }
    }
}
