using System.Collections.Concurrent;
using MhEmployment.Web.Data;
using MhEmployment.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace MhEmployment.Web.Features.DataVersions;

/// <summary>
/// The one data version every cache follows. A change records itself with <see cref="RecordAsync"/> in its own
/// transaction (the new row's id is the new version) and, once committed, calls <see cref="Committed"/>: the
/// dashboards' loader then wakes at once instead of at its next look, and the person who made the change is
/// remembered so that their next page waits for their figures (nobody else waits).
/// </summary>
public sealed class DataVersion : IDisposable
{
    /// <summary>Serialises the recording of changes on PostgreSQL: see <see cref="RecordAsync"/>.</summary>
    private const long RecordLockKey = 0x4D48_4556; // "MHEV"

    private readonly ConcurrentDictionary<string, long> expectedBy = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim wake = new(0, 1);
    private long latestCommitted;

    public void Dispose() => wake.Dispose();

    /// <summary>The newest version this process has committed (0 if none): other processes' are found by polling.</summary>
    public long LatestCommitted => Interlocked.Read(ref latestCommitted);

    /// <summary>
    /// Writes the change's row in the caller's open transaction and returns its version. Call it last, just before
    /// the commit. On PostgreSQL a lock held to the end of the transaction makes versions commit in the order they
    /// were numbered, so that a reader who has seen version n has seen every version below it. (SQLite has one
    /// writer at a time, so it gets that order anyway.)
    /// </summary>
    public static async Task<long> RecordAsync(
        AppDbContext db, string kind, IEnumerable<int>? indicatorIds, int? importId, DateTime occurredUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("A data change is recorded inside the transaction that makes it.");
        }
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({RecordLockKey})", cancellationToken);
        }
        var change = new DataChange
        {
            Kind = kind,
            OccurredUtc = occurredUtc,
            IndicatorIds = indicatorIds is null ? null : string.Join(',', indicatorIds.Distinct().Order()),
            ImportId = importId,
        };
        db.DataChanges.Add(change);
        await db.SaveChangesAsync(cancellationToken);
        return change.Id;
    }

    /// <summary>
    /// Ends a change that touches no indicator's values (assets, ratings, the checklist, schemes): records its version
    /// in <paramref name="transaction"/>, commits it, and tells the caches.
    /// </summary>
    public async Task CommitChangeAsync(
        AppDbContext db, Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction, string kind, string? actor, DateTime occurredUtc,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var version = await RecordAsync(db, kind, [], null, occurredUtc, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        Committed(version, actor);
    }

    /// <summary>After the change's transaction has committed: wakes the loader and remembers who is waiting for it.</summary>
    public void Committed(long version, string? user)
    {
        RaiseTo(ref latestCommitted, version);
        if (!string.IsNullOrEmpty(user))
        {
            expectedBy.AddOrUpdate(user, version, (_, old) => Math.Max(old, version));
        }
        Wake();
    }

    /// <summary>Sets <paramref name="newest"/> to <paramref name="version"/> unless it already holds a later one, whatever runs at the same time.</summary>
    public static void RaiseTo(ref long newest, long version)
    {
        long seen;
        do
        {
            seen = Interlocked.Read(ref newest);
        }
        while (version > seen && Interlocked.CompareExchange(ref newest, version, seen) != seen);
    }

    /// <summary>The version <paramref name="user"/>'s own latest change made, while the dashboards may not show it yet.</summary>
    public long? ExpectedBy(string? user) =>
        !string.IsNullOrEmpty(user) && expectedBy.TryGetValue(user, out var version) ? version : null;

    /// <summary>Forgets the users whose changes the dashboards now show.</summary>
    public void Reached(long version)
    {
        foreach (var (user, expected) in expectedBy)
        {
            if (expected <= version)
            {
                expectedBy.TryRemove(new KeyValuePair<string, long>(user, expected));
            }
        }
    }

    /// <summary>Asks the loader to look now (for a change made behind the app's back, too).</summary>
    public void Wake()
    {
        try
        {
            wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already woken: one look covers every change before it.
        }
    }

    /// <summary>Waits until <see cref="Wake"/> is called (true) or <paramref name="timeout"/> passes (false).</summary>
    public Task<bool> WaitForWakeAsync(TimeSpan timeout, CancellationToken cancellationToken) => wake.WaitAsync(timeout, cancellationToken);
}
