using MhEmployment.Web.Data;
using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Audit;
using MhEmployment.Web.Features.Imports.Jobs;
using MhEmployment.Web.Features.Imports.Parsing;

namespace MhEmployment.Web.Features.Imports;

public sealed record UploadResult(Import? Import, string? Refusal);

/// <summary>An upload: the file stored and hashed, refused at once if it is not CSV text, recorded as an import, and its validation queued.</summary>
public sealed class ImportUploads(AppDbContext db, ImportStorage storage, ImportJobs queue, AuditLog audit, TimeProvider clock, ILogger<ImportUploads> logger)
{
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

    public string TooLarge(string fileName) => $"'{UploadFileNames.Clean(fileName)}' is larger than the limit of {MaxFileMegabytes} MB.";

    /// <summary>
    /// Records a file already received (the API streams a multipart upload straight into storage, whose fields may come
    /// after the file) as an import, or refuses it and deletes it. <paramref name="commitWhenValid"/>: no preview, the
    /// file is committed if it is found valid (see <see cref="OnePassCommit.ValidateAndCommitNowAsync"/>), with the
    /// indicators it adds if <paramref name="confirmNewIndicators"/>. <paramref name="sourceUrl"/>: where a refresh fetched the file from.
    /// </summary>
    public async Task<UploadResult> RegisterAsync(ReceivedFile file, string fileName, string? format, string? mappingJson, string? user,
        bool validateInBackground, CancellationToken cancellationToken, bool commitWhenValid = false, bool confirmNewIndicators = false, string? sourceUrl = null)
    {
        fileName = UploadFileNames.Clean(fileName);
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
            FileName = fileName,
            SourceUrl = sourceUrl,
            Sha256 = file.Sha256,
            FileSize = file.Bytes,
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
            CreatedBy = user,
            Status = ImportStatus.Validating,
            RequestedFormat = string.IsNullOrWhiteSpace(format) ? null : Enum.Parse<ImportFormat>(format, ignoreCase: true).ToString(),
            MappingJson = string.IsNullOrWhiteSpace(mappingJson) ? null : mappingJson,
            CommitWhenValid = commitWhenValid,
        };
        db.Imports.Add(import);
        // Held by this instance until the file is in place, so that no other instance's worker starts on it before.
        queue.Hold(import, commitWhenValid ? ImportJobKind.ValidateAndCommit : ImportJobKind.Validate, user, confirmNewIndicators);
        await db.SaveChangesAsync(cancellationToken);
        storage.Keep(file.Path, import.Id);
        await audit.WriteAsync(AuditActions.ImportUploaded, $"#{import.Id} {import.FileName}", $"{file.Bytes:N0} bytes, SHA-256 {file.Sha256}{(sourceUrl is null ? "" : $", fetched from {sourceUrl}")}", actor: user,
            cancellationToken: cancellationToken);
        if (validateInBackground)
        {
            await queue.ReleaseAsync(import.Id, cancellationToken);
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
        return SeriesChoices.Parse(mappingJson).Refusal;
    }
}
