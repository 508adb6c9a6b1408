using System.Diagnostics;
using System.Text.Json;
using MhEmployment.Web.Data;
using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Audit;
using MhEmployment.Web.Features.Imports.Jobs;
using MhEmployment.Web.Features.Imports.Parsing;
using MhEmployment.Web.Features.Imports.Stores;
using Microsoft.EntityFrameworkCore;

namespace MhEmployment.Web.Features.Imports;

public sealed record UploadResult(Import? Import, string? Refusal);

/// <summary>What came of an analyst's request on an import (commit, undo, map, check again): done, or why not, in words.</summary>
public sealed record ImportActionOutcome(bool Succeeded, string Message);

/// <summary>
/// An import's life: upload (stored and hashed), validation in the background (staged, previewed), mapping of
/// unknown series, commit in one transaction, undo, and marking work a stopped process left unfinished.
/// </summary>
public sealed partial class ImportService(
    AppDbContext db, IImportStore store, ImportStorage storage, ImportJobChannel queue, AuditLog audit,
    ImportProgressBoard board, TimeProvider clock, ValuesChangedSignal valuesChanged, ILogger<ImportService> logger)
{
    public const int PreviewIssueLimit = 1000;
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    /// <summary>Stores the file and, unless the caller validates it itself (command line, sample data), queues its validation.</summary>
    public async Task<UploadResult> UploadAsync(Stream content, string fileName, string? format, string? mappingJson, string? user, CancellationToken cancellationToken,
        bool validateInBackground = true)
    {
        if (RequestProblem(format, mappingJson) is { } problem)
        {
            return new UploadResult(null, problem);
        }
        var received = await ReceiveAsync(content, cancellationToken);
        if (received is not { } file)
        {
            return new UploadResult(null, TooLarge(fileName));
        }
        return await RegisterAsync(file, fileName, format, mappingJson, user, validateInBackground, cancellationToken);
    }

    /// <summary>Copies an upload into storage, hashing it on the way (see <see cref="ImportStorage.ReceiveAsync"/>), timed.</summary>
    public async Task<ReceivedFile?> ReceiveAsync(Stream content, CancellationToken cancellationToken)
    {
        using (ImportTimings.Start(logger, 0, "receive and hash upload"))
        {
            return await storage.ReceiveAsync(content, cancellationToken);
        }
    }

    public long MaxFileMegabytes => storage.MaxFileBytes / (1024 * 1024);

    public string TooLarge(string fileName) => $"'{fileName}' is larger than the limit of {MaxFileMegabytes} MB.";

    /// <summary>
    /// Records a file already received (the API streams a multipart upload straight into storage, whose fields may come
    /// after the file) as an import, or refuses it and deletes it. <paramref name="commitWhenValid"/>: no preview, the
    /// file is committed if it is found valid (see <see cref="ValidateAndCommitNowAsync"/>).
    /// </summary>
    public async Task<UploadResult> RegisterAsync(ReceivedFile file, string fileName, string? format, string? mappingJson, string? user,
        bool validateInBackground, CancellationToken cancellationToken, bool commitWhenValid = false)
    {
        var refusal = RequestProblem(format, mappingJson);
        if (refusal is null && ImportReading.Sniff(file.Path, fileName) is { } sniffed)
        {
            refusal = $"'{fileName}' cannot be imported: {sniffed}";
        }
        if (refusal is not null)
        {
            File.Delete(file.Path);
            return new UploadResult(null, refusal);
        }

        var import = new Import
        {
            FileName = Path.GetFileName(fileName),
            Sha256 = file.Sha256,
            FileSize = file.Bytes,
            CreatedUtc = Now,
            CreatedBy = user,
            Status = ImportStatus.Validating,
            RequestedFormat = string.IsNullOrWhiteSpace(format) ? null : Enum.Parse<ImportFormat>(format, ignoreCase: true).ToString(),
            MappingJson = string.IsNullOrWhiteSpace(mappingJson) ? null : mappingJson,
            CommitWhenValid = commitWhenValid,
        };
        db.Imports.Add(import);
        await db.SaveChangesAsync(cancellationToken);
        storage.Keep(file.Path, import.Id);
        await audit.WriteAsync(AuditActions.ImportUploaded, $"#{import.Id} {import.FileName}", $"{file.Bytes:N0} bytes, SHA-256 {file.Sha256}", cancellationToken: cancellationToken);
        if (validateInBackground)
        {
            await queue.EnqueueAsync(new ImportJob(import.Id, commitWhenValid ? ImportJobKind.ValidateAndCommit : ImportJobKind.Validate, user), cancellationToken);
        }
        return new UploadResult(import, null);
    }

    /// <summary>What is wrong with the requested format or mapping, in words; null when nothing is.</summary>
    public static string? RequestProblem(string? format, string? mappingJson)
    {
        if (!string.IsNullOrWhiteSpace(format) && (!Enum.TryParse<ImportFormat>(format, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed)))
        {
            return $"'{format}' is not a format. Use one of: {string.Join(", ", Enum.GetNames<ImportFormat>())}, or leave it empty to detect it.";
        }
        return ParseChoices(mappingJson).Refusal;
    }

    /// <summary>Reads the whole file, checks every row, stages the good ones and records what was found.</summary>
    public async Task ValidateNowAsync(int importId, CancellationToken cancellationToken)
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
        using (var issues = new IssueLog(storage.IssuesFor(importId)))
        {
            var validator = new ImportValidator(reference, ParseChoices(import.MappingJson).Choices, issues);
            var progress = new ProgressReporter(board, importId, reading);
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
        board.Clear(importId);
        import.Status = ImportStatus.Ready;
        import.ValidationComplete = true;
        import.Progress = 1;
        import.Message = summary.NeedsMapping
            ? "Some series in this file are not yet matched to the catalogue: choose an indicator for each (or skip it), then validate again."
            : null;
        await db.SaveChangesAsync(cancellationToken);
        LogValidated(logger, importId, import.RowCount, import.ErrorCount, staged, watch.ElapsedMilliseconds);
    }

    /// <summary>Checks the file's encoding and detects its format; null when the file is refused (the import then failed).</summary>
    private async Task<ImportReading?> OpenAsync(Import import, CancellationToken cancellationToken)
    {
        var requested = import.RequestedFormat is null ? (ImportFormat?)null : Enum.Parse<ImportFormat>(import.RequestedFormat);
        ImportReading reading;
        using (ImportTimings.Start(logger, import.Id, "check encoding and detect format"))
        {
            reading = ImportReading.Open(storage.FileFor(import.Id), import.FileName, requested, cancellationToken);
        }
        if (reading.Refusal is { } refusal)
        {
            await FailAsync(import, refusal, cancellationToken);
            return null;
        }
        import.Format = reading.Format.ToString();
        await db.SaveChangesAsync(cancellationToken);
        return reading;
    }

    /// <summary>What reading the whole file found, on the import (saved by the caller).</summary>
    private async Task RecordFindingsAsync(Import import, ImportSummary summary, long rows, IssueLog issues, CancellationToken cancellationToken)
    {
        import.RowCount = rows;
        import.ErrorCount = issues.Errors;
        import.WarningCount = issues.Warnings + summary.Notes.Sum(n => n.Rows);
        var identical = await db.Imports.AsNoTracking()
            .Where(i => i.Id != import.Id && i.Sha256 == import.Sha256 && i.MappingJson == import.MappingJson && i.Status == ImportStatus.Committed)
            .OrderByDescending(i => i.Id).FirstOrDefaultAsync(cancellationToken);
        summary.IdenticalToImport = identical is null ? null : $"#{identical.Id} ({identical.FileName}, committed {identical.CommittedUtc:d MMM yyyy HH:mm})";
        import.SummaryJson = JsonSerializer.Serialize(summary, Json);
    }

    public async Task<ImportActionOutcome> RequestCommitAsync(int importId, string? user, CancellationToken cancellationToken)
    {
        var import = await db.Imports.SingleOrDefaultAsync(i => i.Id == importId, cancellationToken);
        if (import is null)
        {
            return new ImportActionOutcome(false, $"There is no import #{importId}.");
        }
        if (CommitBlocker(import) is { } reason)
        {
            return new ImportActionOutcome(false, reason);
        }
        // An interrupted one-pass commit left no validated rows behind: the file is checked again as it is written.
        var kind = import.ValidationComplete ? ImportJobKind.Commit : ImportJobKind.ValidateAndCommit;
        import.Status = ImportStatus.Committing;
        import.Progress = 0;
        await db.SaveChangesAsync(cancellationToken);
        await queue.EnqueueAsync(new ImportJob(importId, kind, user), cancellationToken);
        return new ImportActionOutcome(true, "Committing: the values appear when it finishes.");
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
        var summary = SummaryOf(import);
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
        var summary = SummaryOf(import) ?? new ImportSummary();
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
                import.Status = ImportStatus.Committed;
                import.CommittedUtc = Now;
                import.CommittedBy = user;
                import.Progress = 1;
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
        await audit.WriteAsync(AuditActions.ImportCommitted, $"#{import.Id} {import.FileName}",
            $"{import.NewCount:N0} new, {import.ChangedCount:N0} changed, {import.UnchangedCount:N0} unchanged", actor: user, cancellationToken: cancellationToken);
    }

    public async Task<ImportActionOutcome> UndoAsync(int importId, string? user, CancellationToken cancellationToken)
    {
        var import = await db.Imports.SingleOrDefaultAsync(i => i.Id == importId, cancellationToken);
        if (import is not { Status: ImportStatus.Committed })
        {
            return new ImportActionOutcome(false, import is null ? $"There is no import #{importId}." : "Only a committed import can be undone.");
        }
        var later = await db.ReplacedValues.Where(r => r.ImportId == importId)
            .Join(db.Imports.Where(i => i.Status == ImportStatus.Committed), r => r.ReplacedByImportId, i => i.Id, (_, i) => i.Id)
            .Distinct().OrderBy(id => id).ToListAsync(cancellationToken);
        if (later.Count > 0)
        {
            return new ImportActionOutcome(false, $"Later import(s) {string.Join(", ", later.Select(id => $"#{id}"))} replaced some of these values; undo them first.");
        }
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await store.UndoAsync(importId, cancellationToken);
            var added = await db.Indicators.Where(i => i.CreatedByImportId == importId && !db.IndicatorValues.Any(v => v.IndicatorId == i.Id)).ToListAsync(cancellationToken);
            db.Indicators.RemoveRange(added);
            import.Status = ImportStatus.Undone;
            import.UndoneUtc = Now;
            import.UndoneBy = user;
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        });
        valuesChanged.Raise();
        await audit.WriteAsync(AuditActions.ImportUndone, $"#{import.Id} {import.FileName}", actor: user, cancellationToken: cancellationToken);
        return new ImportActionOutcome(true, "Undone: the values are as they were before this import.");
    }

    /// <summary>Stores the analyst's series choices and validates again with them.</summary>
    public async Task<ImportActionOutcome> MapAsync(int importId, IReadOnlyDictionary<string, string> choices, string? user, CancellationToken cancellationToken,
        bool validateInBackground = true)
    {
        var import = await db.Imports.SingleOrDefaultAsync(i => i.Id == importId, cancellationToken);
        if (import is not { Status: ImportStatus.Ready or ImportStatus.Interrupted or ImportStatus.Failed })
        {
            return new ImportActionOutcome(false, "Series can be matched only while the import waits for commit.");
        }
        var existing = ParseChoices(import.MappingJson).Choices;
        var merged = new Dictionary<string, string>(existing, StringComparer.Ordinal);
        foreach (var (series, choice) in choices.Where(c => !string.IsNullOrWhiteSpace(c.Value)))
        {
            merged[series] = choice;
        }
        import.MappingJson = JsonSerializer.Serialize(merged, Json);
        import.Status = ImportStatus.Validating;
        await db.SaveChangesAsync(cancellationToken);
        if (validateInBackground)
        {
            await queue.EnqueueAsync(new ImportJob(importId, ImportJobKind.Validate, user), cancellationToken);
        }
        return new ImportActionOutcome(true, "Validating again with your choices.");
    }

    public async Task<ImportActionOutcome> RevalidateAsync(int importId, string? user, CancellationToken cancellationToken)
    {
        var import = await db.Imports.SingleOrDefaultAsync(i => i.Id == importId, cancellationToken);
        if (import is not { Status: ImportStatus.Interrupted or ImportStatus.Failed or ImportStatus.Ready })
        {
            return new ImportActionOutcome(false, "Only an import waiting for commit, failed or interrupted can be validated again.");
        }
        import.Status = ImportStatus.Validating;
        await db.SaveChangesAsync(cancellationToken);
        await queue.EnqueueAsync(new ImportJob(importId, ImportJobKind.Validate, user), cancellationToken);
        return new ImportActionOutcome(true, "Validating again.");
    }

    /// <summary>After a crash or restart: work in progress did not finish. Commits are transactions, so nothing is half-written.</summary>
    public async Task MarkInterruptedAsync(CancellationToken cancellationToken)
    {
        await db.Imports.Where(i => i.Status == ImportStatus.Committing).ExecuteUpdateAsync(s => s
            .SetProperty(i => i.Status, ImportStatus.Interrupted)
            .SetProperty(i => i.Message, "The app stopped while committing this import. Nothing of it was written; commit it again."), cancellationToken);
        await db.Imports.Where(i => i.Status == ImportStatus.Validating).ExecuteUpdateAsync(s => s
            .SetProperty(i => i.Status, ImportStatus.Interrupted)
            .SetProperty(i => i.ValidationComplete, false)
            .SetProperty(i => i.Message, "The app stopped while validating this import. Validate it again."), cancellationToken);
    }

    /// <summary>The import with its live progress while it is being validated (or checked and written in one pass).</summary>
    public Import WithLiveProgress(Import import)
    {
        if (import.Status is ImportStatus.Validating or ImportStatus.Committing && board.Get(import.Id) is { } live)
        {
            import.Progress = live.Progress;
            import.RowCount = live.Rows;
        }
        return import;
    }

    public static ImportSummary? SummaryOf(Import import) =>
        import.SummaryJson is null ? null : JsonSerializer.Deserialize<ImportSummary>(import.SummaryJson, Json);

    public List<ParseIssue> FirstIssues(int importId, int limit = PreviewIssueLimit) => IssueLog.ReadFirst(storage.IssuesFor(importId), limit);

    public string IssuesFile(int importId) => storage.IssuesFor(importId);

    public static (IReadOnlyDictionary<string, string> Choices, string? Refusal) ParseChoices(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return (new Dictionary<string, string>(), null);
        }
        try
        {
            var choices = JsonSerializer.Deserialize<Dictionary<string, string>>(json, Json);
            return (choices ?? [], null);
        }
        catch (JsonException ex)
        {
            return (new Dictionary<string, string>(), $"The mapping is not valid JSON ({ex.Message}). It should look like {{\"series key\": \"indicator-key\"}}, with \"new\" or \"skip\" as choices too.");
        }
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

    /// <summary>NOMIS series the analyst matched (or added) are remembered, so the next file of the same kind maps itself.</summary>
    private async Task RememberMappingsAsync(Import import, ImportSummary summary, Dictionary<int, int> placeholders, CancellationToken cancellationToken)
    {
        var choices = ParseChoices(import.MappingJson).Choices;
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
            if (mapping is null)
            {
                db.SeriesMappings.Add(new SeriesMapping { SeriesKey = series.Key, IndicatorId = indicatorId, UpdatedUtc = Now });
            }
            else
            {
                mapping.IndicatorId = indicatorId;
                mapping.UpdatedUtc = Now;
            }
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Why a commit wrote nothing, in words for the analyst.</summary>
    private string CommitFailure(Exception ex) => store.IsBusy(ex)
        ? "Another import (or undo) held the database for longer than this commit could wait, so nothing was written. Commit again once it has finished."
        : "The commit failed and nothing was written. Try again; if it fails again, ask an administrator to look at the log.";

    private async Task FailAsync(Import import, string message, CancellationToken cancellationToken)
    {
        import.Status = ImportStatus.Failed;
        import.Message = message;
        import.Progress = 1;
        await db.SaveChangesAsync(cancellationToken);
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    [LoggerMessage(Level = LogLevel.Information, Message = "Import {ImportId} validated: {RowCount} rows, {ErrorCount} errors, {StagedCount} staged in {ElapsedMs} ms")]
    private static partial void LogValidated(ILogger logger, int importId, long rowCount, long errorCount, long stagedCount, long elapsedMs);

    [LoggerMessage(Level = LogLevel.Error, Message = "Import {ImportId} commit failed")]
    private static partial void LogCommitFailed(ILogger logger, Exception exception, int importId);
}
