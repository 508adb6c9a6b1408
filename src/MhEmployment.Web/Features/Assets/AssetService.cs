using MhEmployment.Web.Data;
using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Audit;
using MhEmployment.Web.Features.DataVersions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace MhEmployment.Web.Features.Assets;

public sealed record AssetResult(Asset? Asset, IReadOnlyList<FieldError> Errors, bool NotFound = false)
{
    public bool Succeeded => Asset is not null && Errors.Count == 0;
}

/// <summary>
/// Adds, edits and rates assets for the pages, the API and the import: checks them against the rules, keeps their
/// history (who, when, what changed), writes the audit log, and drops cached dashboards that show them.
/// </summary>
public sealed class AssetService(AppDbContext db, AuditLog audit, TimeProvider clock, DataVersion versions)
{
    public async Task<AssetReference> ReferenceAsync(CancellationToken cancellationToken = default)
    {
        var items = await db.AssetChecklistItems.AsNoTracking()
            .Select(i => new ItemRef(i.Id, i.Key, i.Domain!.Number, i.Number, i.Text, i.RetiredUtc != null))
            .ToListAsync(cancellationToken);
        var areas = await db.Areas.AsNoTracking()
            .Select(a => new AreaRef(a.Code, a.Name, a.Kind, a.ValidTo == null))
            .ToListAsync(cancellationToken);
        return new AssetReference(items, areas);
    }

    /// <summary>Assets with this name and provider (case aside), other than the one being edited.</summary>
    public async Task<List<SimilarAsset>> SimilarAsync(string? name, string? provider, int? exceptId, CancellationToken cancellationToken = default)
    {
        var n = AssetRules.Clean(name)?.ToUpperInvariant();
        var p = AssetRules.Clean(provider)?.ToUpperInvariant();
        if (n is null || p is null)
        {
            return [];
        }
#pragma warning disable CA1304, CA1311, CA1862 // Translated to SQL upper(), not run in .NET.
        var rows = await db.Assets.AsNoTracking()
            .Where(a => a.Name.ToUpper() == n && a.Provider.ToUpper() == p && a.Id != exceptId)
            .Select(a => new { a.Id, a.Name, Items = a.Items.Select(i => i.ItemId).ToList() })
            .ToListAsync(cancellationToken);
#pragma warning restore CA1304, CA1311, CA1862
        return [.. rows.Select(r => new SimilarAsset($"asset {r.Id}", r.Name, r.Items))];
    }

    public Task<Asset?> FindAsync(int id, CancellationToken cancellationToken = default) =>
        db.Assets.Include(a => a.Items).Include(a => a.Areas).AsSplitQuery().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);

    public async Task<AssetResult> CreateAsync(AssetDraft draft, string actor, CancellationToken cancellationToken = default)
    {
        var reference = await ReferenceAsync(cancellationToken);
        var (values, errors) = AssetRules.Validate(draft, reference, [], await SimilarAsync(draft.Name, draft.Provider, null, cancellationToken));
        if (values is null)
        {
            return new AssetResult(null, errors);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var asset = new Asset { Name = values.Name, Provider = values.Provider, CreatedUtc = now, CreatedBy = actor, UpdatedUtc = now, UpdatedBy = actor };
        Apply(asset, values);
        db.Assets.Add(asset);
        await db.SaveChangesAsync(cancellationToken);
        db.AssetChanges.Add(new AssetChange
        {
            AssetId = asset.Id, OccurredUtc = now, Actor = actor, Kind = AssetChangeKind.Created,
            Summary = "Added to the register",
        });
        await db.SaveChangesAsync(cancellationToken);
        await audit.WriteAsync(AuditActions.AssetCreated, $"asset {asset.Id}", asset.Name, cancellationToken: cancellationToken);
        await CommitAsync(transaction, actor, cancellationToken);
        return new AssetResult(asset, []);
    }

    public async Task<AssetResult> UpdateAsync(int id, AssetDraft draft, string actor, CancellationToken cancellationToken = default)
    {
        var asset = await FindAsync(id, cancellationToken);
        if (asset is null)
        {
            return new AssetResult(null, [], NotFound: true);
        }
        var reference = await ReferenceAsync(cancellationToken);
        var current = asset.Items.Select(i => i.ItemId).ToList();
        var (values, errors) = AssetRules.Validate(draft, reference, current, await SimilarAsync(draft.Name, draft.Provider, id, cancellationToken));
        if (values is null)
        {
            return new AssetResult(null, errors);
        }
        var before = AssetSnapshot.Of(asset, reference.ItemsById);
        var after = AssetSnapshot.Of(values, reference.ItemsById);
        var summary = after.DescribeChangesFrom(before);
        if (summary.Length == 0)
        {
            return new AssetResult(asset, []);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        Apply(asset, values);
        asset.UpdatedUtc = now;
        asset.UpdatedBy = actor;
        db.AssetChanges.Add(new AssetChange { AssetId = id, OccurredUtc = now, Actor = actor, Kind = AssetChangeKind.Edited, Summary = summary });
        await db.SaveChangesAsync(cancellationToken);
        await audit.WriteAsync(AuditActions.AssetEdited, $"asset {id}", Truncate(summary), cancellationToken: cancellationToken);
        await CommitAsync(transaction, actor, cancellationToken);
        return new AssetResult(asset, []);
    }

    public async Task<AssetResult> RateAsync(int id, string? rating, string? rationale, string actor, CancellationToken cancellationToken = default)
    {
        var asset = await db.Assets.FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (asset is null)
        {
            return new AssetResult(null, [], NotFound: true);
        }
        var (value, text, errors) = AssetRules.ValidateRating(rating, rationale);
        if (errors.Count > 0)
        {
            return new AssetResult(null, errors);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var summary = asset.Rating is { } old ? $"Rating: {old} → {value}" : $"Rated {value}";
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        asset.Rating = value;
        asset.RatingRationale = text;
        asset.RatedBy = actor;
        asset.RatedUtc = now;
        db.AssetChanges.Add(new AssetChange
        {
            AssetId = id, OccurredUtc = now, Actor = actor, Kind = AssetChangeKind.Rated, Summary = summary, Rating = value, Rationale = text,
        });
        await db.SaveChangesAsync(cancellationToken);
        await audit.WriteAsync(AuditActions.AssetRated, $"asset {id}", $"{summary}: {Truncate(text!)}", cancellationToken: cancellationToken);
        await CommitAsync(transaction, actor, cancellationToken);
        return new AssetResult(asset, []);
    }

    public Task<List<AssetChange>> HistoryAsync(int id, CancellationToken cancellationToken = default) =>
        db.AssetChanges.AsNoTracking().Where(c => c.AssetId == id).OrderByDescending(c => c.OccurredUtc).ThenByDescending(c => c.Id).ToListAsync(cancellationToken);

    /// <summary>Writes checked values onto an asset, replacing its items and areas.</summary>
    public static void Apply(Asset asset, AssetValues values)
    {
        asset.Name = values.Name;
        asset.Description = values.Description;
        asset.Provider = values.Provider;
        asset.Sector = values.Sector;
        asset.TargetGroup = values.TargetGroup;
        asset.Eligibility = values.Eligibility;
        asset.CapacityPerYear = values.CapacityPerYear;
        asset.DemandPerYear = values.DemandPerYear;
        asset.WaitingList = values.WaitingList;
        asset.FundingSource = values.FundingSource;
        asset.FundingAmount = values.FundingAmount;
        asset.FundingStart = values.FundingStart;
        asset.FundingEnd = values.FundingEnd;
        asset.Commissioner = values.Commissioner;
        asset.Contact = values.Contact;
        asset.Website = values.Website;
        asset.Postcode = values.Postcode;
        asset.Items.RemoveAll(i => !values.ItemIds.Contains(i.ItemId));
        asset.Items.AddRange(values.ItemIds.Where(id => asset.Items.All(i => i.ItemId != id)).Select(id => new AssetItemLink { AssetId = asset.Id, ItemId = id }));
        asset.Areas.RemoveAll(a => !values.AreaCodes.Contains(a.AreaCode, StringComparer.Ordinal));
        asset.Areas.AddRange(values.AreaCodes.Where(c => asset.Areas.All(a => a.AreaCode != c)).Select(c => new AssetAreaLink { AssetId = asset.Id, AreaCode = c }));
    }

    /// <summary>The borough dashboards show an assets section: drop cached copies so they show the change at once.</summary>
    /// <summary>
    /// Ends a change of the register or its ratings as a new data version (touching no indicator), so that every page
    /// built from the assets is built again: the caller's open transaction is committed.
    /// </summary>
    public async Task CommitAsync(IDbContextTransaction transaction, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        await versions.CommitChangeAsync(db, transaction, DataChangeKinds.Assets, actor, clock.GetUtcNow().UtcDateTime, cancellationToken);
    }

    private static string Truncate(string text) => text.Length > 1000 ? text[..1000] + "…" : text;
}
