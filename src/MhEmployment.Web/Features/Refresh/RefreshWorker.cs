using MhEmployment.Web.Data;
using MhEmployment.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace MhEmployment.Web.Features.Refresh;

/// <summary>
/// Runs queued refreshes, one at a time per instance, and asks for the scheduled one when it is due. Several instances
/// may share the database: <see cref="RefreshClaims"/> gives each run to one of them. A run whose instance stopped
/// showing it is alive is marked failed; one this instance is running when the app stops goes back to the queue and
/// carries on with the indicators it had not finished.
/// </summary>
public sealed partial class RefreshWorker(
    IServiceScopeFactory scopes, RefreshSignal signal, TimeProvider clock, IConfiguration configuration, ILogger<RefreshWorker> logger) : BackgroundService
{
    /// <summary>A running refresh whose instance has not shown it is alive for this long was stopped (a crash, a kill).</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(30);

    /// <summary>Who the scheduled run is asked for by, in the audit log and on its imports.</summary>
    public const string ScheduleActor = "scheduled refresh";

    private readonly TimeSpan _poll = TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue("Refresh:PollSeconds", 15)));
    private readonly RefreshSchedule _schedule = RefreshSchedule.From(configuration);
    private string? _scheduleRefusal;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await StopStaleAsync(stoppingToken);
                await AskForScheduledAsync(stoppingToken);
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

    private async Task AskForScheduledAsync(CancellationToken cancellationToken)
    {
        if (!_schedule.Enabled)
        {
            return;
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var last = await db.RefreshRuns.Where(r => r.Trigger == RefreshTrigger.Schedule).MaxAsync(r => (DateTime?)r.CreatedUtc, cancellationToken);
        if (!_schedule.IsDue(last, Now))
        {
            return;
        }
        var result = await scope.ServiceProvider.GetRequiredService<RefreshRequests>()
            .RequestAsync(null, RefreshTrigger.Schedule, ScheduleActor, commitWhenClean: true, cancellationToken);
        if (result.Run is null && result.Refusal != _scheduleRefusal)
        {
            LogScheduleSkipped(logger, result.Refusal!); // once, not at every look
        }
        _scheduleRefusal = result.Refusal;
    }

    private async Task StopStaleAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var cutoff = Now - StaleAfter;
        var stale = await db.RefreshRuns.Where(r => r.Status == RefreshRunStatus.Running && r.HeartbeatUtc < cutoff).Select(r => r.Id).ToListAsync(cancellationToken);
        if (stale.Count == 0)
        {
            return;
        }
        const string Stopped = "The app stopped during this refresh. Ask for it again.";
        await db.RefreshItems.Where(i => stale.Contains(i.RunId) && (i.Status == RefreshItemStatus.Waiting || i.Status == RefreshItemStatus.Fetching))
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, RefreshItemStatus.Failed).SetProperty(i => i.Message, Stopped), cancellationToken);
        var now = Now;
        await db.RefreshRuns.Where(r => stale.Contains(r.Id)).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.Status, RefreshRunStatus.Failed)
            .SetProperty(r => r.FinishedUtc, now)
            .SetProperty(r => r.Error, Stopped), cancellationToken);
    }

    private async Task<int?> ClaimAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await RefreshClaims.ClaimNextAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), Now, cancellationToken);
    }

    private async Task RunAsync(int id, CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<RefreshRunner>().RunAsync(id, null, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The app is stopping, not failing: the run carries on with its unfinished indicators on the next start (or elsewhere).
            await RequeueAsync(id);
            throw;
        }
        catch (Exception ex)
        {
            LogRunFailed(logger, ex, id);
            await FailAsync(id);
        }
    }

    private async Task RequeueAsync(int id)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.RefreshItems.Where(i => i.RunId == id && i.Status == RefreshItemStatus.Fetching)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, RefreshItemStatus.Waiting), CancellationToken.None);
        await db.RefreshRuns.Where(r => r.Id == id && r.Status == RefreshRunStatus.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, RefreshRunStatus.Queued), CancellationToken.None);
    }

    private async Task FailAsync(int id)
    {
        const string Error = "The refresh stopped because of an error on the server (its log says more). Ask for it again; if it fails again, tell your administrator.";
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = Now;
        await db.RefreshItems.Where(i => i.RunId == id && (i.Status == RefreshItemStatus.Waiting || i.Status == RefreshItemStatus.Fetching))
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, RefreshItemStatus.Failed).SetProperty(i => i.Message, "Not fetched: the refresh stopped."), CancellationToken.None);
        await db.RefreshRuns.Where(r => r.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.Status, RefreshRunStatus.Failed)
            .SetProperty(r => r.FinishedUtc, now)
            .SetProperty(r => r.Error, Error), CancellationToken.None);
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    [LoggerMessage(Level = LogLevel.Error, Message = "The refresh worker failed; it looks again shortly")]
    private static partial void LogWorkerFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Refresh #{RunId} failed")]
    private static partial void LogRunFailed(ILogger logger, Exception exception, int runId);

    [LoggerMessage(Level = LogLevel.Information, Message = "The scheduled refresh did not start: {Reason}")]
    private static partial void LogScheduleSkipped(ILogger logger, string reason);
}
