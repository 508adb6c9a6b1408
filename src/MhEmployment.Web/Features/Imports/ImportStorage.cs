using System.Security.Cryptography;
using MhEmployment.Web.Features.Imports.Parsing;

namespace MhEmployment.Web.Features.Imports;

/// <summary>Where uploads and their issue logs live on disk: one folder per import under Imports:StoragePath.</summary>
public sealed class ImportStorage(IConfiguration configuration, IHostEnvironment environment)
{
    public const long DefaultMaxFileBytes = 512L * 1024 * 1024;

    public long MaxFileBytes => configuration.GetValue("Imports:MaxFileBytes", DefaultMaxFileBytes);

    public string Root
    {
        get
        {
            var path = configuration["Imports:StoragePath"] is { Length: > 0 } configured ? configured : "App_Data/imports";
            return Path.IsPathRooted(path) ? path : Path.Combine(environment.ContentRootPath, path);
        }
    }

    public string FolderFor(int importId) => Path.Combine(Root, importId.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public string FileFor(int importId) => Path.Combine(FolderFor(importId), "upload.csv");

    public string IssuesFor(int importId) => Path.Combine(FolderFor(importId), "issues.csv");

    /// <summary>The first issues of an import (in file order; of one <paramref name="severity"/>, or all), for the preview and the API.</summary>
    public List<ParseIssue> FirstIssues(int importId, int limit = IssueLog.PreviewLimit, IssueSeverity? severity = null) =>
        IssueLog.ReadFirst(IssuesFor(importId), limit, severity);

    /// <summary>
    /// Copies an upload to a temporary file, hashing it on the way; null when it is over the size limit. Nothing is left
    /// behind when it is refused, the upload breaks off or the disk is full (<see cref="ImportStorageFullException"/>).
    /// </summary>
    public async Task<ReceivedFile?> ReceiveAsync(Stream upload, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Root);
        var temporary = Path.Combine(Root, $"incoming-{Guid.NewGuid():N}.tmp");
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        long total = 0;
        try
        {
            await using (var file = File.Create(temporary))
            {
                int read;
                while ((read = await upload.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    total += read;
                    if (total > MaxFileBytes)
                    {
                        file.Close();
                        File.Delete(temporary);
                        return null;
                    }
                    hash.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }
            }
        }
        catch (IOException ex) when (IsDiskFull(ex))
        {
            File.Delete(temporary);
            throw new ImportStorageFullException(ex);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
        return new ReceivedFile(temporary, Convert.ToHexStringLower(hash.GetHashAndReset()), total);
    }

    /// <summary>ENOSPC or EDQUOT on Linux (.NET's HResult is the errno there); ERROR_DISK_FULL or ERROR_HANDLE_DISK_FULL on Windows.</summary>
    public static bool IsDiskFull(IOException exception) =>
        exception.HResult is 28 or 122 or unchecked((int)0x80070070) or unchecked((int)0x80070027);

    public void Keep(string temporary, int importId)
    {
        Directory.CreateDirectory(FolderFor(importId));
        File.Move(temporary, FileFor(importId), overwrite: true);
    }
}

/// <summary>
/// The disk holding Imports:StoragePath is full (or the user's quota on it is used up): the upload was not kept.
/// Not an IOException, so that it is not taken for an upload that broke off.
/// </summary>
public sealed class ImportStorageFullException(IOException inner)
    : Exception("There is no room left on the disk where uploads are kept, so the file was not stored and nothing was imported. " +
        "Ask an administrator to free space there (Imports:StoragePath), then upload the file again.", inner);

/// <summary>An upload copied into storage: where it is, its SHA-256 and its size.</summary>
public sealed record ReceivedFile(string Path, string Sha256, long Bytes);
