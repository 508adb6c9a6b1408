using MhEmployment.Web.Data;
using MhEmployment.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace MhEmployment.Web.Features.Imports;

/// <summary>The catalogue, areas and remembered mappings an import is checked against, loaded once per validation.</summary>
public sealed class ReferenceData
{
    public required IReadOnlyDictionary<string, Area> AreasByCode { get; init; }
    public required IReadOnlyDictionary<string, string> CodeByOds { get; init; }
    public required IReadOnlyDictionary<string, Indicator> IndicatorsByKey { get; init; }
    public required IReadOnlyDictionary<int, Indicator> IndicatorsByFingertipsId { get; init; }
    public required IReadOnlyDictionary<int, Indicator> IndicatorsById { get; init; }
    public required IReadOnlyDictionary<string, int> RememberedMappings { get; init; }

    /// <summary>What became of each area that ended: recoded, merged or split, into which areas.</summary>
    public IReadOnlyDictionary<string, List<AreaSuccession>> Successions { get; init; } = new Dictionary<string, List<AreaSuccession>>();

    public IReadOnlyList<AreaSuccession> SuccessionsOf(string areaCode) => Successions.TryGetValue(areaCode, out var successions) ? successions : [];

    public static async Task<ReferenceData> LoadAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var areas = await db.Areas.AsNoTracking().ToListAsync(cancellationToken);
        var indicators = await db.Indicators.AsNoTracking().ToListAsync(cancellationToken);
        return new ReferenceData
        {
            AreasByCode = areas.ToDictionary(a => a.Code, StringComparer.OrdinalIgnoreCase),
            CodeByOds = areas.Where(a => a.OdsCode is not null).GroupBy(a => a.OdsCode!, StringComparer.OrdinalIgnoreCase)
                .ToDictionary(g => g.Key, g => g.First().Code, StringComparer.OrdinalIgnoreCase),
            IndicatorsByKey = indicators.ToDictionary(i => i.Key, StringComparer.OrdinalIgnoreCase),
            IndicatorsByFingertipsId = indicators.Where(i => i.FingertipsId is not null).GroupBy(i => i.FingertipsId!.Value).ToDictionary(g => g.Key, g => g.First()),
            IndicatorsById = indicators.ToDictionary(i => i.Id),
            RememberedMappings = await db.SeriesMappings.AsNoTracking().ToDictionaryAsync(m => m.SeriesKey, m => m.IndicatorId, cancellationToken),
            Successions = (await db.AreaSuccessions.AsNoTracking().ToListAsync(cancellationToken))
                .GroupBy(s => s.PredecessorCode, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.OrdinalIgnoreCase),
        };
    }
}
