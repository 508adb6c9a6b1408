using System.Globalization;
using MhEmployment.Web.Data;
using MhEmployment.Web.Domain;
using MhEmployment.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace MhEmployment.Web.Features.Imports.Api;

public sealed record ValueResponse(
    string Indicator, string Area, DateOnly PeriodStart, DateOnly PeriodEnd, string PeriodLabel, Sex Sex, string AgeBand,
    double? Value, double? Count, double? Denominator, double? Lower95, double? Upper95, double? Lower998, double? Upper998, string? Note, int ImportId);

public static class ValuesApi
{
    public const int MaxValues = 50_000;

    public static RouteGroupBuilder MapValuesApi(this RouteGroupBuilder api)
    {
        api.MapGet("/values", ListAsync).WithTags("Values").CacheOutput(DashboardOutputCache.ApiPolicy)
            .WithSummary($"Stored values, filtered by indicator key, area code and period (from/to as yyyy-mm-dd); at most {MaxValues:N0}.")
            .ProducesValidationProblem();
        return api;
    }

    private static async Task<Results<Ok<List<ValueResponse>>, ValidationProblem>> ListAsync(
        AppDbContext db, string? indicator, string? area, string? from, string? to, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        DateOnly? fromDate = ParseDate(from, "from", errors), toDate = ParseDate(to, "to", errors);
        int? indicatorId = null;
        if (!string.IsNullOrWhiteSpace(indicator))
        {
            var key = indicator.Trim().ToLowerInvariant();
            indicatorId = await db.Indicators.Where(i => i.Key == key).Select(i => (int?)i.Id).SingleOrDefaultAsync(cancellationToken);
            if (indicatorId is null)
            {
                errors["indicator"] = [$"No indicator has the key '{indicator}'. GET /api/v1/indicators lists the keys."];
            }
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The value filter is not valid.");
        }

        var query = db.IndicatorValues.AsNoTracking();
        if (indicatorId is { } id)
        {
            query = query.Where(v => v.IndicatorId == id);
        }
        if (!string.IsNullOrWhiteSpace(area))
        {
            var code = area.Trim().ToUpperInvariant();
            query = query.Where(v => v.AreaCode == code);
        }
        if (fromDate is { } f)
        {
            query = query.Where(v => v.PeriodEnd >= f);
        }
        if (toDate is { } t)
        {
            query = query.Where(v => v.PeriodStart <= t);
        }
        var values = await query.OrderBy(v => v.IndicatorId).ThenBy(v => v.AreaCode).ThenBy(v => v.PeriodStart).Take(MaxValues)
            .Select(v => new ValueResponse(v.Indicator!.Key, v.AreaCode, v.PeriodStart, v.PeriodEnd, v.PeriodLabel, v.Sex, v.AgeBand,
                v.Value, v.Count, v.Denominator, v.Lower95, v.Upper95, v.Lower998, v.Upper998, v.Note, v.ImportId))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(values);
    }

    private static DateOnly? ParseDate(string? text, string name, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }
        errors[name] = [$"'{text}' is not a date like 2024-03-31."];
        return null;
    }
}
