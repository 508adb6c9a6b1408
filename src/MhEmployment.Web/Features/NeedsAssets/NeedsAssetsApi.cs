using System.Security.Claims;
using MhEmployment.Web.Features.Profiles;
using MhEmployment.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MhEmployment.Web.Features.NeedsAssets;

public sealed record EvidenceIndicatorResponse(
    string Indicator, string Name, double Weight, bool Scored, string? Period, double? Value, double? BenchmarkValue, string? Comparison,
    string? Trend, double? Score, bool RedRed);

public sealed record ComparisonCellResponse(
    int Domain, string DomainName, string NeedLevel, double? CompositeScore, double? NeedPercentile, int IndicatorsAvailable, int IndicatorsScored,
    string Confidence, double? Coverage, int? CoverageItems, int? CoverageGaps, int? CoverageNotRated, double? Gap, int? GapRank,
    bool HighNeedLowCoverage, IReadOnlyList<EvidenceIndicatorResponse> Evidence);

public sealed record ComparisonAreaResponse(string Code, string Name, IReadOnlyList<ComparisonCellResponse> Domains);

public sealed record ComparisonResponse(
    string Title, string Scheme, ProfileBenchmarkResponse Benchmark, IReadOnlyList<ComparisonAreaResponse> Areas, long DataVersion, bool Updating);

public static class NeedsAssetsApi
{
    public static RouteGroupBuilder MapNeedsAssetsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/comparison", GetAsync).WithTags("Needs versus assets").CacheOutput(DashboardOutputCache.ApiPolicy)
            .WithSummary("Need beside coverage per area and checklist domain: need level, composite score, confidence, coverage, gap rank and the evidence.")
            .WithDescription("region: a region's code (default E12000007, London) or 'england' for every upper-tier authority; areas: upper-tier " +
                "area codes separated by commas, instead of a region; scheme: a weighting scheme's name (default 'Default'); benchmark: " +
                "an area code (default E92000001, England) or codes separated by commas for a pooled group.")
            .ProducesValidationProblem();
        return api;
    }

    private static async Task<Results<Ok<ComparisonResponse>, ValidationProblem>> GetAsync(
        NeedsAssetsService service, ClaimsPrincipal user, string? region, string? areas, string? scope, string? scheme, string? benchmark,
        CancellationToken cancellationToken)
    {
        var result = await service.CompareAsync(ComparisonSelection.Parse(region, areas, scope), scheme, benchmark, user.Identity?.Name, cancellationToken);
        if (result.Problems.Count > 0)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["query"] = [.. result.Problems] }, title: "The comparison query is not valid.");
        }
        var c = result.Comparison;
        return TypedResults.Ok(new ComparisonResponse(c.Title, c.SchemeName, new ProfileBenchmarkResponse(c.Benchmark.Codes, c.BenchmarkName),
            [.. c.Areas.Select(a => new ComparisonAreaResponse(a.Code, a.Name, [.. c.Domains.Select(d => ToResponse(c, c.Cell(a, d)))]))],
            c.DataVersion, result.Updating));
    }

    private static ComparisonCellResponse ToResponse(NeedsAssetsComparison comparison, ComparisonCell cell)
    {
        var need = cell.Need;
        return new ComparisonCellResponse(need.Domain.Number, need.Domain.Name, NeedsAssetsText.LevelKey(need.Level), need.Score, need.Percentile,
            need.Available, need.Scored, NeedsAssetsText.Confidence(need), cell.Coverage?.Share, cell.Coverage?.Items, cell.Coverage?.Gaps,
            cell.Coverage?.NotRated, cell.Gap, comparison.RankOf(cell), cell.HighNeedLowCoverage,
            [.. need.Indicators.Select(i => new EvidenceIndicatorResponse(i.Indicator.Key, i.Indicator.Name, i.Weight, i.Scored,
                i.Comparison?.Period.Label, i.HasValue ? i.Result!.Value.Value : null, i.Comparison?.BenchmarkValue?.Value, i.Result?.Label,
                i.Trend?.Label, i.Z, i.RedRed))]);
    }
}
