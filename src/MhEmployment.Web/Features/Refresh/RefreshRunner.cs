using System.Text.Json;
using MhEmployment.Web.Data;
using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Audit;
using MhEmployment.Web.Features.Imports;
using MhEmployment.Web.Features.Imports.Jobs;
using Microsoft.EntityFrameworkCore;

namespace MhEmployment.Web.Features.Refresh;

/// <summary>
/// Runs a refresh, one indicator at a time: fetches its source (<see cref="ISourceFetcher"/>) and hands the file to
/// the import path a person's upload takes (format detection, validation, preview, commit, undo, audit), with the
/// source's address on the import and every series of the file going to the indicator. A response with the same bytes
/// as the indicator's last import is not imported again. A run that commits when clean commits each valid file and
/// holds the rest for an analyst, saying why on the import. Each item's state is saved as it changes, so the run's page
/// shows its progress and a restarted run carries on where it stopped.
/// </summary>
public sealed partial class RefreshRunner(
    AppDbContext db, IServiceScopeFactory scopes, ISourceFetcher fetcher, AuditLog audit, TimeProvider clock, ILogger<RefreshRunner> logger)
{
    /// <summary>Runs the items still waiting; <paramref name="finished"/> hears of each item as it ends.</summary>
    public async Task RunAsync(int runId, Func<RefreshItem, Task>? finished, CancellationToken cancellationToken)
    {
        var run = await db.RefreshRuns.Include(r => r.Items).SingleAsync(r => r.Id == runId, cancellationToken);
        foreach (var item in run.Items.Where(i => i.Status is RefreshItemStatus.Waiting or RefreshItemStatus.Fetching).OrderBy(i => i.Id).ToList())
        {
            await RefreshAsync(run, item, cancellationToken);
            if (finished is not null)
            {
                await finished(item);
            }
        }
        run.Status = RefreshRunStatus.Done;
        run.FinishedUtc = Now;
        await db.SaveChangesAsync(cancellationToken);
        var failed = run.Items.Count(i => i.Status == RefreshItemStatus.Failed);
        LogRunDone(logger, runId, failed, run.Items.Count);
    }

    private async Task RefreshAsync(RefreshRun run, RefreshItem item, CancellationToken cancellationToken)
    {
        var indicator = await db.Indicators.AsNoTracking().SingleOrDefaultAsync(i => i.Key == item.IndicatorKey, cancellationToken);
        if (indicator is not { RefreshSource: not IndicatorSourceKind.None })
        {
            await FailAsync(run, item, indicator is null
                ? "The indicator was removed from the catalogue before its refresh started."
                : "The indicator's source was removed before its refresh started.", cancellationToken);
            return;
        }
        item.Status = RefreshItemStatus.Fetching;
        await SaveAsync(run, cancellationToken);

        var fetch = await fetcher.FetchAsync(indicator, null, cancellationToken);
        item.SourceUrl = fetch.SourceUrl;
        if (fetch.File is not { } file)
        {
            await FailAsync(run, item, fetch.Failure ?? "The fetch failed.", cancellationToken);
            return;
        }
        item.Bytes = file.Bytes;
        if (await SameAsLastAsync(fetch.SourceUrl, file.Sha256, cancellationToken) is { } previous)
        {
            File.Delete(file.Path);
            item.Status = RefreshItemStatus.Unchanged;
            item.ImportId = previous.Id;
            item.Message = $"The source sent the same data as import #{previous.Id} ({RefreshText.ImportState(previous.Status)}): nothing new to import.";
            await SaveAsync(run, cancellationToken);
            return;
        }

        // The import path has its own scope: its commit clears its context's tracking, which must not take the run's with it.
        await using var scope = scopes.CreateAsyncScope();
        var mapping = JsonSerializer.Serialize(new Dictionary<string, string> { ["*"] = indicator.Key }, ImportJson.Options);
        var upload = await scope.ServiceProvider.GetRequiredService<ImportUploads>().RegisterAsync(file, fetch.FileName, format: null, mapping, run.RequestedBy,
            validateInBackground: false, cancellationToken, sourceUrl: fetch.SourceUrl);
        if (upload.Import is not { } import)
        {
            await FailAsync(run, item, upload.Refusal ?? "The file could not be imported.", cancellationToken);
            return;
        }
        item.ImportId = import.Id;
        await SaveAsync(run, cancellationToken);
        await audit.WriteAsync(AuditActions.RefreshFetched, $"Refresh #{run.Id}", $"{indicator.Key}: import #{import.Id} from {fetch.SourceUrl}", actor: run.RequestedBy,
            cancellationToken: cancellationToken);

        await scope.ServiceProvider.GetRequiredService<ImportJobRunner>().RunHereAsync(import.Id,
            run.CommitWhenClean ? ImportJobKind.ValidateAndCommit : ImportJobKind.Validate, run.RequestedBy, confirmNewIndicators: false, cancellationToken);
        await SettleAsync(run, item, import.Id, cancellationToken);
    }

    /// <summary>The item's state from its import's, once validated (and perhaps committed).</summary>
    private async Task SettleAsync(RefreshRun run, RefreshItem item, int importId, CancellationToken cancellationToken)
    {
        var import = await db.Imports.AsNoTracking().SingleAsync(i => i.Id == importId, cancellationToken);
        if (import.Status == ImportStatus.Failed)
        {
            await FailAsync(run, item, import.Message ?? "The fetched file cannot be imported.", cancellationToken);
            return;
        }
        if (import.Status == ImportStatus.Committed)
        {
            item.Status = RefreshItemStatus.Committed;
            item.Message = $"Committed: {RefreshText.Changes(import)}.";
        }
        else if (run.CommitWhenClean)
        {
            var reason = ImportCommits.CommitBlocker(import)?.Reason ?? import.Message ?? "it needs an analyst's decision.";
            item.Status = RefreshItemStatus.Held;
            item.Message = $"Not committed: {reason}";
            // The note the imports page shows beside the import.
            var note = Truncated($"Fetched by {RefreshText.Trigger(run)} on {RefreshText.Time(run.CreatedUtc)} and held for an analyst, not committed: {reason}");
            await db.Imports.Where(i => i.Id == importId).ExecuteUpdateAsync(u => u.SetProperty(i => i.Message, note), cancellationToken);
        }
        else
        {
            item.Status = RefreshItemStatus.Fetched;
            item.Message = ImportCommits.CommitBlocker(import) is { } blocker
                ? $"Fetched, but it cannot be committed as it is: {blocker.Reason}"
                : $"Fetched and checked: {RefreshText.Changes(import)} to commit on the import's page.";
        }
        item.Message = Truncated(item.Message);
        await SaveAsync(run, cancellationToken);
    }

    /// <summary>The indicator's last import from the same address, if the source sent exactly the same bytes again.</summary>
    private async Task<Import?> SameAsLastAsync(string sourceUrl, string sha256, CancellationToken cancellationToken)
    {
        var last = await db.Imports.AsNoTracking()
            .Where(i => i.SourceUrl == sourceUrl && i.Status != ImportStatus.Failed && i.Status != ImportStatus.Undone)
            .OrderByDescending(i => i.Id).FirstOrDefaultAsync(cancellationToken);
        return last?.Sha256 == sha256 ? last : null;
    }

    private async Task FailAsync(RefreshRun run, RefreshItem item, string reason, CancellationToken cancellationToken)
    {
        item.Status = RefreshItemStatus.Failed;
        item.Message = Truncated(reason);
        await SaveAsync(run, cancellationToken);
        await audit.WriteAsync(AuditActions.RefreshFailed, $"Refresh #{run.Id}", $"{item.IndicatorKey}: {item.Message}", actor: run.RequestedBy,
            cancellationToken: cancellationToken);
        LogItemFailed(logger, run.Id, item.IndicatorKey, reason);
    }

    /// <summary>Saves the item's state and shows the run is alive.</summary>
    private async Task SaveAsync(RefreshRun run, CancellationToken cancellationToken)
    {
        run.HeartbeatUtc = Now;
        await db.SaveChangesAsync(cancellationToken);
    }

    private static string Truncated(string text) => text.Length <= 2000 ? text : text[..1997] + "...";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    [LoggerMessage(Level = LogLevel.Information, Message = "Refresh #{RunId} done: {Failed} of {Items} indicators failed")]
    private static partial void LogRunDone(ILogger logger, int runId, int failed, int items);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refresh #{RunId}: {Indicator} failed: {Reason}")]
    private static partial void LogItemFailed(ILogger logger, int runId, string indicator, string reason);
}
