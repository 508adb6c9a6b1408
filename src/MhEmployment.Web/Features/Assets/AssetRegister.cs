using System.Globalization;
using MhEmployment.Web.Data;
using MhEmployment.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace MhEmployment.Web.Features.Assets;

public enum AssetSort { Name, Provider, Rating, FundingEnd, Updated }

/// <summary>The register's filters, as checked from a query string (page or API).</summary>
public sealed record AssetFilter
{
    public string? AreaCode { get; init; }
    public int? DomainNumber { get; init; }
    public string? ItemKey { get; init; }

    /// <summary>1, 2 or 3; 0 for assets not yet rated.</summary>
    public int? Rating { get; init; }
    public AssetSector? Sector { get; init; }
    public bool FundingEndingSoon { get; init; }
    public string? Search { get; init; }
    public AssetSort Sort { get; init; }
    public int Page { get; init; } = 1;

    public static (AssetFilter? Filter, Dictionary<string, string[]> Errors) Parse(
        string? area, string? domain, string? item, string? rating, string? sector, string? fundingEnding, string? q, string? sort, string? page)
    {
        var errors = new Dictionary<string, string[]>();
        int? domainNumber = null;
        if (!string.IsNullOrWhiteSpace(domain))
        {
            if (int.TryParse(domain, NumberStyles.None, CultureInfo.InvariantCulture, out var d) && d is >= 1 and <= 99)
            {
                domainNumber = d;
            }
            else
            {
                errors["domain"] = [$"'{domain}' is not a checklist domain; domains are numbered 1 to 4"];
            }
        }
        int? ratingValue = rating?.Trim().ToLowerInvariant() switch
        {
            null or "" => null,
            "1" => 1,
            "2" => 2,
            "3" => 3,
            "unrated" or "0" => 0,
            _ => -1,
        };
        if (ratingValue == -1)
        {
            errors["rating"] = [$"'{rating}' is not a rating; use 1, 2, 3 or unrated"];
        }
        AssetSector? sectorValue = null;
        if (!string.IsNullOrWhiteSpace(sector))
        {
            sectorValue = AssetSectors.Parse(sector);
            if (sectorValue is null)
            {
                errors["sector"] = [$"'{sector}' is not a sector; use one of {AssetSectors.CodeList}"];
            }
        }
        var sortValue = AssetSort.Name;
        if (!string.IsNullOrWhiteSpace(sort) && !Enum.TryParse(sort.Replace("-", "", StringComparison.Ordinal), ignoreCase: true, out sortValue))
        {
            errors["sort"] = [$"'{sort}' is not a sort order; use name, provider, rating, funding-end or updated"];
        }
        var pageValue = 1;
        if (!string.IsNullOrWhiteSpace(page) && (!int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out pageValue) || pageValue < 1))
        {
            errors["page"] = [$"'{page}' is not a page number"];
        }
        if (errors.Count > 0)
        {
            return (null, errors);
        }
        return (new AssetFilter
        {
            AreaCode = AssetRules.Clean(area)?.ToUpperInvariant(),
            DomainNumber = domainNumber,
            ItemKey = AssetRules.Clean(item),
            Rating = ratingValue,
            Sector = sectorValue,
            FundingEndingSoon = fundingEnding is "true" or "on" or "1",
            Search = AssetRules.Clean(q),
            Sort = sortValue,
            Page = pageValue,
        }, errors);
    }
}

/// <summary>One row of the register.</summary>
public sealed record AssetRow(
    int Id, string Name, string Provider, AssetSector Sector, int? Rating, DateTime? RatedUtc, DateOnly? FundingEnd,
    DateTime UpdatedUtc, IReadOnlyList<string> ItemKeys, IReadOnlyList<string> AreaCodes);

/// <summary>A page of the register, the count of all that match, and how many of those have alerts.</summary>
public sealed record AssetPage(IReadOnlyList<AssetRow> Rows, int Total, int Page, int PageSize, int FundingEnding, int Stale)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>
/// The register: assets matching the filters, sorted and a page at a time, with the count of all that match. The area
/// filter finds the assets available in an area: those serving it or any area it lies in (county, region, ICB).
/// </summary>
public sealed class AssetRegister(AppDbContext db, ServingAreas serving, TimeProvider clock)
{
    public const int PageSize = 25;

    /// <summary>Null with a problem when the area or the item does not exist.</summary>
    public async Task<(AssetPage? Page, string? Problem, string? Field)> SearchAsync(AssetFilter filter, CancellationToken cancellationToken = default)
    {
        var (query, problem, field) = await QueryAsync(filter, cancellationToken);
        if (query is null)
        {
            return (null, problem, field);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var horizon = AssetAlerts.FundingHorizon(today);
        var staleBefore = now.AddMonths(-AssetAlerts.StaleMonths);
        // One pass over the matching assets for the count and the alerts.
        var counts = await query.GroupBy(_ => 1)
            .Select(g => new
            {
                Total = g.Count(),
                FundingEnding = g.Count(a => a.FundingEnd >= today && a.FundingEnd <= horizon),
                Stale = g.Count(a => a.RatedUtc < staleBefore),
            })
            .FirstOrDefaultAsync(cancellationToken);
        IOrderedQueryable<Asset> ordered = filter.Sort switch
        {
            AssetSort.Provider => query.OrderBy(a => a.Provider).ThenBy(a => a.Name),
            AssetSort.Rating => query.OrderBy(a => a.Rating == null).ThenBy(a => a.Rating).ThenBy(a => a.Name),
            AssetSort.FundingEnd => query.OrderBy(a => a.FundingEnd == null).ThenBy(a => a.FundingEnd).ThenBy(a => a.Name),
            AssetSort.Updated => query.OrderByDescending(a => a.UpdatedUtc),
            _ => query.OrderBy(a => a.Name).ThenBy(a => a.Provider),
        };
        var rows = await ordered.ThenBy(a => a.Id)
            .Skip((filter.Page - 1) * PageSize).Take(PageSize)
            .Select(a => new { a.Id, a.Name, a.Provider, a.Sector, a.Rating, a.RatedUtc, a.FundingEnd, a.UpdatedUtc })
            .ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Id).ToList();
        var items = (await db.AssetItems.AsNoTracking().Where(i => ids.Contains(i.AssetId)).Select(i => new { i.AssetId, i.Item!.Key }).ToListAsync(cancellationToken))
            .ToLookup(i => i.AssetId, i => i.Key);
        var areas = (await db.AssetAreas.AsNoTracking().Where(l => ids.Contains(l.AssetId)).Select(l => new { l.AssetId, l.AreaCode }).ToListAsync(cancellationToken))
            .ToLookup(l => l.AssetId, l => l.AreaCode);
        return (new AssetPage(
            [.. rows.Select(r => new AssetRow(r.Id, r.Name, r.Provider, r.Sector, r.Rating, r.RatedUtc, r.FundingEnd, r.UpdatedUtc,
                [.. items[r.Id]], [.. areas[r.Id].Order(StringComparer.Ordinal)]))],
            counts?.Total ?? 0, filter.Page, PageSize, counts?.FundingEnding ?? 0, counts?.Stale ?? 0), null, null);
    }

    /// <summary>Every asset the filters match, whole, in id order (for the CSV export).</summary>
    public async Task<(List<Asset>? Assets, string? Problem, string? Field)> AllAsync(AssetFilter filter, CancellationToken cancellationToken = default)
    {
        var (query, problem, field) = await QueryAsync(filter, cancellationToken);
        if (query is null)
        {
            return (null, problem, field);
        }
        return (await query.Include(a => a.Items).Include(a => a.Areas).AsSplitQuery().OrderBy(a => a.Id).ToListAsync(cancellationToken), null, null);
    }

    private async Task<(IQueryable<Asset>? Query, string? Problem, string? Field)> QueryAsync(AssetFilter filter, CancellationToken cancellationToken)
    {
        var query = db.Assets.AsNoTracking();
        if (filter.AreaCode is { } code)
        {
            var areas = await serving.ForAsync(code, cancellationToken);
            if (areas is null)
            {
                return (null, $"No area has the code '{code}'", "area");
            }
            var codes = areas.Value.Serving.Select(s => s.Code).ToList();
            // Driven from the (AreaCode, AssetId) index: the assets serving those areas, not every asset checked in turn.
            var servingIds = db.AssetAreas.Where(l => codes.Contains(l.AreaCode)).Select(l => l.AssetId);
            query = query.Where(a => servingIds.Contains(a.Id));
        }
        if (filter.ItemKey is { } key)
        {
            var itemId = await db.AssetChecklistItems.Where(i => i.Key == key).Select(i => (int?)i.Id).FirstOrDefaultAsync(cancellationToken);
            if (itemId is null)
            {
                return (null, $"'{key}' is not a checklist item", "item");
            }
            var withItem = db.AssetItems.Where(i => i.ItemId == itemId).Select(i => i.AssetId);
            query = query.Where(a => withItem.Contains(a.Id));
        }
        if (filter.DomainNumber is { } domain)
        {
            var itemIds = await db.AssetChecklistItems.Where(i => i.Domain!.Number == domain).Select(i => i.Id).ToListAsync(cancellationToken);
            var inDomain = db.AssetItems.Where(i => itemIds.Contains(i.ItemId)).Select(i => i.AssetId);
            query = query.Where(a => inDomain.Contains(a.Id));
        }
        if (filter.Rating is 0)
        {
            query = query.Where(a => a.Rating == null);
        }
        else if (filter.Rating is { } rating)
        {
            query = query.Where(a => a.Rating == rating);
        }
        if (filter.Sector is { } sector)
        {
            query = query.Where(a => a.Sector == sector);
        }
        if (filter.FundingEndingSoon)
        {
            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            var horizon = AssetAlerts.FundingHorizon(today);
            query = query.Where(a => a.FundingEnd >= today && a.FundingEnd <= horizon);
        }
        if (filter.Search is { } text)
        {
            var upper = text.ToUpperInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // Translated to SQL upper(), not run in .NET.
            query = query.Where(a => a.Name.ToUpper().Contains(upper) || a.Provider.ToUpper().Contains(upper));
#pragma warning restore CA1304, CA1311, CA1862
        }
        return (query, null, null);
    }
}
