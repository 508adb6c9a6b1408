using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Areas;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MhEmployment.Web.Pages;

public sealed class IndexModel(AreaDirectory directory) : PageModel
{
    private static readonly AreaKind[] LocalAuthorityKinds =
    [
        AreaKind.LondonBorough, AreaKind.MetropolitanDistrict, AreaKind.UnitaryAuthority,
        AreaKind.County, AreaKind.NonMetropolitanDistrict,
    ];

    public IReadOnlyList<RegionGroup> Regions { get; private set; } = [];
    public IReadOnlyList<RegionGroup> NhsRegions { get; private set; } = [];

    public sealed record KindGroup(AreaKind Kind, IReadOnlyList<AreaSummary> Areas);

    public sealed record RegionGroup(AreaSummary Region, IReadOnlyList<KindGroup> Kinds)
    {
        public int AreaCount => Kinds.Sum(k => k.Areas.Count);
    }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var areas = await directory.ListAsync(AreaFilter.CurrentAreas, cancellationToken);
        Regions = Group(areas, AreaKind.Region, a => a.RegionCode, LocalAuthorityKinds);
        NhsRegions = Group(areas, AreaKind.NhsRegion, a => a.Kind == AreaKind.IntegratedCareBoard ? a.ParentCode : null, [AreaKind.IntegratedCareBoard]);
    }

    private static List<RegionGroup> Group(List<AreaSummary> areas, AreaKind regionKind, Func<AreaSummary, string?> regionOf, AreaKind[] kinds)
    {
        var members = areas.Where(a => kinds.Contains(a.Kind)).ToLookup(a => regionOf(a) ?? "");
        return [.. areas.Where(a => a.Kind == regionKind)
            .Select(region => new RegionGroup(region, [.. kinds
                .Select(kind => new KindGroup(kind, [.. members[region.Code].Where(a => a.Kind == kind)]))
                .Where(g => g.Areas.Count > 0)]))];
    }
}
