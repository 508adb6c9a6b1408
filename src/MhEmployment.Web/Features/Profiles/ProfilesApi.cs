using System.Security.Claims;
using MhEmployment.Web.Domain;
using MhEmployment.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MhEmployment.Web.Features.Profiles;

public sealed record ProfileBenchmarkResponse(IReadOnlyList<string> Codes, string Name);

public sealed record ProfileIndicatorResponse(
    string Indicator, string Name, IndicatorTheme Theme, IndicatorUnit Unit, Sex Sex, string Age,
    string Period, DateOnly PeriodStart, DateOnly PeriodEnd,
    double? Value, double? Count, double? Denominator, string? Note,
    double? Lower95, double? Upper95, double? Lower998, double? Upper998, IntervalSource IntervalSource,
    double? BenchmarkValue, ComparisonBasis ComparisonBasis, string Comparison, string? Comparison998,
    string? NotComparedReason,
    string Trend, string? TrendReason, int? Rank, int? N, string Narrative);

public sealed record ProfileResponse(
    string Code, string Name, AreaKind Kind, bool Historical, IReadOnlyList<string> SuccessorCodes,
    ProfileBenchmarkResponse Benchmark, string ComparisonGroup, IReadOnlyList<ProfileIndicatorResponse> Indicators,
    long DataVersion, bool Updating);

public static class ProfilesApi
{
    public static RouteGroupBuilder MapProfilesApi(this RouteGroupBuilder api)
    {
        api.MapGet("/areas/{code}/profile", GetAsync).WithTags("Areas").CacheOutput(DashboardOutputCache.ApiPolicy)
            .WithSummary("An area's dashboard: each indicator's latest value, limits, benchmark, comparison, trend (with the reason when it cannot be calculated) and rank.")
            .WithDescription("benchmark: one area code (default E92000001, England) or codes separated by commas for a pooled group; " +
                "group: the set ranks are taken within (upper-tier, upper-tier-in-region, lower-tier, regions, nhs-regions, " +
                "integrated-care-boards, sub-icb-locations).")
            .ProducesValidationProblem();
        return api;
    }

    private static async Task<Results<Ok<ProfileResponse>, ProblemHttpResult, ValidationProblem>> GetAsync(
        Dashboards dashboards, ClaimsPrincipal user, string code, string? benchmark, string? group, CancellationToken cancellationToken)
    {
        var result = await dashboards.ProfileAsync(code, new DashboardRequest(benchmark, group, user.Identity?.Name), cancellationToken);
        if (result.NotFound || result.Value is not { } profile)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Area not found",
                detail: $"No area has the code '{code}'. Area codes are ONS GSS codes such as E09000012 (Hackney).");
        }
        if (result.Problems.Count > 0)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["query"] = [.. result.Problems] }, title: "The profile query is not valid.");
        }
        var area = profile.Area;
        return TypedResults.Ok(new ProfileResponse(area.Code, area.Name, area.Kind, area.IsHistorical, area.SuccessorCodes,
            new ProfileBenchmarkResponse(profile.Benchmark.Codes, profile.BenchmarkName),
            ComparisonGroups.Slug(profile.Group),
            [.. profile.Rows.Select(ToResponse)], profile.DataVersion, result.Updating));
    }

    private static ProfileIndicatorResponse ToResponse(ProfileRow row)
    {
        var v = row.Value;
        var i = v.Interval;
        return new ProfileIndicatorResponse(
            row.Indicator.Key, row.Indicator.Name, row.Indicator.Theme, row.Indicator.Unit, row.Slice.Sex, row.Slice.AgeBand,
            row.Period.Label, row.Period.Period.Start, row.Period.Period.End,
            v.Value, v.Count, v.Denominator, v.Note,
            ResolvedValue.Finite(i?.Lower95), ResolvedValue.Finite(i?.Upper95), ResolvedValue.Finite(i?.Lower998), ResolvedValue.Finite(i?.Upper998), v.IntervalSource,
            row.Comparison.BenchmarkValue?.Value, row.Comparison.Basis, row.Result.Label, row.Result.Label998,
            row.Comparison.Plan.Reason,
            row.Trend.Label, row.Trend.Reason, row.Rank?.Position, row.Rank?.OutOf, row.Narrative);
    }
}
