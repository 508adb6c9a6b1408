using MhEmployment.Web.Data;
using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Audit;
using MhEmployment.Web.Features.Imports.Jobs;
using MhEmployment.Web.Features.Imports.Stores;
using Microsoft.EntityFrameworkCore;

namespace MhEmployment.Web.Features.Imports;

/// <summary>
/// Commit of a validated import, in the background and in one transaction: the new indicators, the remembered
/// mappings and every value change, or nothing.
/// </summary>
public sealed partial class ImportCommits(
    AppDbContext db, IImportStore store, ImportJobChannel queue, AuditLog audit, TimeProvider clock, ValuesChangedSignal valuesChanged, ILogger<ImportCommits> logger)
{
    public async Task<ImportActionOutcome> RequestCommitAsync(int importId, string? user, CancellationToken cancellationToken)
    {
        var import = await db.Imports.SingleOrDefaultAsync(i => i.Id == importId, cancellationToken);
        if (import is null)
        {
            return ImportActionOutcome.NoSuchImport(importId);
        }
        if (CommitBlocker(import) is { } reason)
        {
            return ImportActionOutcome.Refused(reason);
        }
        // An interrupted one-pass commit left no validated rows behind: the file is checked again as it is written.
        var kind = import.ValidationComplete ? ImportJobKind.Commit : ImportJobKind.ValidateAndCommit;
        import.Status = ImportStatus.Committing;
        import.Progress = 0;
        await db.SaveChangesAsync(cancellationToken);
        await queue.EnqueueAsync(new ImportJob(importId, kind, user), cancellationToken);
        return ImportActionOutcome.Done("Committing: the values appear when it finishes.");
    }

    /// <summary>Why an import cannot be committed now, in words; null when it can.</summary>
    public static string? CommitBlocker(Import import)
    {
        if (import is { Status: ImportStatus.Interrupted, ValidationComplete: false, CommitWhenValid: true })
        {
            return null; // committed without a preview and interrupted: committing again checks the file again
        }
        if (import.Status is not (ImportStatus.Ready or ImportStatus.Interrupted) || !import.ValidationComplete)
        {
            return import.Status switch
            {
                ImportStatus.Committed => "This import is already committed.",
                ImportStatus.Committing => "This import is being committed.",
                ImportStatus.Validating => "This import is still being validated.",
                _ => "This import has to be validated (again) before it can be committed.",
            };
        }
        if (import.ErrorCount > 0)
        {
            return $"The file has {import.ErrorCount:N0} error(s). Correct the file and upload it again; nothing has been written.";
        }
        var summary = ImportSummary.Of(import);
        if (summary?.NeedsMapping == true)
        {
            return "Some series are not matched to the catalogue yet: choose an indicator for each, or skip it.";
        }
        return null;
    }

    /// <summary>All or nothing: new indicators, remembered mappings and every value change commit together.</summary>
    public async Task CommitNowAsync(int importId, string? user, CancellationToken cancellationToken)
    {
        var import = await db.Imports.SingleAsync(i => i.Id == importId, cancellationToken);
        if (import.Status is not (ImportStatus.Committing or ImportStatus.Ready or ImportStatus.Interrupted))
        {
            return; // a stale job: the import was committed, undone or sent back to validation meanwhile
        }
        if (import.Status != ImportStatus.Committing)
        {
            // Recorded before the commit's transaction (the command line commits without a request first), so that a
            // process killed mid-commit leaves the import "committing", which the next start marks interrupted.
            import.Status = ImportStatus.Committing;
            import.Progress = 0;
            await db.SaveChangesAsync(cancellationToken);
        }
        var summary = ImportSummary.Of(import) ?? new ImportSummary();
        var expectedRows = import.NewCount + import.ChangedCount + import.UnchangedCount;
        var strategy = db.Database.CreateExecutionStrategy();
        try
        {
            await strategy.ExecuteAsync(async () =>
            {
                await using var prepared = await store.BeforeCommitAsync(cancellationToken);
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                var placeholders = await AddNewIndicatorsAsync(import, summary, cancellationToken);
                await RememberMappingsAsync(import, summary, placeholders, cancellationToken);
                ChangeCounts counts;
                using (ImportTimings.Start(logger, importId, "merge"))
                {
                    counts = await store.MergeAsync(importId, expectedRows, placeholders, cancellationToken);
                }
                (import.NewCount, import.ChangedCount, import.UnchangedCount) = (counts.New, counts.Changed, counts.Unchanged);
                MarkCommitted(import, user);
                import.Message = null;
                await db.SaveChangesAsync(cancellationToken);
                using (ImportTimings.Start(logger, importId, "commit transaction"))
                {
                    await transaction.CommitAsync(cancellationToken);
                }
                // At once, before anything else awaits: whoever sees the import committed must not then be shown a
                // dashboard cached from the values before it.
                valuesChanged.Raise();
            });
        }
        catch (Exception ex) when (ex is DbUpdateException or System.Data.Common.DbException or InvalidOperationException)
        {
            db.ChangeTracker.Clear();
            var failed = await db.Imports.SingleAsync(i => i.Id == importId, cancellationToken);
            failed.Status = ImportStatus.Ready;
            if (ex is StagingMismatchException)
            {
                failed.ValidationComplete = false;
                failed.Message = "The validated rows were no longer waiting in the database, so nothing was written. Validate the import again, then commit it.";
            }
            else
            {
                failed.Message = CommitFailure(ex);
            }
            await db.SaveChangesAsync(cancellationToken);
            LogCommitFailed(logger, ex, importId);
            return;
        }
        await AuditCommittedAsync(import, $"{import.NewCount:N0} new, {import.ChangedCount:N0} changed, {import.UnchangedCount:N0} unchanged", user, cancellationToken);
    }

    /// <summary>The import committed by <paramref name="user"/>, now (saved by the caller, in the commit's transaction).</summary>
    internal void MarkCommitted(Import import, string? user)
    {
        import.Status = ImportStatus.Committed;
        import.CommittedUtc = clock.GetUtcNow().UtcDateTime;
        import.CommittedBy = user;
        import.Progress = 1;
    }

    /// <summary>Tells what is derived from the stored values (the dashboards' cache) that they changed.</summary>
    internal void ValuesCommitted() => valuesChanged.Raise();

    internal Task AuditCommittedAsync(Import import, string details, string? user, CancellationToken cancellationToken) =>
        audit.WriteAsync(AuditActions.ImportCommitted, $"#{import.Id} {import.FileName}", details, actor: user, cancellationToken: cancellationToken);

    /// <summary>NOMIS series the analyst matched (or added) are remembered, so the next file of the same kind maps itself.</summary>
    internal async Task RememberMappingsAsync(Import import, ImportSummary summary, Dictionary<int, int> placeholders, CancellationToken cancellationToken)
    {
        var choices = SeriesChoices.Parse(import.MappingJson).Choices;
        foreach (var series in summary.Series.Where(s => SeriesKeys.NeedsAnalystMapping(s.Key) && s.Resolution is SeriesResolution.Mapped or SeriesResolution.New))
        {
            if (!choices.ContainsKey(series.Key))
            {
                continue;
            }
            var indicatorId = series.PlaceholderId is { } placeholder
                ? placeholders[placeholder]
                : await db.Indicators.Where(i => i.Key == series.IndicatorKey).Select(i => i.Id).SingleAsync(cancellationToken);
            var mapping = await db.SeriesMappings.SingleOrDefaultAsync(m => m.SeriesKey == series.Key, cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;
            if (mapping is null)
            {
                db.SeriesMappings.Add(new SeriesMapping { SeriesKey = series.Key, IndicatorId = indicatorId, UpdatedUtc = now });
            }
            else
            {
                mapping.IndicatorId = indicatorId;
                mapping.UpdatedUtc = now;
            }
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Why a commit wrote nothing, in words for the analyst.</summary>
    internal string CommitFailure(Exception ex) => store.IsBusy(ex)
        ? "Another import (or undo) held the database for longer than this commit could wait, so nothing was written. Commit again once it has finished."
        : "The commit failed and nothing was written. Try again; if it fails again, ask an administrator to look at the log.";

    private async Task<Dictionary<int, int>> AddNewIndicatorsAsync(Import import, ImportSummary summary, CancellationToken cancellationToken)
    {
        var placeholders = new Dictionary<int, int>();
        foreach (var series in summary.Series.Where(s => s.Resolution == SeriesResolution.New && s.PlaceholderId is not null))
        {
            var indicator = await db.Indicators.SingleOrDefaultAsync(i => i.Key == series.IndicatorKey, cancellationToken)
                ?? NewIndicators.From(series, import);
            if (indicator.Id == 0)
            {
                db.Indicators.Add(indicator);
                await db.SaveChangesAsync(cancellationToken);
            }
            placeholders[series.PlaceholderId!.Value] = indicator.Id;
        }
        return placeholders;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Import {ImportId} commit failed")]
    internal static partial void LogCommitFailed(ILogger logger, Exception exception, int importId);
}
