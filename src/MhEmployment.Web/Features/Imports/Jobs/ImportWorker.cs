using MhEmployment.Web.Data;
using MhEmployment.Web.Infrastructure;

namespace MhEmployment.Web.Features.Imports.Jobs;

/// <summary>
/// Runs queued validations and commits, one at a time on this instance, whichever instance queued them; marks the work
/// of instances that stopped as interrupted: at start, and whenever it looks for jobs.
/// </summary>
public sealed partial class ImportWorker(
    IServiceScopeFactory scopes, ImportJobRunner runner, ImportSignal signal, AppInstance instance, ImportJobSettings settings, TimeProvider clock,
    ILogger<ImportWorker> logger) : BackgroundService
{
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await ImportJobSweep.MarkJoblessAsync(db, cancellationToken);
            await ReleaseExpiredAsync(db, cancellationToken);
        }
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await ClaimAsync(stoppingToken) is { } jobId)
                {
                    await runner.RunAsync(jobId, stoppingToken);
                }
                await using var scope = scopes.CreateAsyncScope();
                await ReleaseExpiredAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The work records its failures on the import itself; this only keeps the worker alive.
                LogWorkerFailed(logger, ex);
            }
            await signal.WaitAsync(settings.Poll, stoppingToken);
        }
    }

    private async Task<int?> ClaimAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await ImportJobSweep.ClaimNextAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), instance.Id, Now, settings.Lease, cancellationToken);
    }

    private async Task ReleaseExpiredAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        foreach (var importId in await ImportJobSweep.ReleaseExpiredAsync(db, instance.Id, Now, cancellationToken))
        {
            LogInterrupted(logger, importId);
        }
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    [LoggerMessage(Level = LogLevel.Error, Message = "The import worker failed; it looks again shortly")]
    private static partial void LogWorkerFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Import {ImportId}: the instance working on it stopped (its lease ran out); marked interrupted")]
    private static partial void LogInterrupted(ILogger logger, int importId);
}
