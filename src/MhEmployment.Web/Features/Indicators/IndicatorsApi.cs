using System.Text.Json;
using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Accounts;
using MhEmployment.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace MhEmployment.Web.Features.Indicators;

public sealed record IndicatorResponse(
    string Key, string Name, string Definition, IndicatorTheme Theme, IndicatorUnit Unit, IndicatorValueType ValueType,
    int Multiplier, Polarity Polarity, string Source, string Age, Sex Sex, PeriodType PeriodType,
    IntervalMethod IntervalMethod, ComparisonMethod ComparisonMethod, int? FingertipsId, string? NomisDataset, bool NeedsReview,
    IndicatorSourceKind RefreshSource, IReadOnlyList<int> FingertipsAreaTypes, string? NomisQuery)
{
    public static IndicatorResponse From(Indicator i) => new(
        i.Key, i.Name, i.Definition, i.Theme, i.Unit, i.ValueType, i.Multiplier, i.Polarity, i.Source, i.Age, i.Sex,
        i.PeriodType, i.IntervalMethod, i.ComparisonMethod, i.FingertipsId, i.NomisDataset, i.NeedsReview,
        i.RefreshSource, IndicatorSources.ParseAreaTypes(i.FingertipsAreaTypes), i.NomisQuery);
}

public static class IndicatorsApi
{
    public static RouteGroupBuilder MapIndicatorsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/indicators").WithTags("Indicators");
        group.MapGet("/", ListAsync).CacheOutput(DashboardOutputCache.ApiPolicy).WithSummary("The indicator catalogue.");
        group.MapGet("/{key}", GetAsync).CacheOutput(DashboardOutputCache.ApiPolicy).WithSummary("One indicator by its stable key, with its version as the ETag header.");
        group.MapPut("/{key}", PutAsync).RequireAuthorization(Policies.ApiAnalyse)
            .Accepts<IndicatorInput>("application/json")
            .WithSummary("Changes an indicator's description (Analyst or Admin). Send every field, and the ETag from GET in If-Match.")
            .WithDescription("The body has the fields GET returns (name, definition, theme, unit, valueType, multiplier, polarity, source, age, " +
                "sex, periodType, intervalMethod, comparisonMethod, needsReview, refreshSource, fingertipsId, fingertipsAreaTypes, nomisDataset, " +
                "nomisQuery); the key is not changed. refreshSource is None, Fingertips (needs fingertipsId and at least one of fingertipsAreaTypes) " +
                "or Nomis (needs nomisDataset such as NM_134_1 and nomisQuery, name=value pairs joined by & without recordoffset or recordlimit); " +
                "a field left out is cleared. " +
                "If-Match must carry the ETag the indicator was read with: a change made by someone else since is answered 412, " +
                "never overwritten (If-Match: * saves over any version). Every change is audited, and the dashboards show it at once.")
            .ProducesValidationProblem();
        return api;
    }

    private static async Task<Ok<List<IndicatorResponse>>> ListAsync(IndicatorCatalogue catalogue, CancellationToken cancellationToken) =>
        TypedResults.Ok((await catalogue.ListAsync(cancellationToken)).Select(IndicatorResponse.From).ToList());

    private static async Task<Results<Ok<IndicatorResponse>, ProblemHttpResult>> GetAsync(
        IndicatorCatalogue catalogue, HttpResponse response, string key, CancellationToken cancellationToken)
    {
        var indicator = await catalogue.FindAsync(key, cancellationToken);
        if (indicator is null)
        {
            return NotFound(key);
        }
        response.Headers.ETag = ETagOf(IndicatorEdit.From(indicator));
        return TypedResults.Ok(IndicatorResponse.From(indicator));
    }

    private static async Task<Results<Ok<IndicatorResponse>, ValidationProblem, ProblemHttpResult>> PutAsync(
        IndicatorCatalogue catalogue, IndicatorEditor editor, HttpRequest request, string key, CancellationToken cancellationToken)
    {
        if (await catalogue.FindAsync(key, cancellationToken) is null)
        {
            return NotFound(key);
        }
        var ifMatch = request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(ifMatch))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status428PreconditionRequired, title: "If-Match is required",
                detail: $"Send the ETag of GET /api/v1/indicators/{key} in an If-Match header, so that a change someone else has made " +
                    "since you read the indicator is not overwritten. If-Match: * saves over whatever is stored.");
        }
        string? readVersion = null;
        if (ifMatch.Trim() != "*")
        {
            if (!EntityTagHeaderValue.TryParseStrictList([ifMatch], out var tags) || tags.Any(t => t.IsWeak) || tags.Count != 1)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "If-Match is not an ETag",
                    detail: $"If-Match should be the one ETag GET returned, in quotes (e.g. \"3f2a9c41d07b6e58\"), or *; it was {ifMatch}.");
            }
            readVersion = tags[0].Tag.ToString().Trim('"');
        }
        if (!request.HasJsonContentType())
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "The body must be JSON",
                detail: "Send the indicator as JSON, with Content-Type: application/json.");
        }
        IndicatorInput input;
        try
        {
            input = await request.ReadFromJsonAsync<IndicatorInput>(cancellationToken) ?? new IndicatorInput();
        }
        catch (JsonException ex)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The body is not valid JSON",
                detail: $"The indicator could not be read: {ex.Message} Text fields and choices are strings (e.g. \"polarity\": \"LowIsGood\"), " +
                    "the multiplier and fingertipsId whole numbers, fingertipsAreaTypes a list of whole numbers and needsReview true or false.");
        }

        var result = await editor.SaveAsync(key, readVersion, input, request.HttpContext.User.Identity?.Name, cancellationToken);
        switch (result.Status)
        {
            case EditStatus.NotFound:
                return NotFound(key);
            case EditStatus.Invalid:
                return TypedResults.ValidationProblem(
                    result.Problems.GroupBy(p => JsonNamingPolicy.CamelCase.ConvertName(p.Field))
                        .ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray()),
                    title: "The indicator is not valid.");
            case EditStatus.Conflict:
                request.HttpContext.Response.Headers.ETag = ETagOf(result.Current!);
                var who = result.LastChange is { } last ? $" ({last.Actor}, {last.OccurredUtc:yyyy-MM-dd HH:mm} UTC)" : "";
                return TypedResults.Problem(statusCode: StatusCodes.Status412PreconditionFailed, title: "The indicator has changed since you read it",
                    detail: $"Someone else saved a change to '{key}'{who} after the version in If-Match was read, so nothing was saved. " +
                        "GET it again, apply your change to what is there now, and send it with the new ETag.");
            default:
                var saved = (await catalogue.FindAsync(key, cancellationToken))!;
                request.HttpContext.Response.Headers.ETag = ETagOf(IndicatorEdit.From(saved));
                return TypedResults.Ok(IndicatorResponse.From(saved));
        }
    }

    private static string ETagOf(IndicatorEdit edit) => $"\"{edit.Version}\"";

    private static ProblemHttpResult NotFound(string key) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status404NotFound,
            title: "Indicator not found",
            detail: $"No indicator has the key '{key}'. GET /api/v1/indicators lists the keys.");
}
