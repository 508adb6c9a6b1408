using MhEmployment.Web.Data;
using MhEmployment.Web.Domain;
using MhEmployment.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MhEmployment.Web.Features.Imports.Jobs;

/// <summary>
/// Runs an import job this instance holds: renews its lease (with the work's progress, for every instance's pages)
/// while the work runs, and removes the job when it ends. If the lease is lost (another instance took this one for
/// stopped and marked the import interrupted), the work is cancelled: its transaction rolls back, nothing is written.
/// </summary>
public sealed partial class ImportJobRunner(
    IServiceScopeFactory scopes, AppInstance instance, ImportJobSettings settings, ImportProgressBoard board, SqliteLongWrites longWrites, TimeProvider clock,
    ILogger<ImportJobRunner> logger)
{
    /// <summary>
    /// The direct way (the command line, sample data, refreshes): runs the work here, under the job the upload held
    /// for it or a new one.
    /// </summary>
    public async Task RunHereAsync(int importId, ImportJobKind kind, string? user, bool confirmNewIndicators, CancellationToken cancellationToken)
    {
        int jobId;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var now = clock.GetUtcNow().UtcDateTime;
            var held = await db.ImportJobs.FirstOrDefaultAsync(j => j.ImportId == importId && j.Owner == instance.Id, cancellationToken);
            if (held is null)
            {
                held = new ImportJob { ImportId = importId, QueuedUtc = now, Owner = instance.Id };
                db.ImportJobs.Add(held);
            }
            (held.Kind, held.RequestedBy, held.ConfirmNewIndicators) = (kind, user, confirmNewIndicators);
            held.LeaseExpiresUtc = now + settings.Lease;
            await db.SaveChangesAsync(cancellationToken);
            jobId = held.Id;
        }
        await RunAsync(jobId, cancellationToken);
    }

    /// <summary>Runs a job this instance has claimed or holds, to its end.</summary>
    public async Task RunAsync(int jobId, CancellationToken cancellationToken)
    {
        ImportJob job;
        await using (var scope = scopes.CreateAsyncScope())
        {
            job = await scope.ServiceProvider.GetRequiredService<AppDbContext>().ImportJobs.AsNoTracking().SingleAsync(j => j.Id == jobId, cancellationToken);
        }
        using var work = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var renewing = new CancellationTokenSource();
        var renewal = RenewAsync(job, work, renewing.Token);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var services = scope.ServiceProvider;
            await (job.Kind switch
            {
                ImportJobKind.Validate => services.GetRequiredService<ImportValidation>().ValidateNowAsync(job.ImportId, work.Token),
                ImportJobKind.Commit => services.GetRequiredService<ImportCommits>().CommitNowAsync(job.ImportId, job.RequestedBy, work.Token),
                _ => services.GetRequiredService<OnePassCommit>().ValidateAndCommitNowAsync(job.ImportId, job.RequestedBy, job.ConfirmNewIndicators, work.Token),
            });
        }
        catch (OperationCanceledException) when (work.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            LogLeaseLost(logger, job.ImportId, jobId);
        }
        finally
        {
            await renewing.CancelAsync();
            await renewal;
            await FinishAsync(job, CancellationToken.None);
        }
    }

    private async Task RenewAsync(ImportJob job, CancellationTokenSource work, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(settings.RenewEvery, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                if (longWrites.Running)
                {
                    // SQLite, and a long write of this process (most likely this import's) holds its one write lock: a
                    // renewal would wait for it, holding a thread, and fail. No other instance shares a SQLite database,
                    // and an instance never takes its own jobs for stopped (ImportJobSweep), so a lapsed lease is harmless.
                    continue;
                }
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                    db.Database.SetCommandTimeout(settings.RenewTimeoutSeconds);
                    var until = clock.GetUtcNow().UtcDateTime + settings.Lease;
                    var mine = db.ImportJobs.Where(j => j.Id == job.Id && j.Owner == instance.Id);
                    var renewed = board.Get(job.ImportId) is { } live
                        ? await mine.ExecuteUpdateAsync(s => s.SetProperty(j => j.LeaseExpiresUtc, until)
                            .SetProperty(j => j.Progress, live.Progress).SetProperty(j => j.Rows, live.Rows), stop)
                        : await mine.ExecuteUpdateAsync(s => s.SetProperty(j => j.LeaseExpiresUtc, until), stop);
                    if (renewed == 0)
                    {
                        await work.CancelAsync();
                        return;
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // A database busy with this very import (SQLite has one writer): the lease has room for several misses.
                    LogRenewalFailed(logger, ex, job.ImportId);
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // the work ended
        }
    }

    /// <summary>
    /// Removes the job; an import the work left validating or committing (it failed without saying so) is marked
    /// interrupted, unless another job for it waits.
    /// </summary>
    private async Task FinishAsync(ImportJob job, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.ImportJobs.Where(j => j.Id == job.Id).ExecuteDeleteAsync(cancellationToken);
        await ImportJobSweep.MarkInterruptedAsync(db, db.Imports.Where(i => i.Id == job.ImportId && !db.ImportJobs.Any(j => j.ImportId == i.Id)), cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Import {ImportId}: job {JobId} lost its lease to another instance; its work was stopped and nothing of it was written")]
    private static partial void LogLeaseLost(ILogger logger, int importId, int jobId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Import {ImportId}: the job's lease could not be renewed this time")]
    private static partial void LogRenewalFailed(ILogger logger, Exception exception, int importId);
}
