namespace MhEmployment.Web.Features.Imports.Jobs;

/// <summary>Runs queued validations and commits; at start, marks work that a stopped process left unfinished.</summary>
public sealed partial class ImportWorker(ImportJobChannel queue, IServiceScopeFactory scopes, ILogger<ImportWorker> logger) : BackgroundService
{
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ImportService>().MarkInterruptedAsync(cancellationToken);
        }
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var job in queue.ReadAllAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var service = scope.ServiceProvider.GetRequiredService<ImportService>();
                await (job.Kind switch
                {
                    ImportJobKind.Validate => service.ValidateNowAsync(job.ImportId, stoppingToken),
                    ImportJobKind.Commit => service.CommitNowAsync(job.ImportId, job.User, stoppingToken),
                    _ => service.ValidateAndCommitNowAsync(job.ImportId, job.User, stoppingToken),
                });
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The service records failures on the import itself; this only keeps the worker alive.
                LogJobFailed(logger, ex, job.ImportId, job.Kind);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Import {ImportId} {Kind} failed")]
    private static partial void LogJobFailed(ILogger logger, Exception exception, int importId, ImportJobKind kind);
}
