using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace MhEmployment.Web.Features.Imports.Api;

/// <summary>
/// The API's multipart upload, read section by section: the file part goes straight into storage, hashed on the way,
/// instead of being buffered to a temporary file by the form reader and then copied again (two writes of up to the
/// size limit). The small 'format', 'mapping', 'commit' and 'confirmNewIndicators' fields may come before or after it.
/// </summary>
public sealed record StreamedUpload(ReceivedFile? File, string? FileName, string? Format, string? Mapping, bool Commit, bool ConfirmNewIndicators, bool TooLarge)
{
    private const int FieldLimit = 64 * 1024;

    /// <summary>The upload, or a problem in words (not multipart, broken off, a field too long).</summary>
    public static async Task<(StreamedUpload? Upload, string? Problem)> ReadAsync(HttpRequest request, ImportUploads uploads, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value is not { Length: > 0 } boundary)
        {
            return (null, "Send the CSV as the multipart/form-data field 'file'.");
        }
        var reader = new MultipartReader(boundary, request.Body);
        ReceivedFile? file = null;
        string? fileName = null, format = null, mapping = null, commit = null, confirm = null;
        var tooLarge = false;
        try
        {
            while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition))
                {
                    continue;
                }
                var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value;
                if (disposition.IsFileDisposition() && name == "file" && file is null && !tooLarge)
                {
                    fileName = UploadFileNames.Clean(HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value);
                    file = await uploads.ReceiveAsync(section.Body, cancellationToken);
                    tooLarge = file is null;
                }
                else if (name is "format" or "mapping" or "commit" or "confirmNewIndicators" && !disposition.IsFileDisposition())
                {
                    var value = await ReadFieldAsync(section.Body, cancellationToken);
                    if (value is null)
                    {
                        Discard(file);
                        return (null, $"The form field '{name}' is longer than {FieldLimit / 1024} KB.");
                    }
                    switch (name)
                    {
                        case "format":
                            format = value;
                            break;
                        case "mapping":
                            mapping = value;
                            break;
                        case "commit":
                            commit = value;
                            break;
                        default:
                            confirm = value;
                            break;
                    }
                }
                // Anything else, and the rest of a file over the limit, is read past and dropped by the reader.
            }
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException)
        {
            Discard(file);
            // Kestrel's own body limit (the file limit plus room for the form) ends the read with a 413 of its own.
            return (null, ex is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }
                ? fileName is null ? $"The upload is larger than the limit of {uploads.MaxFileMegabytes} MB." : uploads.TooLarge(fileName)
                : "The upload broke off or is not a well-formed multipart form; nothing was kept. Send it again.");
        }
        var commitWhenValid = false;
        if (commit is not null && !bool.TryParse(commit, out commitWhenValid))
        {
            Discard(file);
            return (null, $"The form field 'commit' is '{commit}'; it should be true (commit as soon as the file is found valid) or false.");
        }
        var confirmNewIndicators = false;
        if (confirm is not null && !bool.TryParse(confirm, out confirmNewIndicators))
        {
            Discard(file);
            return (null, $"The form field 'confirmNewIndicators' is '{confirm}'; it should be true (add the indicators the file brings to the catalogue) or false.");
        }
        return (new StreamedUpload(file, fileName, format, mapping, commitWhenValid, confirmNewIndicators, tooLarge), null);
    }

    private static async Task<string?> ReadFieldAsync(Stream body, CancellationToken cancellationToken)
    {
        using var text = new StreamReader(body, Encoding.UTF8);
        var buffer = new char[FieldLimit + 1];
        var length = await text.ReadBlockAsync(buffer, cancellationToken);
        return length > FieldLimit ? null : new string(buffer, 0, length);
    }

    private static void Discard(ReceivedFile? file)
    {
        if (file is not null)
        {
            System.IO.File.Delete(file.Path);
        }
    }
}
