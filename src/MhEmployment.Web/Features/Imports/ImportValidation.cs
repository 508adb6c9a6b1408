using System.Diagnostics;
using MhEmployment.Web.Data;
using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Imports.Jobs;
using MhEmployment.Web.Features.Imports.Parsing;
using MhEmployment.Web.Features.Imports.Stores;
using Microsoft.EntityFrameworkCore;

namespace MhEmployment.Web.Features.Imports;

/// <summary>
/// Validation in the background: the whole file read and checked, the good rows staged, what was found recorded for
/// the preview; and the analyst's requests that lead to it again (series matched, check again).
/// </summary>
public sealed partial class ImportValidation(
    AppDbContext db, IImportStore store, ImportStorage storage, ImportJobs queue, ImportProgressBoard board, ILogger<ImportValidation> logger)
{
    /// <summary>Reads the whole file, checks every row, stages the good ones and records what was found.</summary>
    public Task ValidateNowAsync(int importId, CancellationToken cancellationToken) => ValidateAsync(importId, ImportStatus.Ready, cancellationToken);

    /// <summary>
    /// Validates, leaving a file that could be read in <paramref name="whenRead"/>: ready, or still committing when a commit
    /// follows at once (so that nobody sees it "ready" in between).
    /// </summary>
    internal async Task ValidateAsync(int importId, ImportStatus whenRead, CancellationToken cancellationToken)
    {
        var import = await db.Imports.SingleAsync(i => i.Id == importId, cancellationToken);
        if (import.Status is ImportStatus.Committed or ImportStatus.Committing or ImportStatus.Undone)
        {
            return; // a stale job: what it would check is already decided
        }
        var watch = Stopwatch.StartNew();
        import.Status = ImportStatus.Validating;
        import.ValidationComplete = false;
        import.Progress = 0;
        import.Message = null;
        await db.SaveChangesAsync(cancellationToken);
        await store.DeleteStagingAsync(importId, cancellationToken);

        if (await OpenAsync(import, cancellationToken) is not { } reading)
        {
            return;
        }

        var reference = await ReferenceData.LoadAsync(db, cancellationToken);
        ImportSummary summary;
        long staged;
        using (var issues = NewIssueLog(importId))
        {
            var validator = new ImportValidator(reference, SeriesChoices.Parse(import.MappingJson).Choices, issues);
            var progress = NewProgress(importId, reading);
            using (ImportTimings.Start(logger, importId, "read, validate and stage"))
            {
                staged = await store.StageAsync(importId, progress.Track(validator.Validate(reading.Records)), cancellationToken);
            }
            summary = validator.Summary();
            await RecordFindingsAsync(import, summary, progress.Rows, issues, cancellationToken);
        }

        ChangeCounts counts;
        using (ImportTimings.Start(logger, importId, "count changes"))
        {
            counts = await store.CountChangesAsync(importId, cancellationToken);
        }
        (import.NewCount, import.ChangedCount, import.UnchangedCount) = (counts.New, counts.Changed, counts.Unchanged);
        import.Status = whenRead;
        import.ValidationComplete = true;
        import.Progress = 1;
        import.Message = summary.NeedsMapping
            ? "Some series in this file are not yet matched to the catalogue: choose an indicator for each (or skip it), then validate again."
            : null;
        await db.SaveChangesAsync(cancellationToken);
        board.Clear(importId); // after the status has moved on: see ImportProgressBoard.ReadAsync
        LogValidated(logger, importId, import.RowCount, import.ErrorCount, staged, watch.ElapsedMilliseconds);
    }

    /// <summary>
    /// Stores the analyst's series choices and validates again with them. While a validation is running (someone
    /// else's request a moment before) the choices are kept and another validation follows it, so none is lost.
    /// </summary>
    public async Task<ImportActionOutcome> MapAsync(int importId, IReadOnlyDictionary<string, string> choices, string? user, CancellationToken cancellationToken,
        bool validateInBackground = true)
    {
        var import = await db.Imports.SingleOrDefaultAsync(i => i.Id == importId, cancellationToken);
        if (import is null)
        {
            return ImportActionOutcome.NoSuchImport(importId);
        }
        if (import.Status is not (ImportStatus.Ready or ImportStatus.Interrupted or ImportStatus.Failed or ImportStatus.Validating))
        {
            return ImportActionOutcome.Refused("Series can be matched only while the import waits for commit.");
        }
        import.MappingJson = SeriesChoices.Merge(import.MappingJson, choices);
        import.Status = ImportStatus.Validating;
        if (validateInBackground)
        {
            queue.Enqueue(import, ImportJobKind.Validate, user);
        }
        else
        {
            queue.Hold(import, ImportJobKind.Validate, user); // the caller validates it here
        }
        await db.SaveChangesAsync(cancellationToken);
        queue.Wake();
        return ImportActionOutcome.Done("Validating again with your choices.");
    }

    /// <summary>Checks the file again; asked again while that check runs (by someone else a moment before), it is already done.</summary>
    public async Task<ImportActionOutcome> RevalidateAsync(int importId, string? user, CancellationToken cancellationToken)
    {
        var import = await db.Imports.SingleOrDefaultAsync(i => i.Id == importId, cancellationToken);
        if (import is null)
        {
            return ImportActionOutcome.NoSuchImport(importId);
        }
        if (import.Status == ImportStatus.Validating)
        {
            return ImportActionOutcome.Done("The file is already being checked again.");
        }
        if (import.Status is not (ImportStatus.Interrupted or ImportStatus.Failed or ImportStatus.Ready))
        {
            return ImportActionOutcome.Refused("Only an import waiting for commit, failed or interrupted can be validated again.");
        }
        import.Status = ImportStatus.Validating;
        queue.Enqueue(import, ImportJobKind.Validate, user);
        await db.SaveChangesAsync(cancellationToken);
        queue.Wake();
        return ImportActionOutcome.Done("Validating again.");
    }

    /// <summary>Checks the file's encoding and detects its format; null when the file is refused (the import then failed).</summary>
    internal async Task<ImportReading?> OpenAsync(Import import, CancellationToken cancellationToken)
    {
        var requested = import.RequestedFormat is null ? (ImportFormat?)null : Enum.Parse<ImportFormat>(import.RequestedFormat);
        ImportReading reading;
        using (ImportTimings.Start(logger, import.Id, "check encoding and detect format"))
        {
            reading = ImportReading.Open(storage.FileFor(import.Id), import.FileName, requested, cancellationToken);
        }
        if (reading.Refusal is { } refusal)
        {
            import.Status = ImportStatus.Failed;
            import.Message = refusal;
            import.Progress = 1;
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        import.Format = reading.Format.ToString();
        await db.SaveChangesAsync(cancellationToken);
        return reading;
    }

    /// <summary>A fresh list of the import's issues (the previous run's is replaced).</summary>
    internal IssueLog NewIssueLog(int importId) => new(storage.IssuesFor(importId));

    /// <summary>Publishes how far the rows have streamed, for the pages and the API.</summary>
    internal ProgressReporter NewProgress(int importId, ImportReading reading) => new(board, importId, reading);

    /// <summary>What reading the whole file found, on the import (saved by the caller).</summary>
    internal async Task RecordFindingsAsync(Import import, ImportSummary summary, long rows, IssueLog issues, CancellationToken cancellationToken)
    {
        import.RowCount = rows;
        import.ErrorCount = issues.Errors;
        import.WarningCount = issues.Warnings + summary.Notes.Sum(n => n.Rows);
        var identical = await db.Imports.AsNoTracking()
            .Where(i => i.Id != import.Id && i.Sha256 == import.Sha256 && i.MappingJson == import.MappingJson && i.Status == ImportStatus.Committed)
            .OrderByDescending(i => i.Id).FirstOrDefaultAsync(cancellationToken);
        summary.IdenticalToImport = identical is null ? null : $"#{identical.Id} ({identical.FileName}, committed {identical.CommittedUtc:d MMM yyyy HH:mm})";
        import.SummaryJson = summary.ToJson();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Import {ImportId} validated: {RowCount} rows, {ErrorCount} errors, {StagedCount} staged in {ElapsedMs} ms")]
    private static partial void LogValidated(ILogger logger, int importId, long rowCount, long errorCount, long stagedCount, long elapsedMs);
}
