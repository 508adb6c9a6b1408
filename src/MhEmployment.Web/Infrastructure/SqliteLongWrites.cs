namespace MhEmployment.Web.Infrastructure;

/// <summary>
/// Knows, in this process, when a long write holds SQLite's single write lock (an import's validation staging, its
/// commit, an undo, a bulk delete of staging, a bulk export's zip): seconds to a minute during which any other write
/// waits. Writes that need not wait (the audit entry of a download, a token's last-use time) look here and go around
/// it (ADR 0021). The long writers enter a scope around their write transaction; scopes nest and overlap.
/// On PostgreSQL (many writers) it is off: never running.
/// </summary>
public sealed class SqliteLongWrites(bool enabled)
{
    private int _running;

    private readonly WakeWhenEnded _ended = new();

    /// <summary>Whether a long write is running now (always false when off).</summary>
    public bool Running => Volatile.Read(ref _running) > 0;

    /// <summary>Marks a long write as running until the scope is disposed.</summary>
    public IDisposable Enter()
    {
        if (!enabled)
        {
            return NoScope.Instance;
        }
        Interlocked.Increment(ref _running);
        return new Scope(this);
    }

    /// <summary>Waits until the last running long write ends, or until <paramref name="timeout"/> has passed.</summary>
    public Task WaitForEndAsync(TimeSpan timeout, CancellationToken cancellationToken) => _ended.WaitAsync(timeout, cancellationToken);

    private void Leave()
    {
        if (Interlocked.Decrement(ref _running) == 0)
        {
            _ended.Wake();
        }
    }

    private sealed class Scope(SqliteLongWrites owner) : IDisposable
    {
        private int _left;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _left, 1) == 0)
            {
                owner.Leave();
            }
        }
    }

    private sealed class NoScope : IDisposable
    {
        public static readonly NoScope Instance = new();

        public void Dispose()
        {
        }
    }

    private sealed class WakeWhenEnded : WakeSignal;
}
