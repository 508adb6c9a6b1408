using MhEmployment.Web.Data;
using MhEmployment.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace MhEmployment.Web.Features.Assets;

/// <summary>A borough's coverage: the checklist walked item by item, its alerts, and its latest RAG analysis.</summary>
public sealed record BoroughCoverage(
    Area Area, IReadOnlyList<ServingArea> Serving, IReadOnlyList<DomainCoverage> Domains, IReadOnlyList<AssetAlert> Alerts,
    RagAnalysisSummary? LatestAnalysis, bool AnalysisIsStale);

public sealed record RagAnalysisSummary(int Id, DateOnly Date, string CreatedBy, DateTime CreatedUtc);

public sealed class CoverageService(AppDbContext db, ServingAreas servingAreas, TimeProvider clock)
{
    /// <summary>The local authorities (and sub-ICB locations, regions, ICBs) a coverage page can be shown for.</summary>
    public static bool HasCoverage(Area area) => area.ValidTo is null && AssetRules.ServedKinds.Contains(area.Kind);

    public async Task<BoroughCoverage?> ForAsync(string code, CancellationToken cancellationToken = default)
    {
        var found = await servingAreas.ForAsync(code, cancellationToken);
        if (found is not { } resolved || !HasCoverage(resolved.Area))
        {
            return null;
        }
        var (area, serving) = resolved;
        var checklist = await ChecklistAsync(db, cancellationToken);
        var assets = await AssetsServingAsync(serving.Select(s => s.Code).ToList(), cancellationToken);
        var latest = await db.RagAnalyses.AsNoTracking()
            .Where(a => a.AreaCode == area.Code)
            .OrderByDescending(a => a.AnalysisDate).ThenByDescending(a => a.Id)
            .Select(a => new RagAnalysisSummary(a.Id, a.AnalysisDate, a.CreatedBy, a.CreatedUtc))
            .FirstOrDefaultAsync(cancellationToken);
        var ratings = latest is null
            ? null
            : await db.RagAnalysisRatings.AsNoTracking().Where(r => r.AnalysisId == latest.Id).ToDictionaryAsync(r => r.ItemId, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        return new BoroughCoverage(
            area, serving, CoverageCalculator.Calculate(checklist, serving, assets, ratings), AssetAlerts.For(assets, now),
            latest, latest is not null && latest.Date < DateOnly.FromDateTime(now).AddMonths(-AssetAlerts.StaleMonths));
    }

    /// <summary>The checklist in order, domain by domain, retired items included (coverage shows them only where used).</summary>
    public static async Task<List<(int Number, string Name, IReadOnlyList<ItemRef> Items)>> ChecklistAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var domains = await db.AssetDomains.AsNoTracking().Include(d => d.Items).OrderBy(d => d.Number).ToListAsync(cancellationToken);
        return
        [
            .. domains.Select(d => (d.Number, d.Name, (IReadOnlyList<ItemRef>)
            [
                .. d.Items.OrderBy(i => i.Number).Select(i => new ItemRef(i.Id, i.Key, d.Number, i.Number, i.Text, i.IsRetired)),
            ])),
        ];
    }

    private async Task<List<CoverageAsset>> AssetsServingAsync(List<string> codes, CancellationToken cancellationToken)
    {
        // From the (AreaCode, AssetId) index to the few hundred assets a borough has, then their items, in three plain queries.
        var links = await db.AssetAreas.AsNoTracking().Where(l => codes.Contains(l.AreaCode)).Select(l => new { l.AssetId, l.AreaCode }).ToListAsync(cancellationToken);
        var ids = links.Select(l => l.AssetId).Distinct().ToList();
        var assets = await db.Assets.AsNoTracking().Where(a => ids.Contains(a.Id))
            .Select(a => new { a.Id, a.Name, a.Provider, a.Rating, a.RatedUtc, a.FundingEnd })
            .ToListAsync(cancellationToken);
        var items = (await db.AssetItems.AsNoTracking().Where(i => ids.Contains(i.AssetId)).Select(i => new { i.AssetId, i.ItemId }).ToListAsync(cancellationToken))
            .ToLookup(i => i.AssetId, i => i.ItemId);
        var areas = links.ToLookup(l => l.AssetId, l => l.AreaCode);
        return [.. assets.Select(a => new CoverageAsset(a.Id, a.Name, a.Provider, a.Rating, a.RatedUtc, a.FundingEnd, [.. items[a.Id]], [.. areas[a.Id]]))];
    }
}
