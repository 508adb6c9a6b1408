using MhEmployment.Web.Domain;

namespace MhEmployment.Web.Features.Assets;

/// <summary>How an asset reaches a borough: it serves the borough itself, or an area the borough lies in.</summary>
public enum ServingRelation { Own, County, SubIcbLocation, IntegratedCareBoard, Region }

/// <summary>Whose link to an NHS area a borough has: its own, its county's (a district), or a predecessor's split since.</summary>
public enum NhsLinkBasis { Own, County, Predecessor }

/// <summary>
/// An area whose assets count for a borough, and how. An NHS area is <see cref="Partly"/> when the borough (or the
/// authority whose link it is, <see cref="BasisName"/>) is linked to several of its kind, so lies partly in each.
/// </summary>
public sealed record ServingArea(
    string Code, string Name, ServingRelation Relation, bool Partly = false, NhsLinkBasis Basis = NhsLinkBasis.Own, string? BasisName = null);

/// <summary>What coverage needs to know of an asset.</summary>
public sealed record CoverageAsset(
    int Id, string Name, string Provider, int? Rating, DateTime? RatedUtc, DateOnly? FundingEnd,
    IReadOnlyCollection<int> ItemIds, IReadOnlyCollection<string> AreaCodes);

/// <summary>An asset as it counts for one item of one borough: through which area it reaches it.</summary>
public sealed record CoveringAsset(CoverageAsset Asset, ServingArea Through);

public enum CoverageStatus { Covered, PartlyCovered, Inadequate, NotRated, Gap }

public sealed record ItemCoverage(
    ItemRef Item, IReadOnlyList<CoveringAsset> Assets, int? BestRating, CoverageStatus Status,
    int? AnalysisRating, bool HasAnalysisRating, string? AnalysisRationale)
{
    public bool IsGap => Status == CoverageStatus.Gap;
}

public sealed record DomainCoverage(int Number, string Name, IReadOnlyList<ItemCoverage> Items)
{
    public int Covered => Items.Count(i => !i.IsGap);
    public int Gaps => Items.Count(i => i.IsGap);
}

/// <summary>
/// Walks the checklist for one borough: each item's assets (its own and those it gets from its county, region, ICB or
/// sub-ICB location), their best rating, and the items with no asset (gaps). A plain calculation, tested without a host.
/// </summary>
public static class CoverageCalculator
{
    public static IReadOnlyList<DomainCoverage> Calculate(
        IReadOnlyList<(int Number, string Name, IReadOnlyList<ItemRef> Items)> checklist,
        IReadOnlyList<ServingArea> servingAreas,
        IEnumerable<CoverageAsset> assets,
        IReadOnlyDictionary<int, RagAnalysisRating>? analysis = null)
    {
        var byCode = servingAreas.ToDictionary(a => a.Code, StringComparer.Ordinal);
        var byItem = new Dictionary<int, List<CoveringAsset>>();
        foreach (var asset in assets)
        {
            // The closest way the asset reaches the borough: its own first, a region last.
            var through = asset.AreaCodes.Select(c => byCode.GetValueOrDefault(c)).OfType<ServingArea>()
                .OrderBy(a => a.Relation).FirstOrDefault();
            if (through is null)
            {
                continue;
            }
            foreach (var itemId in asset.ItemIds)
            {
                if (!byItem.TryGetValue(itemId, out var list))
                {
                    byItem[itemId] = list = [];
                }
                list.Add(new CoveringAsset(asset, through));
            }
        }
        return
        [
            .. checklist.Select(domain => new DomainCoverage(domain.Number, domain.Name,
            [
                .. domain.Items
                    .Where(item => !item.IsRetired || byItem.ContainsKey(item.Id))
                    .Select(item => ForItem(item, byItem.GetValueOrDefault(item.Id) ?? [], analysis?.GetValueOrDefault(item.Id))),
            ])),
        ];
    }

    private static ItemCoverage ForItem(ItemRef item, List<CoveringAsset> covering, RagAnalysisRating? analysed)
    {
        var ordered = covering.OrderBy(c => c.Through.Relation).ThenBy(c => c.Asset.Rating ?? 4).ThenBy(c => c.Asset.Name, StringComparer.OrdinalIgnoreCase).ToList();
        var best = covering.Select(c => c.Asset.Rating).Where(r => r is not null).Min();
        var status = covering.Count == 0 ? CoverageStatus.Gap : best switch
        {
            1 => CoverageStatus.Covered,
            2 => CoverageStatus.PartlyCovered,
            3 => CoverageStatus.Inadequate,
            _ => CoverageStatus.NotRated,
        };
        return new ItemCoverage(item, ordered, best, status, analysed?.Rating, analysed is not null, analysed?.Rationale);
    }

    public static string Describe(CoverageStatus status) => status switch
    {
        CoverageStatus.Covered => "Covered",
        CoverageStatus.PartlyCovered => "Partly covered",
        CoverageStatus.Inadequate => "Inadequate",
        CoverageStatus.NotRated => "Assets not yet rated",
        _ => "Gap",
    };

    /// <summary>The guidance's next step for an item: from its best rating, or as a priority when it is a gap.</summary>
    public static string? NextStep(ItemCoverage item) => item.Status switch
    {
        CoverageStatus.NotRated => null,
        CoverageStatus.Gap => Ratings.NextStep(3),
        _ => Ratings.NextStep(item.BestRating),
    };

    /// <summary>How an area reaches the borough named, e.g. "ICB-wide (NHS Mid and South Essex Integrated Care Board): Essex lies partly in it".</summary>
    public static string Describe(ServingArea through, string areaName)
    {
        var where = through.Relation switch
        {
            ServingRelation.Own => "This area",
            ServingRelation.County => $"County-wide ({through.Name})",
            ServingRelation.Region => $"Region-wide ({through.Name})",
            ServingRelation.IntegratedCareBoard => $"ICB-wide ({through.Name})",
            _ => $"Sub-ICB location ({through.Name})",
        };
        return through.Basis switch
        {
            NhsLinkBasis.County => $"{where}, through its county's NHS areas{(through.Partly ? $": {through.BasisName} lies partly in it" : "")}",
            NhsLinkBasis.Predecessor => $"{where}, through its predecessor {through.BasisName}'s NHS areas{(through.Partly ? $": {through.BasisName} lay partly in it" : "")}",
            _ => through.Partly ? $"{where}: {areaName} lies partly in it" : where,
        };
    }
}
