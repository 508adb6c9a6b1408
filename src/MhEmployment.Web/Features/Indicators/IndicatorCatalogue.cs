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

    public Task<Indicator?> FindAsync(string key, CancellationToken cancellationToken = default)
    {
        var normalised = key.Trim().ToLowerInvariant();
        return db.Indicators.AsNoTracking().FirstOrDefaultAsync(i => i.Key == normalised, cancellationToken);
    }
}
