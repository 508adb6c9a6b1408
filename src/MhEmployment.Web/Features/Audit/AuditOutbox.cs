using MhEmployment.Web.Domain;
using MhEmployment.Web.Infrastructure;
using Microsoft.Data.Sqlite;

namespace MhEmployment.Web.Features.Audit;

/// <summary>An audit entry waiting in the outbox, under the outbox's own number.</summary>
public sealed record OutboxEntry(long Id, AuditEvent Event);

/// <summary>
/// Audit entries waiting to be written to the main SQLite database while a long write holds its lock (ADR 0021): a
/// small SQLite file of its own beside it ("mhemployment.db.audit-outbox"), with its own write lock, so an entry is
/// durable at once without waiting for the import. <see cref="AuditOutboxMover"/> moves them into AuditEvents.
/// Off (no file) on PostgreSQL and for an in-memory database.
/// </summary>
public sealed class AuditOutbox
{
    public const string Suffix = ".audit-outbox";

    private readonly string? _connectionString;
    private volatile bool _created;
    private readonly OpenScopes _draining = new();

    /// <param name="path">The outbox file, or null when there is none.</param>
    public AuditOutbox(string? path)
    {
        Path = path;
        _connectionString = path is null ? null : new SqliteConnectionStringBuilder { DataSource = path, Pooling = true }.ToString();
    }

    /// <summary>The outbox beside the main SQLite database of this connection string; none for an in-memory database.</summary>
    public static AuditOutbox Beside(string sqliteConnectionString)
    {
        var main = new SqliteConnectionStringBuilder(sqliteConnectionString).DataSource;
        var inMemory = string.IsNullOrEmpty(main) || main == ":memory:"
            || new SqliteConnectionStringBuilder(sqliteConnectionString).Mode == SqliteOpenMode.Memory;
        return new AuditOutbox(inMemory ? null : main + Suffix);
    }

    public string? Path { get; }

    public bool Enabled => Path is not null;

    /// <summary>
    /// Whether <see cref="AuditOutboxMover"/> is moving entries into the main database now. Its batches take SQLite's
    /// lock one after another for seconds after an import, and a writer that finds the lock taken sleeps 150 ms between
    /// tries, missing the gaps: new entries join the outbox meanwhile instead of waiting (ADR 0021).
    /// </summary>
    public bool Draining => _draining.Any;

    /// <summary>Marks a move as running until the scope is disposed.</summary>
    public IDisposable BeginDraining() => _draining.Enter();

    /// <summary>Keeps the entries, in one transaction, durably (synchronous FULL), before returning.</summary>
    public async Task AddAsync(IReadOnlyList<AuditEvent> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        await using var connection = await OpenAsync(create: true, cancellationToken);
        await using var transaction = await connection!.BeginTransactionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO "Entries" ("OccurredTicks", "ActorUserId", "Actor", "IpAddress", "Action", "Target", "Details")
            VALUES (@occurred, @actorUserId, @actor, @ip, @action, @target, @details)
            """;
        foreach (var entry in entries)
        {
            command.Parameters.Clear();
            command.Parameters.AddWithValue("@occurred", entry.OccurredUtc.Ticks);
            command.Parameters.AddWithValue("@actorUserId", (object?)entry.ActorUserId ?? DBNull.Value);
            command.Parameters.AddWithValue("@actor", entry.Actor);
            command.Parameters.AddWithValue("@ip", (object?)entry.IpAddress ?? DBNull.Value);
            command.Parameters.AddWithValue("@action", entry.Action);
            command.Parameters.AddWithValue("@target", (object?)entry.Target ?? DBNull.Value);
            command.Parameters.AddWithValue("@details", (object?)entry.Details ?? DBNull.Value);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The oldest waiting entries, in the order they were added (at most <paramref name="limit"/>).</summary>
    public async Task<IReadOnlyList<OutboxEntry>> ReadAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(create: false, cancellationToken);
        if (connection is null)
        {
            return [];
        }
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT "Id", "OccurredTicks", "ActorUserId", "Actor", "IpAddress", "Action", "Target", "Details"
            FROM "Entries" ORDER BY "Id" LIMIT @limit
            """;
        command.Parameters.AddWithValue("@limit", limit);
        var entries = new List<OutboxEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new OutboxEntry(reader.GetInt64(0), new AuditEvent
            {
                OccurredUtc = new DateTime(reader.GetInt64(1), DateTimeKind.Utc),
                ActorUserId = Text(reader, 2),
                Actor = reader.GetString(3),
                IpAddress = Text(reader, 4),
                Action = reader.GetString(5),
                Target = Text(reader, 6),
                Details = Text(reader, 7),
            }));
        }
        return entries;
    }

    /// <summary>Forgets the entries up to and including <paramref name="lastId"/> (the last one moved).</summary>
    public async Task DeleteThroughAsync(long lastId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(create: false, cancellationToken);
        if (connection is null)
        {
            return;
        }
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM \"Entries\" WHERE \"Id\" <= @last";
        command.Parameters.AddWithValue("@last", lastId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>How many entries are waiting (0 when there is no outbox file).</summary>
    public async Task<long> CountAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(create: false, cancellationToken);
        if (connection is null)
        {
            return 0;
        }
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM \"Entries\"";
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>
    /// An open connection with synchronous FULL (an entry the request was told is kept survives a power cut); null when
    /// there is no outbox file and <paramref name="create"/> is false (nothing to read, and no file made for a look).
    /// </summary>
    private async Task<SqliteConnection?> OpenAsync(bool create, CancellationToken cancellationToken)
    {
        if (_connectionString is null || (!create && !_created && !File.Exists(Path)))
        {
            return null;
        }
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = _created
                ? "PRAGMA synchronous = FULL"
                : """
                  PRAGMA journal_mode = WAL;
                  PRAGMA synchronous = FULL;
                  CREATE TABLE IF NOT EXISTS "Entries" (
                      "Id" INTEGER PRIMARY KEY AUTOINCREMENT,
                      "OccurredTicks" INTEGER NOT NULL,
                      "ActorUserId" TEXT NULL,
                      "Actor" TEXT NOT NULL,
                      "IpAddress" TEXT NULL,
                      "Action" TEXT NOT NULL,
                      "Target" TEXT NULL,
                      "Details" TEXT NULL);
                  """;
            await command.ExecuteNonQueryAsync(cancellationToken);
            _created = true;
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private static string? Text(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
