using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace MhEmployment.Web.Infrastructure;

/// <summary>
/// Knows, in this process, when a long write holds SQLite's single write lock (an import's validation staging, its
/// commit, an undo, a bulk delete of staging, a bulk export's zip): seconds to a minute during which any other write
/// waits. Writes that need not wait (the audit entry of a download, a token's last-use time) look here and go around
/// it (ADR 0021). The long writers enter a scope around their write transaction; scopes nest and overlap.
/// On PostgreSQL (many writers) it is off: never running.
/// </summary>
public sealed class SqliteLongWrites
{
    /// <summary>How long a write that goes around long writes waits for SQLite's lock: far longer than a short write holds it.</summary>
    public static readonly TimeSpan BriefWait = TimeSpan.FromSeconds(2);

    /// <summary>One try within <see cref="BriefWait"/> (whole seconds: SQLite's timeouts are set in seconds).</summary>
    private static readonly TimeSpan Attempt = TimeSpan.FromSeconds(1);

    private readonly bool enabled;
    private readonly WakeWhenEnded _ended = new();
    private readonly OpenScopes _running;
    private readonly OpenScopes _shortWrites = new();

    public SqliteLongWrites(bool enabled)
    {
        this.enabled = enabled;
        _running = new OpenScopes(_ended.Wake);
    }

    /// <summary>Whether a long write is running now (always false when off).</summary>
    public bool Running => _running.Any;

    /// <summary>
    /// Marks a long write as running until the scope is disposed; call it before taking SQLite's lock. It returns once
    /// the short writes under way have ended (milliseconds), so none of them is caught waiting for the lock behind the
    /// long write: a short write announces itself before it looks at <see cref="Running"/>, and this announces the long
    /// write before it looks at the short writes, so either the short write sees the long one and goes around it, or
    /// the long write waits for it (both counts change by interlocked operations, which order them).
    /// </summary>
    public IDisposable Enter()
    {
        if (!enabled)
        {
            return NoScope.Instance;
        }
        var scope = _running.Enter();
        // Bounded: a short write gives up within BriefWait (a writer outside this process can hold the lock).
        SpinWait.SpinUntil(() => !_shortWrites.Any, BriefWait + Attempt);
        return scope;
    }

    /// <summary>
    /// Saves <paramref name="db"/>'s changes unless a long write holds the database; false, with nothing saved, when one
    /// is running. A long write of this process that begins meanwhile waits for this save (<see cref="Enter"/>); a writer
    /// outside the process (the command line, a backup) can still hold the lock, so the wait for it is bounded by
    /// <see cref="BriefWait"/>, in attempts of a second between which it looks again, rather than the whole command
    /// timeout (30 s). On PostgreSQL it is a plain save.
    /// </summary>
    public async Task<bool> TrySaveAroundAsync(DbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!enabled)
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        using var shortWrite = _shortWrites.Enter();
        if (Running)
        {
            return false; // looked at after announcing this write: see Enter
        }
        // The lock is taken first, by the connection's BEGIN IMMEDIATE under a timeout of one attempt (Microsoft.Data.Sqlite
        // retries a busy database until the connection's own timeout, 30 s, which EF's command timeout does not bound:
        // a batch that looked just before an import took the lock once waited out the import's whole write). Holding the
        // lock, the save cannot find the database busy, so EF never logs an expected wait as a failed save.
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        var timeout = connection.DefaultTimeout;
        connection.DefaultTimeout = (int)Attempt.TotalSeconds;
        try
        {
            for (var waited = TimeSpan.Zero; !Running && waited < BriefWait; waited += Attempt)
            {
                SqliteTransaction transaction;
                try
                {
                    transaction = connection.BeginTransaction();
                }
                catch (SqliteException ex) when (IsBusy(ex))
                {
                    continue; // looked at again
                }
                await using (transaction)
                {
                    await db.Database.UseTransactionAsync(transaction, cancellationToken);
                    try
                    {
                        await db.SaveChangesAsync(cancellationToken);
                        await transaction.CommitAsync(cancellationToken);
                    }
                    finally
                    {
                        await db.Database.UseTransactionAsync(null, CancellationToken.None); // let go of it however the save ended
                    }
                }
                return true;
            }
            return false;
        }
        finally
        {
            connection.DefaultTimeout = timeout;
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Whether <paramref name="exception"/> is SQLite's "database is busy/locked", however wrapped.</summary>
    private static bool IsBusy(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is SqliteException { SqliteErrorCode: SQLitePCL.raw.SQLITE_BUSY or SQLitePCL.raw.SQLITE_LOCKED })
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Waits until the last running long write ends, or until <paramref name="timeout"/> has passed.</summary>
    public Task WaitForEndAsync(TimeSpan timeout, CancellationToken cancellationToken) => _ended.WaitAsync(timeout, cancellationToken);

    private sealed class NoScope : IDisposable
    {
        public static readonly NoScope Instance = new();

        public void Dispose()
        {
        }
    }

    private sealed class WakeWhenEnded : WakeSignal;
}
