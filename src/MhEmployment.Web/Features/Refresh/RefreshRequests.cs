using MhEmployment.Web.Data;
using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace MhEmployment.Web.Features.Refresh;

/// <summary>A run asked for, or why it was refused (and whether because the indicator does not exist).</summary>
public sealed record RefreshRequestResult(RefreshRun? Run, string? Refusal, bool NotFound = false);

/// <summary>Asks for refreshes (one indicator, or every indicator with a source) and finds them again.</summary>
public sealed class RefreshRequests(AppDbContext db, AuditLog audit, RefreshSignal signal, TimeProvider clock)
{
    /// <summary>
    /// Queues a run for the indicator <paramref name="indicatorKey"/>, or for every indicator with a source when it is
    /// null. <paramref name="commitWhenClean"/>: commit each file that is valid, rather than leave it for a preview.
    /// <paramref name="runHere"/>: the caller runs it itself (the command line), so it starts as running, and no worker,
    /// of this app or another on the same database, can claim it.
    /// </summary>
    public async Task<RefreshRequestResult> RequestAsync(string? indicatorKey, RefreshTrigger trigger, string requestedBy, bool commitWhenClean,
        CancellationToken cancellationToken, bool runHere = false)
    {
        var indicators = db.Indicators.AsNoTracking();
        List<Indicator> chosen;
        if (indicatorKey is null)
        {
            chosen = await indicators.Where(i => i.RefreshSource != IndicatorSourceKind.None).OrderBy(i => i.Name).ToListAsync(cancellationToken);
            if (chosen.Count == 0)
            {
                return new(null, "No indicator in the catalogue has a source to refresh from. Set one on an indicator's page (Edit, Source for refresh).");
            }
        }
        else
        {
            var indicator = await indicators.SingleOrDefaultAsync(i => i.Key == indicatorKey, cancellationToken);
            if (indicator is null)
            {
                return new(null, $"There is no indicator '{indicatorKey}' in the catalogue.", NotFound: true);
            }
            if (indicator.RefreshSource == IndicatorSourceKind.None)
            {
                return new(null, $"'{indicator.Name}' has no source to refresh from: its values come from uploaded files. Set a source on its page (Edit, Source for refresh).");
            }
            chosen = [indicator];
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var run = new RefreshRun
        {
            IndicatorKey = indicatorKey,
            Trigger = trigger,
            RequestedBy = requestedBy,
            CommitWhenClean = commitWhenClean,
            CreatedUtc = now,
            Status = runHere ? RefreshRunStatus.Running : RefreshRunStatus.Queued,
            StartedUtc = runHere ? now : null,
            HeartbeatUtc = runHere ? now : null,
            Items = [.. chosen.Select(i => new RefreshItem { IndicatorKey = i.Key, IndicatorName = i.Name })],
        };
        db.RefreshRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        await audit.WriteAsync(AuditActions.RefreshRequested, $"Refresh #{run.Id}", $"{RefreshText.Scope(run)}, {RefreshText.Trigger(run)}", actor: requestedBy,
            cancellationToken: cancellationToken);
        if (!runHere)
        {
            signal.Wake();
        }
        return new(run, null);
    }

    /// <summary>The indicators that have a source, by name, each with what its latest refresh did (null: never refreshed).</summary>
    public async Task<List<(Indicator Indicator, RefreshItem? Last)>> SourcesAsync(CancellationToken cancellationToken)
    {
        var indicators = await db.Indicators.AsNoTracking().Where(i => i.RefreshSource != IndicatorSourceKind.None).OrderBy(i => i.Name).ToListAsync(cancellationToken);
        var keys = indicators.Select(i => i.Key).ToList();
        var lastIds = await db.RefreshItems.Where(i => keys.Contains(i.IndicatorKey)).GroupBy(i => i.IndicatorKey).Select(g => g.Max(i => i.Id)).ToListAsync(cancellationToken);
        var last = await db.RefreshItems.AsNoTracking().Where(i => lastIds.Contains(i.Id)).ToDictionaryAsync(i => i.IndicatorKey, cancellationToken);
        return [.. indicators.Select(i => (i, last.GetValueOrDefault(i.Key)))];
    }

    public Task<RefreshRun?> FindAsync(int id, CancellationToken cancellationToken) =>
        db.RefreshRuns.AsNoTracking().Include(r => r.Items.OrderBy(i => i.Id)).SingleOrDefaultAsync(r => r.Id == id, cancellationToken);

    /// <summary>The latest runs, newest first.</summary>
    public Task<List<RefreshRun>> RecentAsync(int count, CancellationToken cancellationToken) =>
        db.RefreshRuns.AsNoTracking().Include(r => r.Items.OrderBy(i => i.Id)).OrderByDescending(r => r.Id).Take(count).ToListAsync(cancellationToken);
}
