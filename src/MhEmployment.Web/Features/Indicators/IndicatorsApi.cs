using MhEmployment.Web.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MhEmployment.Web.Features.Indicators;

public sealed record IndicatorResponse(
    string Key, string Name, string Definition, IndicatorTheme Theme, IndicatorUnit Unit, IndicatorValueType ValueType,
    int Multiplier, Polarity Polarity, string Source, string Age, Sex Sex, PeriodType PeriodType,
    IntervalMethod IntervalMethod, ComparisonMethod ComparisonMethod, int? FingertipsId, string? NomisDataset)
{
    public static IndicatorResponse From(Indicator i) => new(
        i.Key, i.Name, i.Definition, i.Theme, i.Unit, i.ValueType, i.Multiplier, i.Polarity, i.Source, i.Age, i.Sex,
        i.PeriodType, i.IntervalMethod, i.ComparisonMethod, i.FingertipsId, i.NomisDataset);
}

public static class IndicatorsApi
{
    public static RouteGroupBuilder MapIndicatorsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/indicators").WithTags("Indicators");
        group.MapGet("/", ListAsync).WithSummary("The indicator catalogue.");
        group.MapGet("/{key}", GetAsync).WithSummary("One indicator by its stable key.");
        return api;
    }

    private static async Task<Ok<List<IndicatorResponse>>> ListAsync(IndicatorCatalogue catalogue, CancellationToken cancellationToken) =>
        TypedResults.Ok((await catalogue.ListAsync(cancellationToken)).Select(IndicatorResponse.From).ToList());

    private static async Task<Results<Ok<IndicatorResponse>, ProblemHttpResult>> GetAsync(
        IndicatorCatalogue catalogue, string key, CancellationToken cancellationToken)
    {
        var indicator = await catalogue.FindAsync(key, cancellationToken);
        return indicator is null
            ? TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "Indicator not found",
                detail: $"No indicator has the key '{key}'. GET /api/v1/indicators lists the keys.")
            : TypedResults.Ok(IndicatorResponse.From(indicator));
    }
}
