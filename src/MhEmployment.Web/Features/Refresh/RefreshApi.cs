using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MhEmployment.Web.Features.Refresh;

public sealed record RefreshItemResponse(
    string IndicatorKey, string IndicatorName, string Status, string? SourceUrl, long? Bytes, int? ImportId, string? ImportUrl, string? Message);

/// <summary>A refresh as the API shows it: its state, and what became of each indicator (with its import, to preview and commit).</summary>
public sealed record RefreshRunResponse(
    int Id, string? IndicatorKey, string Trigger, string RequestedBy, bool CommitWhenClean, string Status, string Progress, int Done, int Total,
    DateTime CreatedUtc, DateTime? StartedUtc, DateTime? FinishedUtc, string? Error, IReadOnlyList<RefreshItemResponse> Items)
{
    public static RefreshRunResponse From(RefreshRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return new(run.Id, run.IndicatorKey, Lower(run.Trigger), run.RequestedBy, run.CommitWhenClean, Lower(run.Status), RefreshText.Progress(run),
            RefreshText.Done(run), run.Items.Count, run.CreatedUtc, run.StartedUtc, run.FinishedUtc, run.Error,
            [.. run.Items.OrderBy(i => i.Id).Select(i => new RefreshItemResponse(i.IndicatorKey, i.IndicatorName, Lower(i.Status), i.SourceUrl, i.Bytes,
                i.ImportId, i.ImportId is { } id ? $"/api/v1/imports/{id}" : null, i.Message))]);
    }

    private static string Lower<T>(T value) where T : struct, Enum => value.ToString().ToLowerInvariant();
}

public static class RefreshApi
{
    public const int RecentRuns = 20;

    public static RouteGroupBuilder MapRefreshApi(this RouteGroupBuilder api)
    {
        // Tokens, not cookies, open the API, so a post here cannot be forged from another site.
        api.MapPost("/indicators/{key}/refresh", RefreshIndicatorAsync).WithTags("Refresh").RequireAuthorization(Policies.ApiAnalyse).DisableAntiforgery()
            .WithSummary("Fetches the indicator from its source (Fingertips or NOMIS) in the background, into an import to preview and commit. commit=true commits the file if it is valid (and holds it for an analyst if not).");
        var group = api.MapGroup("/refresh").WithTags("Refresh").RequireAuthorization(Policies.ApiAnalyse);
        group.MapPost("/", RefreshAllAsync).DisableAntiforgery()
            .WithSummary("Fetches every indicator that has a source, in the background, each into an import. commit=true commits each valid file and holds the rest for an analyst.");
        group.MapGet("/", RecentAsync).WithSummary($"The latest {RecentRuns} refreshes, newest first.");
        group.MapGet("/{id:int}", GetAsync).WithSummary("A refresh's progress and what became of each indicator, with its import.");
        return api;
    }

    private static Task<Results<Accepted<RefreshRunResponse>, ProblemHttpResult>> RefreshIndicatorAsync(
        string key, bool? commit, RefreshRequests requests, HttpContext http, CancellationToken cancellationToken) =>
        RequestAsync(key, commit, requests, http, cancellationToken);

    private static Task<Results<Accepted<RefreshRunResponse>, ProblemHttpResult>> RefreshAllAsync(
        bool? commit, RefreshRequests requests, HttpContext http, CancellationToken cancellationToken) =>
        RequestAsync(null, commit, requests, http, cancellationToken);

    private static async Task<Results<Accepted<RefreshRunResponse>, ProblemHttpResult>> RequestAsync(
        string? key, bool? commit, RefreshRequests requests, HttpContext http, CancellationToken cancellationToken)
    {
        var result = await requests.RequestAsync(key, RefreshTrigger.Api, http.User.Identity?.Name ?? "API", commit == true, cancellationToken);
        if (result.Run is not { } run)
        {
            return TypedResults.Problem(statusCode: result.NotFound ? 404 : 400, title: result.NotFound ? "Indicator not found" : "Nothing to refresh", detail: result.Refusal);
        }
        return TypedResults.Accepted($"/api/v1/refresh/{run.Id}", RefreshRunResponse.From(run));
    }

    private static async Task<Ok<List<RefreshRunResponse>>> RecentAsync(RefreshRequests requests, CancellationToken cancellationToken) =>
        TypedResults.Ok((await requests.RecentAsync(RecentRuns, cancellationToken)).Select(RefreshRunResponse.From).ToList());

    private static async Task<Results<Ok<RefreshRunResponse>, ProblemHttpResult>> GetAsync(int id, RefreshRequests requests, CancellationToken cancellationToken) =>
        await requests.FindAsync(id, cancellationToken) is { } run
            ? TypedResults.Ok(RefreshRunResponse.From(run))
            : TypedResults.Problem(statusCode: 404, title: "Refresh not found", detail: $"There is no refresh #{id}.");
}
