using MhEmployment.Web.Data;
using MhEmployment.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace MhEmployment.Web.Features.Indicators;

/// <summary>Reads the indicator catalogue for the pages and the API.</summary>
public sealed class IndicatorCatalogue(AppDbContext db)
{
    public async Task<List<Indicator>> ListAsync(CancellationToken cancellationToken = default)
    {
        var indicators = await db.Indicators.AsNoTracking().ToListAsync(cancellationToken);
        return [.. indicators.OrderBy(i => i.Theme).ThenBy(i => i.Name, StringComparer.OrdinalIgnoreCase)];
    }

    public sealed record StoredValue(string AreaCode, string AreaName, string PeriodLabel, DateOnly PeriodStart, Sex Sex, string AgeBand,
        double? Value, double? Count, double? Denominator, double? Lower95, double? Upper95, string? Note, int ImportId);

    /// <summary>The newest stored values of an indicator, optionally for one area.</summary>
    public Task<List<StoredValue>> ValuesAsync(int indicatorId, string? areaCode, int limit, CancellationToken cancellationToken = default)
    {
        var query = db.IndicatorValues.AsNoTracking().Where(v => v.IndicatorId == indicatorId);
        if (!string.IsNullOrWhiteSpace(areaCode))
        {
            var code = areaCode.Trim().ToUpperInvariant();
            query = query.Where(v => v.AreaCode == code);
        }
        return query.OrderByDescending(v => v.PeriodStart).ThenBy(v => v.Area!.Name).Take(limit)
            .Select(v => new StoredValue(v.AreaCode, v.Area!.Name, v.PeriodLabel, v.PeriodStart, v.Sex, v.AgeBand, v.Value, v.Count, v.Denominator,
                v.Lower95, v.Upper95, v.Note, v.ImportId))
            .ToListAsync(cancellationToken);
    }

    public Task<Indicator?> FindAsync(string key, CancellationToken cancellationToken = default)
    {
        var normalised = key.Trim().ToLowerInvariant();
        return db.Indicators.AsNoTracking().FirstOrDefaultAsync(i => i.Key == normalised, cancellationToken);
    }
}
