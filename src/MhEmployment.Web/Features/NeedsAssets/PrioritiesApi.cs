using System.Globalization;
using System.Security.Claims;
using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Accounts;
using MhEmployment.Web.Features.Assets;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MhEmployment.Web.Features.NeedsAssets;

/// <summary>
/// A priority to record, or the whole of one to replace. Domain is the checklist domain's number; item a checklist key
/// of that domain (or none); action, timescale and status kebab-case words; assets ids of assets serving the area;
/// indicators catalogue keys; reviewDate a date such as 2026-09-30.
/// </summary>
public sealed record PriorityRequest(
    int? Domain, string? Item, string? Action, string? Description, string? Owner, string? Timescale, string? Status, string? ReviewDate,
    List<int>? Assets, List<string>? Indicators)
{
    public PriorityDraft ToDraft() => new()
    {
        Domain = Domain?.ToString(CultureInfo.InvariantCulture), Item = Item, Action = Action, Description = Description, Owner = Owner,
        Timescale = Timescale, Status = Status, ReviewDate = ReviewDate,
        Assets = [.. (Assets ?? []).Select(a => a.ToString(CultureInfo.InvariantCulture))], Indicators = Indicators ?? [],
    };
}

public sealed record PriorityChangeResponse(DateTime ChangedUtc, string ChangedBy, string Summary);

public sealed record PriorityResponse(
    int Id, string Area, int Domain, string DomainName, string? Item, string? ItemText, string Action, string Description, string Owner,
    string Timescale, string Status, DateOnly? ReviewDate, bool ReviewOverdue, IReadOnlyList<int> Assets, IReadOnlyList<string> Indicators,
    DateTime CreatedUtc, string CreatedBy, DateTime UpdatedUtc, string UpdatedBy, IReadOnlyList<PriorityChangeResponse> History);

public sealed record PriorityListResponse(string Code, string Name, int ReviewsOverdue, IReadOnlyList<PriorityResponse> Priorities);

public static class PrioritiesApi
{
    public static RouteGroupBuilder MapPrioritiesApi(this RouteGroupBuilder api)
    {
        api.MapGet("/areas/{code}/priorities", ListAsync).WithTags("Priorities")
            .WithSummary("The priorities and next steps recorded for an area, with their history and whether each review is overdue.");
        api.MapPost("/areas/{code}/priorities", CreateAsync).WithTags("Priorities").RequireAuthorization(Policies.ApiDecide)
            .WithSummary("Records a priority for an area (Officers).")
            .WithDescription("domain: the checklist domain's number; item: a checklist item's key in that domain (optional); action: " +
                $"{PriorityText.KeyList(PriorityText.Actions)}; timescale: {PriorityText.KeyList(PriorityText.Timescales)}; status: " +
                $"{PriorityText.KeyList(PriorityText.Statuses)}; reviewDate: yyyy-MM-dd (optional); assets: ids of assets serving the area; " +
                "indicators: catalogue keys.")
            .ProducesValidationProblem();
        api.MapGet("/priorities/{id:int}", GetAsync).WithTags("Priorities").WithSummary("One priority with its history.");
        api.MapPut("/priorities/{id:int}", UpdateAsync).WithTags("Priorities").RequireAuthorization(Policies.ApiDecide)
            .WithSummary("Replaces a priority's values (Officers); the change is kept in its history.").ProducesValidationProblem();
        return api;
    }

    private static async Task<Results<Ok<PriorityListResponse>, ProblemHttpResult>> ListAsync(PriorityService service, string code, CancellationToken cancellationToken)
    {
        var area = await service.AreaAsync(code, cancellationToken);
        if (area is null)
        {
            return AreaNotFound(code);
        }
        var priorities = await service.ListAsync(area.Code, cancellationToken);
        var responses = await ResponsesAsync(service, priorities, cancellationToken);
        return TypedResults.Ok(new PriorityListResponse(area.Code, area.Name, responses.Count(r => r.ReviewOverdue), responses));
    }

    private static async Task<Results<Ok<PriorityResponse>, ProblemHttpResult>> GetAsync(PriorityService service, int id, CancellationToken cancellationToken)
    {
        var priority = await service.FindAsync(id, cancellationToken);
        return priority is null ? NotFound(id) : TypedResults.Ok((await ResponsesAsync(service, [priority], cancellationToken))[0]);
    }

    private static async Task<Results<Created<PriorityResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        PriorityService service, string code, PriorityRequest request, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var result = await service.CreateAsync(code, request.ToDraft(), user.Identity!.Name!, cancellationToken);
        if (result.NotFound)
        {
            return AreaNotFound(code);
        }
        return result.Succeeded
            ? TypedResults.Created($"/api/v1/priorities/{result.Priority!.Id}", (await ResponsesAsync(service, [result.Priority], cancellationToken))[0])
            : Invalid(result.Errors);
    }

    private static async Task<Results<Ok<PriorityResponse>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        PriorityService service, int id, PriorityRequest request, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var result = await service.UpdateAsync(id, request.ToDraft(), user.Identity!.Name!, cancellationToken);
        if (result.NotFound)
        {
            return NotFound(id);
        }
        return result.Succeeded ? TypedResults.Ok((await ResponsesAsync(service, [result.Priority!], cancellationToken))[0]) : Invalid(result.Errors);
    }

    private static async Task<List<PriorityResponse>> ResponsesAsync(PriorityService service, IReadOnlyList<Priority> priorities, CancellationToken cancellationToken)
    {
        var labels = await service.LabelsAsync(priorities, cancellationToken);
        var histories = await service.HistoriesAsync([.. priorities.Select(p => p.Id)], cancellationToken);
        var today = service.Today;
        return
        [
            .. priorities.Select(p =>
            {
                var domain = labels.Domains[p.DomainId];
                var item = p.ItemId is { } itemId ? labels.Items[itemId] : null;
                return new PriorityResponse(p.Id, p.AreaCode, domain.Number, domain.Name, item?.Key, item?.Text, PriorityText.Key(p.Action),
                    p.Description, p.Owner, PriorityText.Key(p.Timescale), PriorityText.Key(p.Status), p.ReviewDate,
                    PriorityRules.IsOverdue(p.Status, p.ReviewDate, today),
                    [.. p.Assets.Select(a => a.AssetId).Order()],
                    [.. p.Indicators.Select(i => labels.Indicators[i.IndicatorId].Key).Order(StringComparer.Ordinal)],
                    p.CreatedUtc, p.CreatedBy, p.UpdatedUtc, p.UpdatedBy,
                    [.. histories[p.Id].Select(h => new PriorityChangeResponse(h.ChangedUtc, h.ChangedBy, h.Summary))]);
            }),
        ];
    }

    private static ValidationProblem Invalid(IReadOnlyList<FieldError> errors) =>
        TypedResults.ValidationProblem(errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
            title: "The priority is not valid.");

    private static ProblemHttpResult AreaNotFound(string code) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No priorities for that area",
            detail: $"'{code}' is not a current local authority, region, ICB or sub-ICB location. Area codes are ONS GSS codes such as E09000012 (Hackney).");

    private static ProblemHttpResult NotFound(int id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Priority not found",
            detail: $"There is no priority {id}. GET /api/v1/areas/{{code}}/priorities lists an area's.");
}
