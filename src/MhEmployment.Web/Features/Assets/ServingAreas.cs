using MhEmployment.Web.Data;
using MhEmployment.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace MhEmployment.Web.Features.Assets;

/// <summary>
/// The areas whose assets count for an area: the area itself; for a local authority its county, its region, and the
/// sub-ICB locations and ICBs it is linked to (from the bundled CQC lookup: a district through its county's); for a
/// sub-ICB location its ICB.
/// </summary>
public sealed class ServingAreas(AppDbContext db)
{
    public async Task<(Area Area, IReadOnlyList<ServingArea> Serving)?> ForAsync(string code, CancellationToken cancellationToken = default)
    {
        var normalised = code.Trim().ToUpperInvariant();
        var area = await db.Areas.AsNoTracking().FirstOrDefaultAsync(a => a.Code == normalised, cancellationToken);
        if (area is null)
        {
            return null;
        }
        var serving = new List<(string Code, ServingRelation Relation, bool Partly, string? Through)> { (area.Code, ServingRelation.Own, false, null) };
        if (area.ParentCode is { } parent && AreaCodes.KindOf(parent) == AreaKind.County)
        {
            serving.Add((parent, ServingRelation.County, false, null));
        }
        if (area.RegionCode is { } region)
        {
            serving.Add((region, ServingRelation.Region, false, null));
        }
        if (area.Kind == AreaKind.SubIcbLocation && area.ParentCode is { } icb)
        {
            serving.Add((icb, ServingRelation.IntegratedCareBoard, false, null));
        }
        // Linked to several sub-ICB locations or ICBs, the authority lies partly in each.
        var links = await db.AreaNhsLinks.AsNoTracking().Where(l => l.LocalAuthorityCode == area.Code)
            .OrderBy(l => l.ThroughCode != null).ThenBy(l => l.SubIcbLocationCode).ToListAsync(cancellationToken);
        var icbs = links.GroupBy(l => l.IcbCode).ToList();
        serving.AddRange(links.Select(l => (l.SubIcbLocationCode, ServingRelation.SubIcbLocation, links.Count > 1, l.ThroughCode)));
        serving.AddRange(icbs.Select(g => (g.Key, ServingRelation.IntegratedCareBoard, icbs.Count > 1, g.First().ThroughCode)));
        var codes = serving.Select(s => s.Code).Concat(links.Select(l => l.ThroughCode).OfType<string>()).Distinct().ToList();
        var names = await db.Areas.AsNoTracking().Where(a => codes.Contains(a.Code)).ToDictionaryAsync(a => a.Code, a => a.Name, cancellationToken);
        return (area,
        [
            .. serving.Select(s => s.Through is not { } through
                ? new ServingArea(s.Code, names[s.Code], s.Relation, s.Partly)
                : new ServingArea(s.Code, names[s.Code], s.Relation, s.Partly,
                    through == area.ParentCode ? NhsLinkBasis.County : NhsLinkBasis.Predecessor, names[through])),
        ]);
    }
}
