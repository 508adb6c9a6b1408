using System.Security.Claims;
using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Accounts;
using MhEmployment.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MhEmployment.Web.Features.Assets;

public sealed record AssetSummaryResponse(
    int Id, string Name, string Provider, string Sector, int? Rating, DateTime? RatedUtc, DateOnly? FundingEnd,
    IReadOnlyList<string> Items, IReadOnlyList<string> Areas);

public sealed record AssetListResponse(int Total, int Page, int PageSize, IReadOnlyList<AssetSummaryResponse> Assets);

public sealed record AssetChangeResponse(DateTime OccurredUtc, string Actor, string Kind, string Summary, int? Rating, string? Rationale);

public sealed record AssetResponse(
    int Id, string Name, string? Description, string Provider, string Sector, IReadOnlyList<string> Items, IReadOnlyList<string> Areas,
    string? TargetGroup, string? Eligibility, int? CapacityPerYear, int? DemandPerYear, int? WaitingList,
    string? FundingSource, decimal? FundingAmount, DateOnly? FundingStart, DateOnly? FundingEnd,
    string? Commissioner, string? Contact, string? Website, string? Postcode,
    int? Rating, string? RatingRationale, string? RatedBy, DateTime? RatedUtc,
    DateTime CreatedUtc, string CreatedBy, DateTime UpdatedUtc, string UpdatedBy, IReadOnlyList<AssetChangeResponse> History);

/// <summary>An asset to add or the whole of an asset to replace. Items are checklist keys; areas are GSS codes.</summary>
public sealed record AssetRequest(
    string? Name, string? Description, string? Provider, string? Sector, List<string>? Items, List<string>? Areas,
    string? TargetGroup, string? Eligibility, int? CapacityPerYear, int? DemandPerYear, int? WaitingList,
    string? FundingSource, decimal? FundingAmount, DateOnly? FundingStart, DateOnly? FundingEnd,
    string? Commissioner, string? Contact, string? Website, string? Postcode)
{
    public AssetDraft ToDraft() => new()
    {
        Name = Name, Description = Description, Provider = Provider, Sector = Sector, Items = Items ?? [], Areas = Areas ?? [],
        TargetGroup = TargetGroup, Eligibility = Eligibility, CapacityPerYear = Text(CapacityPerYear), DemandPerYear = Text(DemandPerYear),
        WaitingList = Text(WaitingList), FundingSource = FundingSource,
        FundingAmount = FundingAmount?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        FundingStart = FundingStart?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        FundingEnd = FundingEnd?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        Commissioner = Commissioner, Contact = Contact, Website = Website, Postcode = Postcode,
    };

    private static string? Text(int? value) => value?.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

public sealed record RatingRequest(int? Rating, string? Rationale);

public sealed record CoverageAssetResponse(int Id, string Name, string Provider, int? Rating, string ServedThrough, string ThroughArea, bool Partly, string NhsLinkBasis);

public sealed record CoverageItemResponse(
    string Key, string Number, string Text, bool Retired, IReadOnlyList<CoverageAssetResponse> Assets, int? BestRating,
    string Status, bool Gap, string? NextStep, string? AnalysisRating, DateOnly? AnalysisDate, string? AnalysisRationale);

public sealed record CoverageDomainResponse(int Number, string Name, int Items, int Covered, int Gaps, IReadOnlyList<CoverageItemResponse> ItemCoverage);

public sealed record CoverageResponse(
    string Code, string Name, IReadOnlyList<string> ServedThrough, IReadOnlyList<CoverageDomainResponse> Domains,
    DateOnly? LatestAnalysisDate, IReadOnlyList<string> Alerts);

public static class AssetsApi
{
    public static RouteGroupBuilder MapAssetsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/assets").WithTags("Assets");
        group.MapGet("/", ListAsync).WithSummary("The asset register, filtered (area, domain, item, rating, sector), 25 a page.").ProducesValidationProblem();
        group.MapGet("/{id:int}", GetAsync).WithSummary("One asset with its rating and history.");
        group.MapPost("/", CreateAsync).RequireAuthorization(Policies.ApiEditAssets).WithSummary("Adds an asset (Analysts, Officers).").ProducesValidationProblem();
        group.MapPut("/{id:int}", UpdateAsync).RequireAuthorization(Policies.ApiEditAssets).WithSummary("Replaces an asset's values (Analysts, Officers).").ProducesValidationProblem();
        group.MapPost("/{id:int}/rating", RateAsync).RequireAuthorization(Policies.ApiDecide).WithSummary("Rates an asset 1, 2 or 3 with a rationale (Officers).").ProducesValidationProblem();
        api.MapGet("/areas/{code}/coverage", CoverageAsync).WithTags("Assets").CacheOutput(DashboardOutputCache.ApiPolicy)
            .WithSummary("Per checklist item: the assets serving the area, their best rating, gap or not, and the latest RAG analysis rating.");
        return api;
    }

    private static async Task<Results<Ok<AssetListResponse>, ValidationProblem>> ListAsync(
        AssetRegister register, string? area, string? domain, string? item, string? rating, string? sector, string? fundingEnding,
        string? q, string? sort, string? page, CancellationToken cancellationToken)
    {
        var (filter, errors) = AssetFilter.Parse(area, domain, item, rating, sector, fundingEnding, q, sort, page);
        if (filter is null)
        {
            return TypedResults.ValidationProblem(errors, title: "The asset filter is not valid.");
        }
        var (result, problem, field) = await register.SearchAsync(filter, cancellationToken);
        if (result is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field!] = [problem!] }, title: "The asset filter is not valid.");
        }
        return TypedResults.Ok(new AssetListResponse(result.Total, result.Page, result.PageSize,
            [.. result.Rows.Select(r => new AssetSummaryResponse(r.Id, r.Name, r.Provider, AssetSectors.Code(r.Sector), r.Rating, r.RatedUtc, r.FundingEnd, r.ItemKeys, r.AreaCodes))]));
    }

    private static async Task<Results<Ok<AssetResponse>, ProblemHttpResult>> GetAsync(AssetService assets, int id, CancellationToken cancellationToken)
    {
        var asset = await assets.FindAsync(id, cancellationToken);
        return asset is null ? NotFound(id) : TypedResults.Ok(await ResponseAsync(assets, asset, cancellationToken));
    }

    private static async Task<Results<Created<AssetResponse>, ValidationProblem>> CreateAsync(
        AssetService assets, AssetRequest request, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var result = await assets.CreateAsync(request.ToDraft(), user.Identity!.Name!, cancellationToken);
        return result.Succeeded
            ? TypedResults.Created($"/api/v1/assets/{result.Asset!.Id}", await ResponseAsync(assets, result.Asset, cancellationToken))
            : Invalid(result.Errors);
    }

    private static async Task<Results<Ok<AssetResponse>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        AssetService assets, int id, AssetRequest request, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var result = await assets.UpdateAsync(id, request.ToDraft(), user.Identity!.Name!, cancellationToken);
        if (result.NotFound)
        {
            return NotFound(id);
        }
        return result.Succeeded ? TypedResults.Ok(await ResponseAsync(assets, result.Asset!, cancellationToken)) : Invalid(result.Errors);
    }

    private static async Task<Results<Ok<AssetResponse>, ValidationProblem, ProblemHttpResult>> RateAsync(
        AssetService assets, int id, RatingRequest request, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var result = await assets.RateAsync(id, request.Rating?.ToString(System.Globalization.CultureInfo.InvariantCulture), request.Rationale, user.Identity!.Name!, cancellationToken);
        if (result.NotFound)
        {
            return NotFound(id);
        }
        return result.Succeeded
            ? TypedResults.Ok(await ResponseAsync(assets, (await assets.FindAsync(id, cancellationToken))!, cancellationToken))
            : Invalid(result.Errors);
    }

    private static async Task<Results<Ok<CoverageResponse>, ProblemHttpResult>> CoverageAsync(CoverageService coverage, string code, CancellationToken cancellationToken)
    {
        var result = await coverage.ForAsync(code, cancellationToken);
        if (result is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No coverage for that area",
                detail: $"'{code}' is not a current local authority, region, ICB or sub-ICB location. Area codes are ONS GSS codes such as E09000012 (Hackney).");
        }
        var date = result.LatestAnalysis?.Date;
        return TypedResults.Ok(new CoverageResponse(
            result.Area.Code, result.Area.Name,
            [.. result.Serving.Select(s => s.Code)],
            [.. result.Domains.Select(d => new CoverageDomainResponse(d.Number, d.Name, d.Items.Count, d.Covered, d.Gaps,
                [.. d.Items.Select(i => new CoverageItemResponse(
                    i.Item.Key, $"{i.Item.DomainNumber}.{i.Item.Number}", i.Item.Text, i.Item.IsRetired,
                    [.. i.Assets.Select(a => new CoverageAssetResponse(a.Asset.Id, a.Asset.Name, a.Asset.Provider, a.Asset.Rating,
                        a.Through.Relation.ToString(), a.Through.Code, a.Through.Partly, a.Through.Basis.ToString()))],
                    i.BestRating, CoverageCalculator.Describe(i.Status), i.IsGap, CoverageCalculator.NextStep(i),
                    i.HasAnalysisRating ? Ratings.RagCode(i.AnalysisRating) : null, i.HasAnalysisRating ? date : null, i.AnalysisRationale))]))],
            date, [.. result.Alerts.Select(a => $"{a.AssetName}: {a.Message}")]));
    }

    private static async Task<AssetResponse> ResponseAsync(AssetService assets, Asset a, CancellationToken cancellationToken)
    {
        var reference = await assets.ReferenceAsync(cancellationToken);
        var history = await assets.HistoryAsync(a.Id, cancellationToken);
        return new AssetResponse(
            a.Id, a.Name, a.Description, a.Provider, AssetSectors.Code(a.Sector),
            [.. a.Items.Select(i => reference.ItemsById[i.ItemId].Key).Order(StringComparer.Ordinal)],
            [.. a.Areas.Select(l => l.AreaCode).Order(StringComparer.Ordinal)],
            a.TargetGroup, a.Eligibility, a.CapacityPerYear, a.DemandPerYear, a.WaitingList, a.FundingSource, a.FundingAmount,
            a.FundingStart, a.FundingEnd, a.Commissioner, a.Contact, a.Website, a.Postcode, a.Rating, a.RatingRationale, a.RatedBy,
            a.RatedUtc, a.CreatedUtc, a.CreatedBy, a.UpdatedUtc, a.UpdatedBy,
            [.. history.Select(h => new AssetChangeResponse(h.OccurredUtc, h.Actor, h.Kind.ToString(), h.Summary, h.Rating, h.Rationale))]);
    }

    private static ValidationProblem Invalid(IReadOnlyList<FieldError> errors) =>
        TypedResults.ValidationProblem(
            errors.GroupBy(e => JsonName(e.Field)).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
            title: "The asset is not valid.");

    /// <summary>The API's (camelCase) name for a field the rules call by its CSV column name.</summary>
    private static string JsonName(string field)
    {
        var parts = field.Split('_');
        return parts[0] + string.Concat(parts.Skip(1).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
    }

    private static ProblemHttpResult NotFound(int id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Asset not found",
            detail: $"The register has no asset {id}. GET /api/v1/assets lists them.");
}
