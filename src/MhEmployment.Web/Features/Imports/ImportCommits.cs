using MhEmployment.Web.Data;
using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Audit;
using MhEmployment.Web.Features.DataVersions;
using MhEmployment.Web.Features.Imports.Jobs;
using MhEmployment.Web.Features.Imports.Stores;
using MhEmployment.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace MhEmployment.Web.Features.Imports;

/// <summary>
/// Commit of a validated import, in the background and in one transaction: the new indicators, the remembered
/// mappings and every value change, or nothing.
/// </summary>
public sealed partial class ImportCommits(
    AppDbContext db, IImportStore store, ImportJobs queue, ImportProgressBoard board, AuditLog audit, TimeProvider clock, DataVersion versions,
    SqliteLongWrites longWrites, ILogger<ImportCommits> logger)
{
    /// <summary>The share of a commit's progress before the merge starts (new indicators, mappings, waiting for another commit).</summary>
    private const double BeforeMerge = 0.05;

    /// <summary>The share after the merge (saving the import, ending the transaction).</summary>
    private const double AfterMerge = 0.05;

    /// <param name="confirmNewIndicators">The analyst confirmed the indicators the file adds (needed for more than a few: see <see cref="NewIndicatorLimits"/>).</param>
    public async Task<ImportActionOutcome> RequestCommitAsync(int importId, string? user, bool confirmNewIndicators, CancellationToken cancellationToken)
    {
        var import = await db.Imports.SingleOrDefaultAsync(i => i.Id == importId, cancellationToken);
        if (import is null)
        {
            return ImportActionOutcome.NoSuchImport(importId);
        }
        if (CommitBlocker(import) is { } blocker)
        {
            return ImportActionOutcome.Refused(blocker.Reason);
        }
        if (!confirmNewIndicators && NewIndicatorLimits.ConfirmationNeeded(ImportSummary.Of(import)) is { } confirmation)
        {
            return ImportActionOutcome.Refused(confirmation);
        }
        // An interrupted one-pass commit left no validated rows behind: the file is checked again as it is written.
        var kind = import.ValidationComplete ? ImportJobKind.Commit : ImportJobKind.ValidateAndCommit;
        import.Status = ImportStatus.Committing;
        import.Progress = 0;
        queue.Enqueue(import, kind, user, confirmNewIndicators);
        await db.SaveChangesAsync(cancellationToken);
        queue.Wake();
        return ImportActionOutcome.Done("Committing: the values appear when it finishes.");
    }

    /// <summary>Why an import cannot be committed now (a short label and the reason in words); null when it can.</summary>
    public static CommitBlock? CommitBlocker(Import import)
    {
        if (import is { Status: ImportStatus.Interrupted, ValidationComplete: false, CommitWhenValid: true })
        {
            return null; // committed without a preview and interrupted: committing again checks the file again
        }
        if (import.Status is not (ImportStatus.Ready or ImportStatus.Interrupted) || !import.ValidationComplete)
        {
            return import.Status switch
            {
                ImportStatus.Committed => new("Committed", "This import is already committed."),
                ImportStatus.Committing => new("Committing", "This import is being committed."),
                ImportStatus.Validating => new("Validating", "This import is still being validated."),
                ImportStatus.Undone => new("Undone", "This import was undone; upload the file again to commit it again."),
                ImportStatus.Failed => new("Failed", "This file cannot be imported; nothing has been written."),
                _ => new("To check again", "This import has to be validated (again) before it can be committed."),
            };
        }
        if (import.ErrorCount > 0)
        {
            return new("Errors to correct", $"The file has {Counted.Of(import.ErrorCount, "error")}. Correct the file and upload it again; nothing has been written.");
        }
        if (ImportSummary.Of(import)?.NeedsMapping == true)
        {
            return new("Series to match", "Some series are not matched to the catalogue yet: choose an indicator for each, or skip it, then check the file again.");
        }
        if (import.NewCount + import.ChangedCount + import.UnchangedCount == 0)
        {
            return new("Nothing to commit", "Nothing in this file can be committed: no row gave a value for a catalogue indicator and an area the app holds. The series and warnings below say what became of the rows.");
        }
        return null;
    }

    /// <summary>
    /// All or nothing: new indicators, remembered mappings and every value change commit together. The caller has
    /// checked <see cref="CommitBlocker"/> and the analyst's confirmation of new indicators.
    /// </summary>
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
        var progress = new BoardProgress(board, importId, import.RowCount);
        progress.Report(BeforeMerge / 2);
        var strategy = db.Database.CreateExecutionStrategy();
        long version = 0;
        try
        {
            await strategy.ExecuteAsync(async () =>
            {
                using var longWrite = longWrites.Enter(); // until the transaction has ended (declared before it, so disposed after)
                await using var prepared = await store.BeforeCommitAsync(cancellationToken);
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                var placeholders = await AddNewIndicatorsAsync(import, summary, cancellationToken);
                await RememberMappingsAsync(import, summary, placeholders, cancellationToken);
                ChangeCounts counts;
                using (ImportTimings.Start(logger, importId, "merge"))
                {
                    counts = await store.MergeAsync(importId, expectedRows, placeholders, progress.Scaled(BeforeMerge, 1 - AfterMerge), cancellationToken);
                }
                (import.NewCount, import.ChangedCount, import.UnchangedCount) = (counts.New, counts.Changed, counts.Unchanged);
                MarkCommitted(import, user);
                import.Message = null;
                await db.SaveChangesAsync(cancellationToken);
                await AuditCommittedAsync(import, $"{import.NewCount:N0} new, {import.ChangedCount:N0} changed, {import.UnchangedCount:N0} unchanged", user, cancellationToken);
                var touched = await TouchedIndicatorsAsync(summary, placeholders, cancellationToken);
                version = await CommitTransactionAsync(transaction, import, touched, cancellationToken);
            });
            versions.Committed(version, user);
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
        finally
        {
            board.Clear(importId);
        }
    }

    /// <summary>The import committed by <paramref name="user"/>, now (saved by the caller, in the commit's transaction).</summary>
    internal void MarkCommitted(Import import, string? user)
    {
        import.Status = ImportStatus.Committed;
        import.CommittedUtc = clock.GetUtcNow().UtcDateTime;
        import.CommittedBy = user;
        import.Progress = 1;
    }

    /// <summary>
    /// Ends a commit's transaction with the data version it makes (the indicators it touched), so that the dashboards
    /// read those again. The caller tells <see cref="DataVersion.Committed"/> once the transaction has ended.
    /// </summary>
    internal async Task<long> CommitTransactionAsync(IDbContextTransaction transaction, Import import, IReadOnlyCollection<int>? indicatorIds, CancellationToken cancellationToken)
    {
        using (ImportTimings.Start(logger, import.Id, "commit transaction"))
        {
            var version = await DataVersion.RecordAsync(db, DataChangeKinds.ImportCommitted, indicatorIds, import.Id, import.CommittedUtc ?? clock.GetUtcNow().UtcDateTime, cancellationToken);
            // On SQLite the commit of a million rows writes and syncs them, then copies them from the write-ahead log
            // into the database (its automatic checkpoint): seconds of blocking work, kept off the pool's threads.
            await OwnThread.RunInBackgroundAsync(transaction.Commit, CancellationToken.None);
            return version;
        }
    }

    /// <summary>The indicators a staged commit writes to: its mapped series' and the ones it adds (null, meaning all, if one is not found).</summary>
    private async Task<IReadOnlyCollection<int>?> TouchedIndicatorsAsync(ImportSummary summary, Dictionary<int, int> placeholders, CancellationToken cancellationToken)
    {
        var keys = summary.Series.Where(s => s.Resolution is SeriesResolution.Mapped or SeriesResolution.New && s.IndicatorKey is not null)
            .Select(s => s.IndicatorKey!).Distinct(StringComparer.Ordinal).ToList();
        var ids = await db.Indicators.Where(i => keys.Contains(i.Key)).Select(i => i.Id).ToListAsync(cancellationToken);
        return ids.Count == keys.Count ? [.. ids.Concat(placeholders.Values).Distinct()] : null;
    }

    /// <summary>The commit's audit entry, saved in the commit's transaction: whoever sees the import committed finds it in the log.</summary>
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

    /// <summary>A commit's progress on the board the pages and the API read, as a fraction of the whole commit.</summary>
    private sealed class BoardProgress(ImportProgressBoard board, int importId, long rows, double from = 0, double to = 1) : IProgress<double>
    {
        public void Report(double value) => board.Set(importId, from + ((to - from) * Math.Clamp(value, 0, 1)), rows);

        /// <summary>The same progress, with 0 to 1 of a step mapped onto <paramref name="start"/> to <paramref name="end"/> of the whole.</summary>
        public BoardProgress Scaled(double start, double end) => new(board, importId, rows, start, end);
    }

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

/// <summary>Why an import cannot be committed: a label for its status ("Errors to correct") and the reason in words.</summary>
public sealed record CommitBlock(string Label, string Reason);
