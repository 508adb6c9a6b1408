using System.Threading.Channels;
using MhEmployment.Web.Data;
using MhEmployment.Web.Domain;
using MhEmployment.Web.Infrastructure;

namespace MhEmployment.Web.Features.Audit;

/// <summary>
/// Writes the audit entries of downloads for the whole process, those that arrive together in one transaction (a
/// group commit). Each request still waits until its entry is durable. Under load, dozens of downloads a second each
/// wrote their own entry: on SQLite every one is a write transaction with its own sync to disk, and writers that
/// collide retry after sleeping (Microsoft.Data.Sqlite sleeps 150 ms on a busy database, blocking a thread), which
/// gave downloads seconds of latency and starved other requests of threads. One writer with batches has no
/// collisions of its own and one sync per batch. While a long SQLite write runs, or the outbox is being emptied, a
/// batch goes to the outbox instead (ADR 0021).
/// </summary>
public sealed partial class AuditBatchWriter(
    IServiceScopeFactory scopes, AuditOutbox outbox, SqliteLongWrites longWrites, ILogger<AuditBatchWriter> logger) : BackgroundService
{
    private const int MaxBatch = 500;

    private readonly Channel<Pending> waiting = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Returns once <paramref name="entry"/> is written (to the log, or to the outbox during a long write).</summary>
    public async Task WriteAsync(AuditEvent entry, CancellationToken cancellationToken)
    {
        if (ExecuteTask is null)
        {
            await WriteBatchAsync([entry]); // not running as a service (a command-line verb): written on its own
            return;
        }
        var pending = new Pending(entry, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!waiting.Writer.TryWrite(pending))
        {
            throw new InvalidOperationException("The app is stopping: no more audit entries are taken.");
        }
        // A request that goes away stops waiting; its entry is written anyway (the file was produced for it).
        await pending.Written.Task.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// On a thread of its own (<see cref="OwnThread"/>): Microsoft.Data.Sqlite's async calls run synchronously, so a
    /// batch's sync to disk (slow while an import writes) or its wait for the lock would otherwise hold one of the thread
    /// pool's few threads, which answer requests.
    /// </summary>
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => OwnThread.RunAsync(WriteUntilCompleted, CancellationToken.None);

    private void WriteUntilCompleted()
    {
        // Not stopped by the token: at shutdown the channel is completed and what it holds is still written.
        while (waiting.Reader.WaitToReadAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult())
        {
            var batch = new List<Pending>();
            while (batch.Count < MaxBatch && waiting.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }
            try
            {
                WriteBatchAsync([.. batch.Select(p => p.Entry)]).GetAwaiter().GetResult();
                batch.ForEach(p => p.Written.TrySetResult());
            }
            catch (Exception ex)
            {
                LogBatchFailed(logger, ex, batch.Count);
                batch.ForEach(p => p.Written.TrySetException(ex));
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        waiting.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
    }

    private async Task WriteBatchAsync(IReadOnlyList<AuditEvent> entries)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.AuditEvents.AddRange(entries);
        if (!outbox.Enabled)
        {
            await db.SaveChangesAsync(CancellationToken.None);
        }
        else if (outbox.Draining || !await longWrites.TrySaveAroundAsync(db, CancellationToken.None))
        {
            await outbox.AddAsync(entries, CancellationToken.None);
        }
    }

    private sealed record Pending(AuditEvent Entry, TaskCompletionSource Written);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Count} audit entries could not be written; their requests were answered with an error")]
    private static partial void LogBatchFailed(ILogger logger, Exception exception, int count);
}
