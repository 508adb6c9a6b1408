using MhEmployment.Web.Data;
using MhEmployment.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace MhEmployment.Web.Features.Imports.Jobs;

/// <summary>Runs queued validations and commits; at start, marks work that a stopped process left unfinished.</summary>
public sealed partial class ImportWorker(ImportJobChannel queue, IServiceScopeFactory scopes, ILogger<ImportWorker> logger) : BackgroundService
{
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            await MarkInterruptedAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), cancellationToken);
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
                var services = scope.ServiceProvider;
                await (job.Kind switch
                {
                    ImportJobKind.Validate => services.GetRequiredService<ImportValidation>().ValidateNowAsync(job.ImportId, stoppingToken),
                    ImportJobKind.Commit => services.GetRequiredService<ImportCommits>().CommitNowAsync(job.ImportId, job.User, stoppingToken),
                    _ => services.GetRequiredService<OnePassCommit>().ValidateAndCommitNowAsync(job.ImportId, job.User, job.ConfirmNewIndicators, stoppingToken),
                });
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The services record failures on the import itself; this only keeps the worker alive.
                LogJobFailed(logger, ex, job.ImportId, job.Kind);
            }
        }
    }

    /// <summary>After a crash or restart: work in progress did not finish. Commits are transactions, so nothing is half-written.</summary>
    private static async Task MarkInterruptedAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        await db.Imports.Where(i => i.Status == ImportStatus.Committing).ExecuteUpdateAsync(s => s
            .SetProperty(i => i.Status, ImportStatus.Interrupted)
            .SetProperty(i => i.Message, "The app stopped while committing this import. Nothing of it was written; commit it again."), cancellationToken);
        await db.Imports.Where(i => i.Status == ImportStatus.Validating).ExecuteUpdateAsync(s => s
            .SetProperty(i => i.Status, ImportStatus.Interrupted)
            .SetProperty(i => i.ValidationComplete, false)
            .SetProperty(i => i.Message, "The app stopped while validating this import. Validate it again."), cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Import {ImportId} {Kind} failed")]
    private static partial void LogJobFailed(ILogger logger, Exception exception, int importId, ImportJobKind kind);
}
