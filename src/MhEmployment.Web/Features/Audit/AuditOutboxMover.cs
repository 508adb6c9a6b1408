using System.Data.Common;
using MhEmployment.Web.Data;
using MhEmployment.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MhEmployment.Web.Features.Audit;

/// <summary>
/// Moves the entries waiting in the <see cref="AuditOutbox"/> into AuditEvents (ADR 0021): at start-up, as soon as the
/// last long write ends, every few seconds as a backstop, and once more at a graceful shutdown. Each batch is written
/// in one transaction of the main database, then deleted from the outbox; after a crash between the two, the entries
/// already written are recognised by their content and not written twice.
/// </summary>
public sealed partial class AuditOutboxMover(
    AuditOutbox outbox, SqliteLongWrites longWrites, IServiceScopeFactory scopes, ILogger<AuditOutboxMover> logger) : BackgroundService
{
    /// <summary>How often the outbox is looked at when no long write has ended: entries added just as one ended wait this long at most.</summary>
    public static readonly TimeSpan Backstop = TimeSpan.FromSeconds(5);

    private const int BatchSize = 500;

    /// <summary>On a thread of its own, as <see cref="AuditBatchWriter"/>'s batches: its writes block while they wait for the disk.</summary>
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => OwnThread.RunAsync(() =>
    {
        try
        {
            TryMoveAsync(stoppingToken).GetAwaiter().GetResult();
            while (!stoppingToken.IsCancellationRequested)
            {
                longWrites.WaitForEndAsync(Backstop, stoppingToken).GetAwaiter().GetResult();
                TryMoveAsync(stoppingToken).GetAwaiter().GetResult();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping: StopAsync moves what is waiting
        }
    }, CancellationToken.None);

    /// <summary>At a graceful shutdown, what is waiting is moved (unless a long write still holds the database: then at the next start).</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await TryMoveAsync(cancellationToken);
    }

    private async Task TryMoveAsync(CancellationToken cancellationToken)
    {
        if (!outbox.Enabled || longWrites.Running || outbox.Draining)
        {
            return; // a write now would only wait for the long one to end; or another move is under way
        }
        try
        {
            var moved = await MoveAsync(cancellationToken);
            if (moved > 0)
            {
                LogMoved(logger, moved);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // stopping: what is left waits for the next start
        }
        catch (Exception ex) when (ex is DbException or DbUpdateException or InvalidOperationException or IOException)
        {
            LogMoveFailed(logger, ex);
        }
    }

    /// <summary>
    /// Moves the waiting entries, a batch at a time, until a batch is not full; returns how many were written to
    /// AuditEvents. A backlog of more than one batch (after an import) takes the lock batch after batch for seconds, so
    /// downloads meanwhile add to the outbox (<see cref="AuditOutbox.Draining"/>), and stopping at a short batch leaves
    /// those for the next look rather than chasing them while they keep coming. A smaller backlog is one short
    /// transaction: downloads keep writing to the log, so the outbox empties rather than refilling at every look.
    /// </summary>
    public async Task<int> MoveAsync(CancellationToken cancellationToken)
    {
        var written = 0;
        IDisposable? draining = null;
        try
        {
            IReadOnlyList<OutboxEntry> batch;
            do
            {
                batch = await outbox.ReadAsync(BatchSize, cancellationToken);
                if (batch.Count == 0)
                {
                    break;
                }
                draining ??= batch.Count == BatchSize ? outbox.BeginDraining() : null;
                if (await MoveBatchAsync(batch, cancellationToken) is not { } moved)
                {
                    break; // a long write began: the rest waits for its end
                }
                written += moved;
                // A crash here leaves the batch in both places: the next move recognises it as written.
                await outbox.DeleteThroughAsync(batch[^1].Id, cancellationToken);
            }
            while (batch.Count == BatchSize);
        }
        finally
        {
            draining?.Dispose();
        }
        return written;
    }

    /// <summary>
    /// Writes the batch's entries not yet in AuditEvents, in one transaction; returns how many, or null (nothing written)
    /// when a long write holds the database. The look for entries already written is outside the transaction: only
    /// this mover writes entries that were in the outbox.
    /// </summary>
    private async Task<int?> MoveBatchAsync(IReadOnlyList<OutboxEntry> batch, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var from = batch.Min(e => e.Event.OccurredUtc);
        var to = batch.Max(e => e.Event.OccurredUtc);
        var stored = await db.AuditEvents.AsNoTracking().Where(e => e.OccurredUtc >= from && e.OccurredUtc <= to)
            .Select(e => new { e.OccurredUtc, e.Actor, e.Action, e.Target, e.Details }).ToListAsync(cancellationToken);
        var fresh = AuditOutboxEntries.NotYetWritten(batch, stored.Select(e => new AuditEntryKey(e.OccurredUtc.Ticks, e.Actor, e.Action, e.Target, e.Details)));
        db.AuditEvents.AddRange(fresh);
        // Not cancelled half-way (a short write): a shutdown stops the move between batches.
        return await longWrites.TrySaveAroundAsync(db, CancellationToken.None) ? fresh.Count : null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Moved {Count} audit entries from the outbox into the audit log")]
    private static partial void LogMoved(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Audit entries could not be moved from the outbox yet; they stay there and the move is tried again")]
    private static partial void LogMoveFailed(ILogger logger, Exception exception);
}
