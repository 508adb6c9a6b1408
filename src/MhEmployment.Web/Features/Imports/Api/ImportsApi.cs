using System.Text.Json;
using MhEmployment.Web.Data;
using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Accounts;
using MhEmployment.Web.Features.Imports.Parsing;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace MhEmployment.Web.Features.Imports.Api;

public sealed record ImportIssueResponse(long Line, string? Column, string? Value, string Rule, string Severity, string Message);

public sealed record ImportSeriesResponse(string Key, string Name, long Rows, string Resolution, string? IndicatorKey);

/// <summary>A warning about many rows at once (suppressed values, skipped providers, an area's old code): what and how many rows.</summary>
public sealed record ImportNoteResponse(string Rule, long Rows, string Message);

/// <summary>
/// An import as the API shows it. <c>warningCount</c> counts the row warnings (the first are in <c>firstWarnings</c>)
/// and the rows of the notes about many rows at once (<c>notes</c>).
/// </summary>
public sealed record ImportResponse(
    int Id, string FileName, string? SourceUrl, string Status, double Progress, string? Format, long RowCount, long ErrorCount, long WarningCount,
    long NewCount, long ChangedCount, long UnchangedCount, string? Message, string Sha256, DateTime CreatedUtc, string? CreatedBy,
    DateTime? CommittedUtc, DateTime? UndoneUtc, IReadOnlyList<ImportSeriesResponse> Series, IReadOnlyList<ImportIssueResponse> FirstErrors,
    IReadOnlyList<ImportIssueResponse> FirstWarnings, IReadOnlyList<ImportNoteResponse> Notes)
{
    public static ImportResponse From(Import i, ImportSummary? summary, IEnumerable<ParseIssue> errors, IEnumerable<ParseIssue> warnings) => new(
        i.Id, i.FileName, i.SourceUrl, i.Status.ToString().ToLowerInvariant(), i.Progress, i.Format, i.RowCount, i.ErrorCount, i.WarningCount,
        i.NewCount, i.ChangedCount, i.UnchangedCount, i.Message, i.Sha256, i.CreatedUtc, i.CreatedBy, i.CommittedUtc, i.UndoneUtc,
        [.. (summary?.Series ?? []).Select(s => new ImportSeriesResponse(s.Key, s.Name, s.Rows, s.Resolution.ToString(), s.IndicatorKey))],
        [.. errors.Select(Issue)], [.. warnings.Select(Issue)],
        [.. (summary?.Notes ?? []).Select(n => new ImportNoteResponse(n.Rule, n.Rows, n.Message))]);

    private static ImportIssueResponse Issue(ParseIssue x) =>
        new(x.LineNumber, x.Column, x.Value, x.Rule, x.Severity == IssueSeverity.Error ? "error" : "warning", x.Message);
}

/// <summary>The upload's form, as the API documents it (the handler reads it as a stream: see <see cref="StreamedUpload"/>).</summary>
public sealed record UploadForm(IFormFile File, string? Format, string? Mapping, bool? Commit, bool? ConfirmNewIndicators);

/// <summary>A commit's options: the analyst confirms the indicators the file adds to the catalogue (needed for more than a few).</summary>
public sealed record CommitRequest(bool ConfirmNewIndicators);

public static class ImportsApi
{
    public const int ApiIssueLimit = 100;

    public static RouteGroupBuilder MapImportsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/imports").WithTags("Imports").RequireAuthorization(Policies.ApiAnalyse);
        // Tokens, not cookies, open the API, so a form post here cannot be forged from another site.
        group.MapPost("/", UploadAsync).DisableAntiforgery().Accepts<UploadForm>("multipart/form-data")
            .WithSummary("Uploads a CSV (multipart field 'file'; optional 'format', 'mapping' JSON, 'commit' = true to commit it as soon as it is found valid, without a preview, and 'confirmNewIndicators' = true to let that commit add more than a few indicators to the catalogue). Validation runs in the background. 507 when the disk holding uploads is full (nothing is kept).");
        group.MapGet("/{id:int}", GetAsync).WithSummary("An import's status, progress (of validation or commit), counts, series, first errors and warnings, and notes about many rows.");
        // The body is read by hand: declared, it would make routing answer 415 to other bodies before authorisation.
        group.MapPost("/{id:int}/commit", CommitAsync)
            .WithSummary($"Commits a validated import: all or nothing, in the background. A file adding more than {NewIndicatorLimits.WithoutConfirmation} indicators to the catalogue needs confirmNewIndicators = true, as the JSON body {{\"confirmNewIndicators\": true}} or a form field.");
        group.MapPost("/{id:int}/undo", UndoAsync).WithSummary("Undoes a committed import, restoring exactly the values it replaced.");
        return api;
    }

    private static async Task<Results<Accepted<ImportResponse>, ProblemHttpResult>> UploadAsync(
        HttpRequest request, ImportUploads uploads, HttpContext http, CancellationToken cancellationToken)
    {
        StreamedUpload? upload;
        string? problem;
        try
        {
            (upload, problem) = await StreamedUpload.ReadAsync(request, uploads, cancellationToken);
        }
        catch (ImportStorageFullException full)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status507InsufficientStorage, title: "No room to store the file", detail: full.Message);
        }
        if (upload is null)
        {
            return TypedResults.Problem(statusCode: 400, title: "The upload cannot be read", detail: problem);
        }
        if (upload.TooLarge)
        {
            return TypedResults.Problem(statusCode: 400, title: "The file cannot be imported", detail: uploads.TooLarge(upload.FileName!));
        }
        if (upload.File is not { } file)
        {
            return TypedResults.Problem(statusCode: 400, title: "No file", detail: "Send the CSV as the multipart form field 'file'.");
        }
        var result = await uploads.RegisterAsync(file, upload.FileName!, upload.Format, upload.Mapping, http.User.Identity?.Name, validateInBackground: true, cancellationToken,
            commitWhenValid: upload.Commit, confirmNewIndicators: upload.ConfirmNewIndicators);
        if (result.Import is not { } import)
        {
            return TypedResults.Problem(statusCode: 400, title: "The file cannot be imported", detail: result.Refusal);
        }
        return TypedResults.Accepted($"/api/v1/imports/{import.Id}", ImportResponse.From(import, null, [], []));
    }

    private static async Task<Results<Ok<ImportResponse>, ProblemHttpResult>> GetAsync(
        int id, AppDbContext db, ImportProgressBoard board, ImportStorage storage, CancellationToken cancellationToken)
    {
        var import = await board.ReadAsync(db, id, cancellationToken);
        if (import is null)
        {
            return NotFound(id);
        }
        var checkedOnce = import.ValidationComplete || import.Status == ImportStatus.Failed;
        return TypedResults.Ok(ImportResponse.From(import, ImportSummary.Of(import),
            checkedOnce ? storage.FirstIssues(id, ApiIssueLimit, IssueSeverity.Error) : [],
            checkedOnce ? storage.FirstIssues(id, ApiIssueLimit, IssueSeverity.Warning) : []));
    }

    private static async Task<Results<Accepted, ProblemHttpResult>> CommitAsync(int id, ImportCommits commits, HttpContext http, CancellationToken cancellationToken)
    {
        var (confirmed, problem) = await ConfirmationAsync(http.Request, cancellationToken);
        if (problem is not null)
        {
            return TypedResults.Problem(statusCode: 400, title: "The commit's options cannot be read", detail: problem);
        }
        var result = await commits.RequestCommitAsync(id, http.User.Identity?.Name, confirmed, cancellationToken);
        return result.Succeeded
            ? TypedResults.Accepted($"/api/v1/imports/{id}")
            : TypedResults.Problem(statusCode: result.ImportMissing ? 404 : 409, title: "Cannot commit", detail: result.Message);
    }

    private static async Task<Results<Ok<string>, ProblemHttpResult>> UndoAsync(int id, ImportUndo undo, HttpContext http, CancellationToken cancellationToken)
    {
        var result = await undo.UndoAsync(id, http.User.Identity?.Name, cancellationToken);
        return result.Succeeded
            ? TypedResults.Ok(result.Message)
            : TypedResults.Problem(statusCode: result.ImportMissing ? 404 : 409, title: "Cannot undo", detail: result.Message);
    }

    /// <summary>The commit's confirmNewIndicators, from a JSON body or a form field (no body: false), or what is wrong with it.</summary>
    private static async Task<(bool Confirmed, string? Problem)> ConfirmationAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        const string Field = "confirmNewIndicators";
        if (request.HasFormContentType)
        {
            var value = (await request.ReadFormAsync(cancellationToken))[Field].ToString();
            if (value.Length == 0)
            {
                return (false, null);
            }
            return bool.TryParse(value, out var confirmed) ? (confirmed, null) : (false, $"The form field '{Field}' is '{value}'; it should be true or false.");
        }
        if (request.ContentLength is 0 || (request.ContentLength is null && request.ContentType is null))
        {
            return (false, null);
        }
        if (!request.HasJsonContentType())
        {
            return (false, $"Send the options as JSON, such as {{\"{Field}\": true}}, or as form fields.");
        }
        try
        {
            var options = await request.ReadFromJsonAsync<CommitRequest>(cancellationToken);
            return (options?.ConfirmNewIndicators == true, null);
        }
        catch (JsonException ex)
        {
            return (false, $"The body is not the JSON the commit takes ({ex.Message}); send {{\"{Field}\": true}} or nothing.");
        }
    }

    private static ProblemHttpResult NotFound(int id) =>
        TypedResults.Problem(statusCode: 404, title: "Import not found", detail: $"There is no import #{id}.");
}
