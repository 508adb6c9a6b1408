using MhEmployment.Web.Data;
using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.DataVersions;
using MhEmployment.Web.Features.Imports.Stores;
using MhEmployment.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MhEmployment.Web.Features.Imports;

/// <summary>
/// Imports committed without stopping at the preview (the command line's --commit, the API's commit=true): checked
/// and written in one pass, in one transaction, so that reading and validating the file overlap with writing its
/// values. Only a file whose every row is new, valid and mapped can go this way; any other is rolled back (nothing
/// written) and goes the staged way, validation then commit, with the same result (ADR 0008).
/// </summary>
public sealed partial class OnePassCommit(
    AppDbContext db, IImportStore store, ImportValidation validation, ImportCommits commits, ImportProgressBoard board, DataVersion versions,
    SqliteLongWrites longWrites, ILogger<OnePassCommit> logger)
{
    /// <summary>Validates the import and commits it if nothing stands in the way; the import records what happened.</summary>
    /// <param name="confirmNewIndicators">The indicators the file adds are confirmed (needed for more than a few: see <see cref="NewIndicatorLimits"/>).</param>
    public async Task ValidateAndCommitNowAsync(int importId, string? user, bool confirmNewIndicators, CancellationToken cancellationToken)
    {
        if (await CommitInOnePassAsync(importId, user, cancellationToken))
        {
            return;
        }
        await validation.ValidateAsync(importId, ImportStatus.Committing, cancellationToken);
        var validated = await db.Imports.SingleAsync(i => i.Id == importId, cancellationToken);
        if (validated.Status != ImportStatus.Committing)
        {
            return; // the file could not be read: the import failed
        }
        // Asked as of a validated import waiting for commit; one that cannot be committed is left waiting, saying why.
        validated.Status = ImportStatus.Ready;
        var unconfirmed = confirmNewIndicators ? null : NewIndicatorLimits.ConfirmationNeeded(ImportSummary.Of(validated));
        if (ImportCommits.CommitBlocker(validated) is not null || unconfirmed is not null)
        {
            if (unconfirmed is not null)
            {
                validated.Message = $"Not committed yet. {unconfirmed} Then commit it on this page (the API takes confirmNewIndicators = true, the command line --confirm-new-indicators).";
            }
            await db.SaveChangesAsync(cancellationToken);
            return;
        }
        validated.Status = ImportStatus.Committing;
        await commits.CommitNowAsync(importId, user, cancellationToken);
    }

    /// <summary>True when the import is settled (committed, refused, or failed); false when it has to go the staged way.</summary>
    private async Task<bool> CommitInOnePassAsync(int importId, string? user, CancellationToken cancellationToken)
    {
        var import = await db.Imports.SingleAsync(i => i.Id == importId, cancellationToken);
        if (import.Status is ImportStatus.Committed or ImportStatus.Undone)
        {
            return true; // a stale job
        }
        // Recorded before the transaction: a process killed in the middle leaves the import "committing", which the next
        // start marks interrupted; committing it again then checks the file again, as nothing of it was kept.
        import.Status = ImportStatus.Committing;
        import.CommitWhenValid = true;
        import.ValidationComplete = false;
        import.Progress = 0;
        import.Message = null;
        await db.SaveChangesAsync(cancellationToken);
        await store.DeleteStagingAsync(importId, cancellationToken);
        if (await validation.OpenAsync(import, cancellationToken) is not { } reading)
        {
            return true;
        }

        var reference = await ReferenceData.LoadAsync(db, cancellationToken);
        long version = 0;
        try
        {
            await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                using var issues = validation.NewIssueLog(importId);
                var validator = new ImportValidator(reference, SeriesChoices.Parse(import.MappingJson).Choices, issues);
                var progress = validation.NewProgress(importId, reading);
                var referenced = new ReferencedRows();
                using var longWrite = longWrites.Enter(); // until the transaction has ended (declared before it, so disposed after)
                await using var prepared = await store.BeforeCommitAsync(cancellationToken);
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                long written;
                using (ImportTimings.Start(logger, importId, "read, validate and write values"))
                {
                    LogOnePass(logger, importId);
                    written = await store.WriteValuesAsync(importId, referenced.Track(progress.Track(validator.Validate(reading.Records)), issues), cancellationToken);
                }
                var summary = validator.Summary();
                if (issues.Errors > 0 || summary.NeedsMapping || summary.Series.Any(s => s.PlaceholderId is not null))
                {
                    throw new OnePassAbandonedException(issues.Errors > 0 ? "the file has errors" : "some series need mapping or a new indicator");
                }
                await store.CheckReferencedRowsAsync(importId, referenced.Indicators, referenced.Areas, cancellationToken);
                await commits.RememberMappingsAsync(import, summary, [], cancellationToken);
                await validation.RecordFindingsAsync(import, summary, progress.Rows, issues, cancellationToken);
                (import.NewCount, import.ChangedCount, import.UnchangedCount) = (written, 0, 0);
                import.ValidationComplete = true;
                commits.MarkCommitted(import, user);
                await db.SaveChangesAsync(cancellationToken);
                await commits.AuditCommittedAsync(import, $"{written:N0} new, 0 changed, 0 unchanged (checked and written in one pass)", user, cancellationToken);
                version = await commits.CommitTransactionAsync(transaction, import, [.. referenced.Indicators], cancellationToken);
            });
            versions.Committed(version, user);
        }
        catch (OnePassAbandonedException ex)
        {
            LogOnePassAbandoned(logger, importId, ex.Message);
            await AfterRollbackAsync(importId, ImportStatus.Validating, null, cancellationToken);
            return false;
        }
        catch (Exception ex) when (ex is DbUpdateException or System.Data.Common.DbException or InvalidOperationException)
        {
            ImportCommits.LogCommitFailed(logger, ex, importId);
            await AfterRollbackAsync(importId, ImportStatus.Interrupted, commits.CommitFailure(ex), cancellationToken);
            return true;
        }
        finally
        {
            board.Clear(importId);
        }
        return true;
    }

    /// <summary>
    /// After a rolled-back pass: the context forgets what it wrote, and the import waits for validation (or, if the
    /// database failed, for the analyst to commit it again).
    /// </summary>
    private async Task AfterRollbackAsync(int importId, ImportStatus status, string? message, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var import = await db.Imports.SingleAsync(i => i.Id == importId, cancellationToken);
        import.Status = status;
        import.Message = message;
        import.ValidationComplete = false;
        import.Progress = 0;
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// The distinct indicators and areas of the rows written, gathered as they pass (files come in runs of one area and
    /// indicator), so that the foreign keys are checked once each; and the end of the pass at the first error or new
    /// indicator, as the file then goes the staged way anyway.
    /// </summary>
    private sealed class ReferencedRows
    {
        private readonly HashSet<int> _indicators = [];
        private readonly HashSet<string> _areas = new(StringComparer.Ordinal);

        public IReadOnlyCollection<int> Indicators => _indicators;
        public IReadOnlyCollection<string> Areas => _areas;

        public IEnumerable<StagedValue> Track(IEnumerable<StagedValue> rows, IssueLog issues)
        {
            var (lastIndicator, lastArea) = (0, (string?)null);
            foreach (var row in rows)
            {
                if (issues.Errors > 0)
                {
                    throw new OnePassAbandonedException("the file has errors");
                }
                if (row.IndicatorId != lastIndicator)
                {
                    if (row.IndicatorId < 0)
                    {
                        throw new OnePassAbandonedException("a series of the file becomes a new indicator");
                    }
                    _indicators.Add(lastIndicator = row.IndicatorId);
                }
                if (!ReferenceEquals(row.AreaCode, lastArea))
                {
                    _areas.Add(lastArea = row.AreaCode);
                }
                yield return row;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Import {ImportId}: checking the file and writing its values in one pass")]
    private static partial void LogOnePass(ILogger logger, int importId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Import {ImportId}: one pass rolled back ({Reason}); validating it before commit instead")]
    private static partial void LogOnePassAbandoned(ILogger logger, int importId, string reason);
}
