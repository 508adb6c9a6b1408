using MhEmployment.Web.Data;
using MhEmployment.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace MhEmployment.Web.Features.Areas;

public sealed record AreaSummary(
    string Code, string Name, AreaKind Kind, string? RegionCode, string? ParentCode, string? OdsCode,
    DateOnly? ValidFrom, DateOnly? ValidTo, IReadOnlyList<string> SuccessorCodes)
{
    public bool IsHistorical => ValidTo is not null;
}

public sealed record AreaLink(string Code, string Name, AreaKind Kind, DateOnly? ValidTo, SuccessionKind? Succession = null, DateOnly? Effective = null);

public sealed record AreaDetails(
    AreaSummary Area, AreaLink? Region, AreaLink? Parent,
    IReadOnlyList<AreaLink> Successors, IReadOnlyList<AreaLink> Predecessors, IReadOnlyList<AreaLink> Children);

/// <summary>Reads areas for the pages and the API.</summary>
public sealed class AreaDirectory(AppDbContext db)
{
    /// <summary>Areas in effect today: abolished ones are kept for old data but left out unless asked for.</summary>
    public async Task<List<AreaSummary>> ListAsync(AreaFilter filter, CancellationToken cancellationToken = default)
    {
        var query = db.Areas.AsNoTracking();
        if (filter.Kind is { } kind)
        {
            query = query.Where(a => a.Kind == kind);
        }
        if (filter.RegionCode is { } region)
        {
            query = query.Where(a => a.RegionCode == region || a.ParentCode == region);
        }
        if (!filter.IncludeHistorical)
        {
            query = query.Where(a => a.ValidTo == null);
        }
        if (filter.Search is { } text)
        {
            var upper = text.ToUpperInvariant();
            // Name match ignores case on both providers (SQL upper()); codes are stored upper-case.
#pragma warning disable CA1304, CA1311, CA1862 // Translated to SQL, not run in .NET.
            query = query.Where(a => a.Name.ToUpper().Contains(upper) || a.Code == upper || a.OdsCode == upper);
#pragma warning restore CA1304, CA1311, CA1862
        }

        var areas = await query.OrderBy(a => a.Name).ThenBy(a => a.Code).ToListAsync(cancellationToken);
        var codes = areas.Select(a => a.Code).ToList();
        var successors = await db.AreaSuccessions.AsNoTracking()
            .Where(s => codes.Contains(s.PredecessorCode))
            .Select(s => new { s.PredecessorCode, s.SuccessorCode })
            .ToListAsync(cancellationToken);
        var successorsByCode = successors.ToLookup(s => s.PredecessorCode, s => s.SuccessorCode);
        return [.. areas.Select(a => ToSummary(a, [.. successorsByCode[a.Code].Order(StringComparer.Ordinal)]))];
    }

    /// <summary>
    /// The area whose GSS or ODS code the search text is (any case, current or abolished), when exactly one area has
    /// it: a search for a code means that area.
    /// </summary>
    public async Task<string?> CodeMatchAsync(string? search, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(search))
        {
            return null;
        }
        var code = search.Trim().ToUpperInvariant();
        var matches = await db.Areas.AsNoTracking()
            .Where(a => a.Code == code || a.OdsCode == code)
            .Select(a => a.Code).Take(2).ToListAsync(cancellationToken);
        return matches.Count == 1 ? matches[0] : null;
    }

    public async Task<AreaDetails?> FindAsync(string code, CancellationToken cancellationToken = default)
    {
        var normalised = code.Trim().ToUpperInvariant();
        var area = await db.Areas.AsNoTracking()
            .Include(a => a.Successors).ThenInclude(s => s.Successor)
            .Include(a => a.Predecessors).ThenInclude(s => s.Predecessor)
            .AsSplitQuery()
            .FirstOrDefaultAsync(a => a.Code == normalised, cancellationToken);
        if (area is null)
        {
            return null;
        }

        var related = await db.Areas.AsNoTracking()
            .Where(a => a.Code == area.RegionCode || a.Code == area.ParentCode)
            .ToDictionaryAsync(a => a.Code, cancellationToken);
        var children = await db.Areas.AsNoTracking()
            .Where(a => a.ParentCode == area.Code)
            .OrderBy(a => a.ValidTo != null).ThenBy(a => a.Name)
            .Select(a => new AreaLink(a.Code, a.Name, a.Kind, a.ValidTo, null, null))
            .ToListAsync(cancellationToken);

        return new AreaDetails(
            ToSummary(area, [.. area.Successors.Select(s => s.SuccessorCode).Order(StringComparer.Ordinal)]),
            area.RegionCode is { } r && related.TryGetValue(r, out var region) ? ToLink(region) : null,
            area.ParentCode is { } p && related.TryGetValue(p, out var parent) ? ToLink(parent) : null,
            [.. area.Successors.OrderBy(s => s.Successor!.Name).Select(s => ToLink(s.Successor!) with { Succession = s.Kind, Effective = s.EffectiveFrom })],
            [.. area.Predecessors.OrderBy(s => s.Predecessor!.Name).Select(s => ToLink(s.Predecessor!) with { Succession = s.Kind, Effective = s.EffectiveFrom })],
            children);
    }

    private static AreaLink ToLink(Area area) => new(area.Code, area.Name, area.Kind, area.ValidTo);

    private static AreaSummary ToSummary(Area a, IReadOnlyList<string> successorCodes) =>
        new(a.Code, a.Name, a.Kind, a.RegionCode, a.ParentCode, a.OdsCode, a.ValidFrom, a.ValidTo, successorCodes);
}
