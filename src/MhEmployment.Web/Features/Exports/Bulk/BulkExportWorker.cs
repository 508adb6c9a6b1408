using System.IO.Compression;
using MhEmployment.Web.Data;
using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Profiles;
using MhEmployment.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MhEmployment.Web.Features.Exports.Bulk;

/// <summary>
/// Makes queued bulk exports, one at a time per instance, and removes expired ones. Several instances may share the
/// database: <see cref="ExportJobClaims"/> gives each job to one of them. <see cref="BulkExportZip"/> writes the
/// areas into a zip on disk; the finished zip goes into the database in pieces, with the job marked done, in one
/// transaction. The job's row carries its progress (updated before each step, which also shows the instance is alive)
/// and the cancel flag, which the worker looks at every second, so a cancelled export stops at once, a PDF conversion
/// included (ADR 0015).
/// </summary>
public sealed partial class BulkExportWorker(
    IServiceScopeFactory scopes, DashboardCache cache, BulkExportZip writer, BulkExportSignal signal, TimeProvider clock,
    IConfiguration configuration, ILogger<BulkExportWorker> logger) : BackgroundService
{
    /// <summary>A running job whose instance has not shown it is alive for this long was stopped (a crash, a kill).</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(15);

    private static readonly TimeSpan CancelCheck = TimeSpan.FromSeconds(1);

    private readonly TimeSpan _poll = TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue("Exports:PollSeconds", 5)));
    private readonly string _work = ExportWork.Folder(configuration);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        RemoveLeftoverZips();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using (var scope = scopes.CreateAsyncScope())
                {
                    var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                    await RemoveExpiredAsync(db, stoppingToken);
                    await StopStaleAsync(db, stoppingToken);
                }
                while (await ClaimAsync(stoppingToken) is { } id)
                {
                    await RunAsync(id, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogWorkerFailed(logger, ex);
            }
            await signal.WaitAsync(_poll, stoppingToken);
        }
    }

    /// <summary>Jobs past their day, with their zips. Looked for first: a write on SQLite would wait for an import's commit.</summary>
    private async Task RemoveExpiredAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var now = Now;
        var expired = await db.ExportJobs.Where(j => j.ExpiresUtc < now).Select(j => j.Id).ToListAsync(cancellationToken);
        if (expired.Count == 0)
        {
            return;
        }
        await db.ExportJobChunks.Where(c => expired.Contains(c.JobId)).ExecuteDeleteAsync(cancellationToken);
        await db.ExportJobs.Where(j => expired.Contains(j.Id)).ExecuteDeleteAsync(cancellationToken);
        LogRemoved(logger, expired.Count);
    }

    private async Task StopStaleAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var cutoff = Now - StaleAfter;
        if (!await db.ExportJobs.AnyAsync(j => j.Status == ExportJobStatus.Running && j.HeartbeatUtc < cutoff, cancellationToken))
        {
            return;
        }
        var now = Now;
        await db.ExportJobs.Where(j => j.Status == ExportJobStatus.Running && j.HeartbeatUtc < cutoff).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.Status, ExportJobStatus.Failed)
            .SetProperty(j => j.CurrentArea, (string?)null)
            .SetProperty(j => j.FinishedUtc, now)
            .SetProperty(j => j.Error, "The app stopped while making this export. Ask for it again."), cancellationToken);
    }

    private async Task<int?> ClaimAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await ExportJobClaims.ClaimNextAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), Now, cancellationToken);
    }

    private async Task RunAsync(int id, CancellationToken stoppingToken)
    {
        ExportJob job;
        await using (var scope = scopes.CreateAsyncScope())
        {
            job = await scope.ServiceProvider.GetRequiredService<AppDbContext>().ExportJobs.AsNoTracking().SingleAsync(j => j.Id == id, stoppingToken);
        }
        var zip = Path.Combine(_work, $"bulk-{id}-{Guid.NewGuid():N}.zip");
        string? current = null;
        var done = 0;
        var total = 0;
        // Cancelled by the app stopping, or by the person: then a long PDF conversion stops at once, not after its area.
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        using var watching = new CancellationTokenSource();
        var watcher = WatchForCancelAsync(id, cancel, watching.Token);
        try
        {
            var snapshot = await cache.SnapshotAsync(job.RequestedBy, cancel.Token);
            var areas = snapshot.Areas.Values
                .Where(a => !a.IsHistorical && ComparisonGroups.Contains(ComparisonGroup.UpperTierInRegion, a, job.RegionCode))
                .OrderBy(a => a.Name, StringComparer.OrdinalIgnoreCase).ToList();
            total = areas.Count;
            Directory.CreateDirectory(_work);
            await using (var file = new FileStream(zip, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            await using (var archive = new ZipArchive(file, ZipArchiveMode.Create))
            {
                await writer.WriteAsync(job, areas, archive, async (inZip, now) =>
                {
                    (done, current) = (inZip, now);
                    if (!await ProgressAsync(id, inZip, total, now, cancel.Token))
                    {
                        await cancel.CancelAsync();
                        cancel.Token.ThrowIfCancellationRequested();
                    }
                }, cancel.Token);
            }
            (done, current) = (total, null);
            if (!await FinishAsync(job, total, zip, cancel.Token))
            {
                await cancel.CancelAsync();
                cancel.Token.ThrowIfCancellationRequested();
            }
            var bytes = new FileInfo(zip).Length;
            LogDone(logger, id, job.RegionName, total, bytes);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The app is stopping, not failing: the job starts again from the beginning on the next start (or elsewhere).
            await RequeueAsync(id);
            throw;
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            await EndAsync(id, ExportJobStatus.Cancelled, null);
            LogCancelled(logger, id, done, total);
        }
        catch (Exception ex)
        {
            LogJobFailed(logger, ex, id, current);
            var where = current is null ? "while storing the zip" : $"at {current}";
            await EndAsync(id, ExportJobStatus.Failed, ex is PdfConversionException
                ? $"The export stopped {where}: {ex.Message}"
                : $"The export stopped {where} because of an error on the server (its log says more). Ask for it again; if it fails again, tell your administrator.");
        }
        finally
        {
            await watching.CancelAsync();
            await watcher;
            File.Delete(zip);
        }
    }

    /// <summary>Looks at the job's cancel flag every second while it runs (the person may be on another instance).</summary>
    private async Task WatchForCancelAsync(int id, CancellationTokenSource cancel, CancellationToken watching)
    {
        try
        {
            while (true)
            {
                await Task.Delay(CancelCheck, watching);
                await using var scope = scopes.CreateAsyncScope();
                if (await scope.ServiceProvider.GetRequiredService<AppDbContext>().ExportJobs.AnyAsync(j => j.Id == id && j.CancelRequested, watching))
                {
                    await cancel.CancelAsync();
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (watching.IsCancellationRequested)
        {
            // the job ended
        }
        catch (Exception ex)
        {
            // The job still stops at its next area, where its progress is recorded.
            LogWatchFailed(logger, ex, id);
        }
    }

    /// <summary>Records progress and that this instance is alive; false when someone asked the job to stop.</summary>
    private async Task<bool> ProgressAsync(int id, int done, int total, string area, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var now = Now;
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().ExportJobs
            .Where(j => j.Id == id && !j.CancelRequested && j.Status == ExportJobStatus.Running)
            .ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Done, done)
                .SetProperty(j => j.Total, total)
                .SetProperty(j => j.CurrentArea, area)
                .SetProperty(j => j.HeartbeatUtc, now), cancellationToken) == 1;
    }

    /// <summary>Stores the zip a piece at a time and marks the job done, together; false (nothing stored) when it was cancelled meanwhile.</summary>
    private async Task<bool> FinishAsync(ExportJob job, int total, string zip, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        // A zip of a region's documents is megabytes of chunks, in one transaction.
        using var longWrite = scope.ServiceProvider.GetRequiredService<SqliteLongWrites>().Enter();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        long size = 0;
        await using (var file = new FileStream(zip, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true))
        {
            var buffer = new byte[ExportJobChunk.Size];
            for (var index = 0; ; index++)
            {
                var read = await file.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
                if (read == 0)
                {
                    break;
                }
                db.ExportJobChunks.Add(new ExportJobChunk { JobId = job.Id, Index = index, Bytes = buffer[..read] });
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
                size += read;
            }
        }
        var now = Now;
        var fileName = Infrastructure.DownloadName.File("zip", job.RegionName, "needs summaries", ExportFormats.Extension(job.Format), "vs", BulkExportText.Benchmark(job));
        var done = await db.ExportJobs.Where(j => j.Id == job.Id && !j.CancelRequested && j.Status == ExportJobStatus.Running).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.Status, ExportJobStatus.Done)
            .SetProperty(j => j.Done, total)
            .SetProperty(j => j.Total, total)
            .SetProperty(j => j.CurrentArea, (string?)null)
            .SetProperty(j => j.FinishedUtc, now)
            .SetProperty(j => j.ExpiresUtc, now + ExportJob.Lifetime)
            .SetProperty(j => j.FileName, fileName)
            .SetProperty(j => j.ZipBytes, size), cancellationToken);
        if (done != 1)
        {
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>Ends a running job that produced no zip. Runs to the end even while the app stops, so no job is left running.</summary>
    private async Task EndAsync(int id, ExportJobStatus status, string? error)
    {
        await using var scope = scopes.CreateAsyncScope();
        var now = Now;
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().ExportJobs.Where(j => j.Id == id && j.Status == ExportJobStatus.Running).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.Status, status)
            .SetProperty(j => j.CurrentArea, (string?)null)
            .SetProperty(j => j.FinishedUtc, now)
            .SetProperty(j => j.Error, error), CancellationToken.None);
    }

    private async Task RequeueAsync(int id)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().ExportJobs.Where(j => j.Id == id && j.Status == ExportJobStatus.Running)
            .ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Status, ExportJobStatus.Queued)
                .SetProperty(j => j.Done, 0)
                .SetProperty(j => j.CurrentArea, (string?)null)
                .SetProperty(j => j.StartedUtc, (DateTime?)null)
                .SetProperty(j => j.HeartbeatUtc, (DateTime?)null), CancellationToken.None);
    }

    /// <summary>Zips a stopped process was writing (no job takes a day).</summary>
    private void RemoveLeftoverZips()
    {
        if (!Directory.Exists(_work))
        {
            return;
        }
        var cutoff = DateTime.UtcNow - ExportJob.Lifetime;
        foreach (var file in Directory.EnumerateFiles(_work, "bulk-*.zip").Where(f => File.GetLastWriteTimeUtc(f) < cutoff))
        {
            File.Delete(file);
        }
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    [LoggerMessage(Level = LogLevel.Error, Message = "The bulk export worker failed; it tries again shortly")]
    private static partial void LogWorkerFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Bulk export {JobId} failed at {Area}")]
    private static partial void LogJobFailed(ILogger logger, Exception exception, int jobId, string? area);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not look whether bulk export {JobId} was cancelled")]
    private static partial void LogWatchFailed(ILogger logger, Exception exception, int jobId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Bulk export {JobId} cancelled after {Done} of {Total} areas")]
    private static partial void LogCancelled(ILogger logger, int jobId, int done, int total);

    [LoggerMessage(Level = LogLevel.Information, Message = "Bulk export {JobId} of {Region}: {Total} areas, {Bytes} bytes")]
    private static partial void LogDone(ILogger logger, int jobId, string region, int total, long bytes);

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed {Count} expired bulk exports")]
    private static partial void LogRemoved(ILogger logger, int count);
}
