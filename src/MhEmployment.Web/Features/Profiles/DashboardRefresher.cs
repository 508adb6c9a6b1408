using MhEmployment.Web.Features.DataVersions;

namespace MhEmployment.Web.Features.Profiles;

/// <summary>
/// Loads the dashboards' snapshot at start, then keeps it at the newest data version: looks when this process commits
/// a change, and every <c>Dashboards:RecheckSeconds</c> (1 s by default) for changes made by other instances or the
/// command line. A look is one query for the newest data change's id, by its primary key, so looking every second
/// costs the database next to nothing, and another instance's change is shown within about a second and the time its
/// reload takes (ADR 0020).
/// </summary>
public sealed partial class DashboardRefresher(DashboardCache cache, DataVersion versions, IConfiguration configuration, ILogger<DashboardRefresher> logger)
    : BackgroundService
{
    private readonly TimeSpan recheck = TimeSpan.FromSeconds(configuration.GetValue("Dashboards:RecheckSeconds", 1.0));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            // Loaded at start, so that the first reader after a restart waits for as little of it as possible.
            await cache.SnapshotAsync(cancellationToken: stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogRefreshFailed(logger, ex); // the first request tries again
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await versions.WaitForWakeAsync(recheck, stoppingToken);
                await cache.RefreshAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The previous figures go on being served; the next look tries again.
                LogRefreshFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The dashboards could not be brought up to the newest data version")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);
}
