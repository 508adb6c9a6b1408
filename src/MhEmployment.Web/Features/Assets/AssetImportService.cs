using System.Text.Json;
using MhEmployment.Web.Data;
using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace MhEmployment.Web.Features.Assets;

public sealed record AssetImportPreview(AssetImport Import, IReadOnlyList<PlannedRow> Rows, IReadOnlyList<CsvError> Errors)
{
    public int Count(PlannedChange change) => Rows.Count(r => r.Change == change);
}

/// <summary>
/// Asset CSV imports with the same contract as indicator imports: upload, preview (every problem with its line, column,
/// value and reason), commit all or nothing, undo, and an audit entry for each step.
/// </summary>
public sealed class AssetImportService(AppDbContext db, AssetService assets, AuditLog audit, TimeProvider clock)
{
    private sealed record PriorAsset(int Id, bool Created, Dictionary<string, string>? Fields, int? Rating, string? RatingRationale, string? RatedBy, DateTime? RatedUtc);

    public async Task<AssetImport> UploadAsync(string fileName, string content, string actor, CancellationToken cancellationToken = default)
    {
        var import = new AssetImport
        {
            FileName = CleanFileName(fileName), Content = content, CreatedUtc = clock.GetUtcNow().UtcDateTime, CreatedBy = actor,
            Status = AssetImportStatus.Previewed,
        };
        db.AssetImports.Add(import);
        await db.SaveChangesAsync(cancellationToken);
        return import;
    }

    public Task<List<AssetImport>> HistoryAsync(CancellationToken cancellationToken = default) =>
        db.AssetImports.AsNoTracking().OrderByDescending(i => i.Id).Take(50)
            .Select(i => new AssetImport
            {
                Id = i.Id, FileName = i.FileName, Content = "", CreatedUtc = i.CreatedUtc, CreatedBy = i.CreatedBy, Status = i.Status,
                RowCount = i.RowCount, CreatedCount = i.CreatedCount, UpdatedCount = i.UpdatedCount, UnchangedCount = i.UnchangedCount,
                CommittedUtc = i.CommittedUtc, UndoneUtc = i.UndoneUtc,
            })
            .ToListAsync(cancellationToken);

    /// <summary>What the file would do now; null for an unknown import.</summary>
    public async Task<AssetImportPreview?> PreviewAsync(int id, bool canRate, CancellationToken cancellationToken = default)
    {
        var import = await db.AssetImports.FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        return import is null ? null : await PlanAsync(import, canRate, cancellationToken);
    }

    /// <summary>Commits every row or none. Errors when the file has problems (checked again now) or was already committed.</summary>
    public async Task<(AssetImportPreview? Preview, string? Problem)> CommitAsync(int id, string actor, bool canRate, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var import = await db.AssetImports.FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (import is null)
        {
            return (null, null);
        }
        if (import.Status != AssetImportStatus.Previewed)
        {
            return (await PlanAsync(import, canRate, cancellationToken), $"This file was already {import.Status.ToString().ToLowerInvariant()}");
        }
        var preview = await PlanAsync(import, canRate, cancellationToken);
        if (preview.Errors.Count > 0)
        {
            return (preview, $"The file has {preview.Errors.Count:N0} problem(s); nothing was written. Correct them and upload it again.");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var reference = await assets.ReferenceAsync(cancellationToken);
        var prior = new List<PriorAsset>();
        var changed = new List<(Asset Asset, PlannedRow Row)>();
        foreach (var row in preview.Rows.Where(r => r.Change != PlannedChange.Unchanged))
        {
            Asset asset;
            if (row.Id is { } assetId)
            {
                asset = (await assets.FindAsync(assetId, cancellationToken))!;
                prior.Add(new PriorAsset(asset.Id, false, AssetSnapshot.Of(asset, reference.ItemsById).Fields.ToDictionary(), asset.Rating, asset.RatingRationale, asset.RatedBy, asset.RatedUtc));
            }
            else
            {
                asset = new Asset { Name = row.Values.Name, Provider = row.Values.Provider, CreatedUtc = now, CreatedBy = actor, UpdatedUtc = now, UpdatedBy = actor, ImportId = import.Id };
                db.Assets.Add(asset);
            }
            AssetService.Apply(asset, row.Values);
            asset.UpdatedUtc = now;
            asset.UpdatedBy = actor;
            if (row.RatingChanged)
            {
                asset.Rating = row.Rating;
                asset.RatingRationale = row.Rationale;
                asset.RatedBy = actor;
                asset.RatedUtc = now;
            }
            changed.Add((asset, row));
        }
        await db.SaveChangesAsync(cancellationToken);
        foreach (var (asset, row) in changed)
        {
            var what = row.Change == PlannedChange.Create ? "Added" : "Changed";
            db.AssetChanges.Add(new AssetChange
            {
                AssetId = asset.Id, OccurredUtc = now, Actor = actor, Kind = AssetChangeKind.Imported,
                Summary = $"{what} by import {import.Id} ({import.FileName}, line {row.Line})" + (string.IsNullOrEmpty(row.Summary) ? "" : ": " + row.Summary),
            });
            if (row.RatingChanged)
            {
                db.AssetChanges.Add(new AssetChange
                {
                    AssetId = asset.Id, OccurredUtc = now, Actor = actor, Kind = AssetChangeKind.Rated,
                    Summary = $"Rated {row.Rating} by import {import.Id}", Rating = row.Rating, Rationale = row.Rationale,
                });
            }
        }
        import.Status = AssetImportStatus.Committed;
        import.CommittedUtc = now;
        import.RowCount = preview.Rows.Count;
        import.CreatedCount = preview.Count(PlannedChange.Create);
        import.UpdatedCount = preview.Count(PlannedChange.Update);
        import.UnchangedCount = preview.Count(PlannedChange.Unchanged);
        import.PriorState = JsonSerializer.Serialize(prior);
        await db.SaveChangesAsync(cancellationToken);
        await assets.CommitAsync(transaction, actor, cancellationToken);
        await audit.WriteAsync(AuditActions.AssetImportCommitted, $"asset import {import.Id}",
            $"{import.FileName}: {import.CreatedCount} added, {import.UpdatedCount} changed, {import.UnchangedCount} unchanged", actor: actor, cancellationToken: cancellationToken);
        return (preview, null);
    }

    /// <summary>Removes the assets a commit added and puts back those it changed, unless any was changed since.</summary>
    public async Task<(bool Found, string? Problem)> UndoAsync(int id, string actor, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var import = await db.AssetImports.FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (import is null)
        {
            return (false, null);
        }
        if (import.Status != AssetImportStatus.Committed)
        {
            return (true, "Only a committed import can be undone");
        }
        var prior = JsonSerializer.Deserialize<List<PriorAsset>>(import.PriorState ?? "[]") ?? [];
        var createdIds = await db.Assets.Where(a => a.ImportId == import.Id).Select(a => a.Id).ToListAsync(cancellationToken);
        var touched = createdIds.Concat(prior.Select(p => p.Id)).ToList();
        var committed = import.CommittedUtc!.Value;
        var later = await db.AssetChanges.Where(c => touched.Contains(c.AssetId) && c.OccurredUtc > committed).Select(c => c.AssetId).Distinct().ToListAsync(cancellationToken);
        if (later.Count > 0)
        {
            return (true, $"Asset(s) {string.Join(", ", later.Order())} were changed after this import; undo would lose those changes, so nothing was undone");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var reference = await assets.ReferenceAsync(cancellationToken);
        await db.Assets.Where(a => createdIds.Contains(a.Id)).ExecuteDeleteAsync(cancellationToken);
        foreach (var before in prior)
        {
            var asset = await assets.FindAsync(before.Id, cancellationToken);
            if (asset is null)
            {
                continue;
            }
            var snapshot = new AssetSnapshot([.. before.Fields!]);
            var (values, _) = AssetRules.Validate(snapshot.ToDraft(), reference, [.. asset.Items.Select(i => i.ItemId), .. ItemIds(snapshot, reference)], []);
            if (values is not null)
            {
                AssetService.Apply(asset, values);
            }
            asset.Rating = before.Rating;
            asset.RatingRationale = before.RatingRationale;
            asset.RatedBy = before.RatedBy;
            asset.RatedUtc = before.RatedUtc;
            asset.UpdatedUtc = now;
            asset.UpdatedBy = actor;
            db.AssetChanges.Add(new AssetChange
            {
                AssetId = asset.Id, OccurredUtc = now, Actor = actor, Kind = AssetChangeKind.ImportUndone,
                Summary = $"Import {import.Id} undone: values put back as they were before it",
            });
        }
        import.Status = AssetImportStatus.Undone;
        import.UndoneUtc = now;
        await db.SaveChangesAsync(cancellationToken);
        await assets.CommitAsync(transaction, actor, cancellationToken);
        await audit.WriteAsync(AuditActions.AssetImportUndone, $"asset import {import.Id}",
            $"{import.FileName}: {createdIds.Count} removed, {prior.Count} put back", actor: actor, cancellationToken: cancellationToken);
        return (true, null);
    }

    private static IEnumerable<int> ItemIds(AssetSnapshot snapshot, AssetReference reference) =>
        AssetSnapshot.Split(snapshot["items"]).Select(k => reference.ItemsByKey.TryGetValue(k, out var item) ? item.Id : 0).Where(i => i > 0);

    private async Task<AssetImportPreview> PlanAsync(AssetImport import, bool canRate, CancellationToken cancellationToken)
    {
        var (rows, readErrors) = AssetCsv.Read(import.Content);
        if (readErrors.Count > 0 && rows.Count == 0)
        {
            return new AssetImportPreview(import, [], readErrors);
        }
        var reference = await assets.ReferenceAsync(cancellationToken);
        var register = await db.Assets.AsNoTracking().Select(a => new { a.Id, a.Name, a.Provider }).ToListAsync(cancellationToken);
        var keys = rows.Where(r => r.Draft.Name is not null && r.Draft.Provider is not null)
            .Select(r => AssetImportPlanner.Key(r.Draft.Name!, r.Draft.Provider!)).ToHashSet(StringComparer.Ordinal);
        var wanted = rows.Select(r => r.Id).OfType<int>()
            .Concat(register.Where(a => keys.Contains(AssetImportPlanner.Key(a.Name, a.Provider))).Select(a => a.Id))
            .ToHashSet();
        var existing = new Dictionary<int, ExistingAsset>();
        foreach (var chunk in wanted.Chunk(1000))
        {
            var found = await db.Assets.AsNoTracking().Include(a => a.Items).Include(a => a.Areas).AsSplitQuery()
                .Where(a => chunk.Contains(a.Id)).ToListAsync(cancellationToken);
            foreach (var asset in found)
            {
                existing[asset.Id] = new ExistingAsset(asset.Id, AssetSnapshot.Of(asset, reference.ItemsById), [.. asset.Items.Select(i => i.ItemId)], asset.Rating, asset.RatingRationale);
            }
        }
        var (planned, errors) = AssetImportPlanner.Plan(rows, reference, existing, [.. register.Select(a => (a.Id, a.Name, a.Provider))], canRate);
        return new AssetImportPreview(import, planned, [.. readErrors, .. errors.OrderBy(e => e.Line)]);
    }

    /// <summary>The last part of the name (either separator), without control or direction-changing characters, at most 255 long.</summary>
    public static string CleanFileName(string name)
    {
        var last = name.Split('/', '\\').Last();
        var clean = new string([.. last.Where(c => !char.IsControl(c) && char.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.Format)]).Trim();
        clean = clean.Length == 0 ? "assets.csv" : clean;
        return clean.Length > 255 ? clean[..255] : clean;
    }
}
