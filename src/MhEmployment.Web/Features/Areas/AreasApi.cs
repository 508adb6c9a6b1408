using MhEmployment.Web.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MhEmployment.Web.Features.Areas;

public sealed record AreaResponse(
    string Code, string Name, AreaKind Kind, string? RegionCode, string? ParentCode, string? OdsCode,
    DateOnly? ValidFrom, DateOnly? ValidTo, IReadOnlyList<string> SuccessorCodes)
{
    public static AreaResponse From(AreaSummary a) =>
        new(a.Code, a.Name, a.Kind, a.RegionCode, a.ParentCode, a.OdsCode, a.ValidFrom, a.ValidTo, a.SuccessorCodes);
}

public sealed record RelatedAreaResponse(string Code, string Name, AreaKind Kind, DateOnly? ValidTo, DateOnly? EffectiveFrom);

public sealed record AreaDetailsResponse(
    string Code, string Name, AreaKind Kind, string? RegionCode, string? ParentCode, string? OdsCode,
    DateOnly? ValidFrom, DateOnly? ValidTo, IReadOnlyList<string> SuccessorCodes,
    IReadOnlyList<RelatedAreaResponse> Successors, IReadOnlyList<RelatedAreaResponse> Predecessors);

public static class AreasApi
{
    public static RouteGroupBuilder MapAreasApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/areas").WithTags("Areas");
        group.MapGet("/", ListAsync)
            .WithSummary("Areas in effect today, or all areas with includeHistorical=true.")
            .ProducesValidationProblem();
        group.MapGet("/{code}", GetAsync)
            .WithSummary("One area by GSS code, with its successors and predecessors.");
        return api;
    }

    private static async Task<Results<Ok<List<AreaResponse>>, ValidationProblem>> ListAsync(
        AreaDirectory directory, string? kind, string? region, string? includeHistorical, string? q, CancellationToken cancellationToken)
    {
        var (filter, errors) = AreaFilter.Parse(kind, region, includeHistorical, q);
        if (filter is null)
        {
            return TypedResults.ValidationProblem(errors, title: "The area filter is not valid.");
        }
        var areas = await directory.ListAsync(filter, cancellationToken);
        return TypedResults.Ok(areas.Select(AreaResponse.From).ToList());
    }

    private static async Task<Results<Ok<AreaDetailsResponse>, ProblemHttpResult>> GetAsync(
        AreaDirectory directory, string code, CancellationToken cancellationToken)
    {
        var details = await directory.FindAsync(code, cancellationToken);
        if (details is null)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "Area not found",
                detail: $"No area has the code '{code}'. Area codes are ONS GSS codes such as E09000012 (Hackney).");
        }
        var a = details.Area;
        return TypedResults.Ok(new AreaDetailsResponse(
            a.Code, a.Name, a.Kind, a.RegionCode, a.ParentCode, a.OdsCode, a.ValidFrom, a.ValidTo, a.SuccessorCodes,
            [.. details.Successors.Select(ToRelated)], [.. details.Predecessors.Select(ToRelated)]));
    }

    private static RelatedAreaResponse ToRelated(AreaLink link) => new(link.Code, link.Name, link.Kind, link.ValidTo, link.Effective);
}
