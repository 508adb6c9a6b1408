using System.Security.Claims;
using MhEmployment.Web.Features.Accounts;
using MhEmployment.Web.Infrastructure;

namespace MhEmployment.Web.Features.Exports;

public static class SummaryApi
{
    public static RouteGroupBuilder MapSummaryApi(this RouteGroupBuilder api)
    {
        const string description =
            "The format is the extension (.json, .docx, .xlsx, .csv, .pdf) or, without one, the Accept header (JSON by default). " +
            "benchmark: an area code (default E92000001, England) or codes separated by commas for a pooled group; scheme: a weighting " +
            "scheme's name (default 'Default'); sections: keys separated by commas (default all: headlines, narrative, spine-chart, " +
            "key-charts, red-red, assets, rag-analysis, gaps, priorities); indicators: catalogue keys separated by commas (default all). " +
            "PDF needs LibreOffice on the server: without it the answer is 503 and says what to install. Officers and Admins; each export is audited.";
        api.MapGet("/areas/{code}/summary", (HttpContext http, NeedsSummaryBuilder builder, SummaryFiles files, ClaimsPrincipal user, string code,
                string? benchmark, string? scheme, string? sections, string? indicators, CancellationToken cancellationToken) =>
                GetAsync(http, builder, files, user, code, null, benchmark, scheme, sections, indicators, cancellationToken))
            .WithTags("Exports").RequireAuthorization(Policies.ApiDecide)
            .WithSummary("An area's needs summary: headline indicators, narrative, charts, red-red list, coverage, RAG analysis, gaps, priorities, sources.")
            .WithDescription(description)
            .Produces<NeedsSummary>(StatusCodes.Status200OK, "application/json")
            .Produces<byte[]>(StatusCodes.Status200OK, ExportFormats.DocxType, ExportFormats.XlsxType, "text/csv", ExportFormats.PdfType)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status406NotAcceptable)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        api.MapGet("/areas/{code}/summary.{format}", GetAsync)
            .WithTags("Exports").RequireAuthorization(Policies.ApiDecide)
            .WithSummary("An area's needs summary in the format its extension names: json, docx, xlsx, csv or pdf.")
            .WithDescription(description)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return api;
    }

    private static async Task<IResult> GetAsync(
        HttpContext http, NeedsSummaryBuilder builder, SummaryFiles files, ClaimsPrincipal user, string code, string? format,
        string? benchmark, string? scheme, string? sections, string? indicators, CancellationToken cancellationToken)
    {
        ExportFormat chosen;
        if (format is not null)
        {
            if (ExportFormats.FromExtension(format) is not { } named)
            {
                return TypedResults.Problem($"'.{format}' is not a format of the summary: use .json, .docx, .xlsx, .csv or .pdf.",
                    statusCode: StatusCodes.Status404NotFound, title: "No such format.");
            }
            chosen = named;
        }
        else if (ExportFormats.FromAccept(http.Request.GetTypedHeaders().Accept) is { } accepted)
        {
            chosen = accepted;
        }
        else
        {
            return TypedResults.Problem("The Accept header names no format the summary comes in: application/json, "
                + $"{ExportFormats.DocxType}, {ExportFormats.XlsxType}, text/csv or {ExportFormats.PdfType}.",
                statusCode: StatusCodes.Status406NotAcceptable, title: "Not acceptable.");
        }
        var problems = new List<string>();
        var request = new SummaryRequest(benchmark, scheme, SummarySections.Parse(sections is null ? [] : [sections], problems), Split(indicators));
        var result = await builder.ForAreaAsync(code, request, user.Identity?.Name, cancellationToken);
        if (result is null)
        {
            return TypedResults.Problem($"No area has the code '{code}'.", statusCode: StatusCodes.Status404NotFound, title: "Area not found.");
        }
        problems.AddRange(result.Problems);
        if (problems.Count > 0)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["query"] = [.. problems] }, title: "The summary query is not valid.");
        }
        if (chosen == ExportFormat.Pdf && !files.PdfAvailable)
        {
            return TypedResults.Problem(files.PdfInstallHint, statusCode: StatusCodes.Status503ServiceUnavailable, title: "PDF is not available on this server.");
        }
        ExportFile file;
        try
        {
            file = await files.ExportAsync(result.Summary, chosen, cancellationToken);
        }
        catch (PdfConversionException e)
        {
            return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status503ServiceUnavailable, title: "The PDF could not be made; the other formats work.");
        }
        if (chosen != ExportFormat.Json)
        {
            http.Response.Headers.ContentDisposition = DownloadName.ContentDisposition(file.FileName);
        }
        return TypedResults.Bytes(file.Content, file.ContentType);
    }

    private static List<string> Split(string? list) =>
        [.. (list ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
