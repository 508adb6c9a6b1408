using MhEmployment.Web.Data;
using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Assets;
using MhEmployment.Web.Features.Audit;
using MhEmployment.Web.Features.DataVersions;
using Microsoft.EntityFrameworkCore;

namespace MhEmployment.Web.Features.NeedsAssets;

/// <summary>The names a list or page of priorities shows for the ids they hold.</summary>
public sealed record PriorityLabels(
    IReadOnlyDictionary<int, PriorityDomainRef> Domains, IReadOnlyDictionary<int, ItemRef> Items, IReadOnlyDictionary<int, PriorityIndicatorRef> Indicators,
    IReadOnlyDictionary<int, PriorityAssetRef> Assets)
{
    public string Domain(Priority priority) => Domains.TryGetValue(priority.DomainId, out var d) ? $"{d.Number}. {d.Name}" : "";

    public string? Item(Priority priority) =>
        priority.ItemId is { } id && Items.TryGetValue(id, out var i) ? $"{i.DomainNumber}.{i.Number} {i.Text}{(i.IsRetired ? " (retired)" : "")}" : null;
}

public sealed record PriorityResult(Priority? Priority, IReadOnlyList<FieldError> Errors, bool NotFound = false, bool Unchanged = false)
{
    public bool Succeeded => Priority is not null && Errors.Count == 0;
}

/// <summary>
/// Records and edits the priorities a board agrees for a borough, for the pages and the API: checks them against the
/// rules, keeps their history (who changed what, when), writes the audit log, and ends each change as a new data
/// version, since exports read them.
/// </summary>
public sealed class PriorityService(AppDbContext db, CoverageService coverage, AuditLog audit, TimeProvider clock, DataVersion versions)
{
    /// <summary>The area, when it is one priorities can be recorded for: the areas with a coverage page (current, served).</summary>
    public async Task<Area?> AreaAsync(string code, CancellationToken cancellationToken = default)
    {
        var normalised = code.Trim().ToUpperInvariant();
        var area = await db.Areas.AsNoTracking().FirstOrDefaultAsync(a => a.Code == normalised, cancellationToken);
        return area is not null && CoverageService.HasCoverage(area) ? area : null;
    }

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public Task<List<Priority>> ListAsync(string areaCode, CancellationToken cancellationToken = default) =>
        Query().AsNoTracking().Where(p => p.AreaCode == areaCode).OrderBy(p => p.Id).ToListAsync(cancellationToken);

    public Task<Priority?> FindAsync(int id, CancellationToken cancellationToken = default) =>
        Query().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);

    public Task<List<PriorityChange>> HistoryAsync(int id, CancellationToken cancellationToken = default) =>
        db.PriorityChanges.AsNoTracking().Where(c => c.PriorityId == id).OrderByDescending(c => c.ChangedUtc).ThenByDescending(c => c.Id).ToListAsync(cancellationToken);

    /// <summary>The change histories of several priorities at once, newest first.</summary>
    public async Task<ILookup<int, PriorityChange>> HistoriesAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken = default) =>
        (await db.PriorityChanges.AsNoTracking().Where(c => ids.Contains(c.PriorityId)).ToListAsync(cancellationToken))
            .OrderByDescending(c => c.ChangedUtc).ThenByDescending(c => c.Id).ToLookup(c => c.PriorityId);

    public async Task<PriorityLabels> LabelsAsync(IReadOnlyCollection<Priority> priorities, CancellationToken cancellationToken = default)
    {
        var checklist = await CoverageService.ChecklistAsync(db, cancellationToken);
        var domainIds = await db.AssetDomains.AsNoTracking().ToDictionaryAsync(d => d.Number, d => d.Id, cancellationToken);
        var assetIds = priorities.SelectMany(p => p.Assets.Select(a => a.AssetId)).Distinct().ToList();
        var assets = await db.Assets.AsNoTracking().Where(a => assetIds.Contains(a.Id))
            .Select(a => new PriorityAssetRef(a.Id, a.Name, a.Provider, a.Rating, new List<string>(), false)).ToDictionaryAsync(a => a.Id, cancellationToken);
        var indicators = await db.Indicators.AsNoTracking().Select(i => new PriorityIndicatorRef(i.Id, i.Key, i.Name)).ToDictionaryAsync(i => i.Id, cancellationToken);
        return new PriorityLabels(
            checklist.ToDictionary(d => domainIds[d.Number], d => new PriorityDomainRef(domainIds[d.Number], d.Number, d.Name, d.Items)),
            checklist.SelectMany(d => d.Items).ToDictionary(i => i.Id), indicators, assets);
    }

    /// <summary>
    /// The checklist, the catalogue, the evidence links, and the assets serving the area (from its coverage), with
    /// those the priority links already: what the rules check against and the form offers.
    /// </summary>
    public async Task<PriorityReference> ReferenceAsync(string areaCode, Priority? existing, CancellationToken cancellationToken = default)
    {
        var checklist = await CoverageService.ChecklistAsync(db, cancellationToken);
        var domainIds = await db.AssetDomains.AsNoTracking().ToDictionaryAsync(d => d.Number, d => d.Id, cancellationToken);
        var borough = await coverage.ForAsync(areaCode, cancellationToken);
        var areaName = borough?.Area.Name ?? await db.Areas.AsNoTracking().Where(a => a.Code == areaCode).Select(a => a.Name).FirstAsync(cancellationToken);
        var serving = (borough?.Domains ?? []).SelectMany(d => d.Items).SelectMany(i => i.Assets.Select(a => (a.Asset, Item: i.Item)))
            .GroupBy(a => a.Asset.Id)
            .Select(g => new PriorityAssetRef(g.Key, g.First().Asset.Name, g.First().Asset.Provider, g.First().Asset.Rating,
                [.. g.Select(a => $"{a.Item.DomainNumber}.{a.Item.Number}").Distinct()], Serves: true))
            .ToList();
        var linked = existing?.Assets.Select(a => a.AssetId).Where(id => serving.All(s => s.Id != id)).ToList() ?? [];
        var others = linked.Count == 0 ? [] : await db.Assets.AsNoTracking().Where(a => linked.Contains(a.Id))
            .Select(a => new PriorityAssetRef(a.Id, a.Name, a.Provider, a.Rating, new List<string>(), false)).ToListAsync(cancellationToken);
        var indicators = await db.Indicators.AsNoTracking().Select(i => new PriorityIndicatorRef(i.Id, i.Key, i.Name)).ToListAsync(cancellationToken);
        var evidence = (await db.EvidenceLinks.AsNoTracking().Select(l => new { l.DomainId, l.IndicatorId }).ToListAsync(cancellationToken))
            .ToLookup(l => l.DomainId, l => l.IndicatorId);
        return new PriorityReference(areaName,
            checklist.Select(d => new PriorityDomainRef(domainIds[d.Number], d.Number, d.Name, d.Items)),
            serving.Concat(others).OrderBy(a => a.Name, StringComparer.OrdinalIgnoreCase).ThenBy(a => a.Id),
            indicators, evidence);
    }

    public async Task<PriorityResult> CreateAsync(string areaCode, PriorityDraft draft, string actor, CancellationToken cancellationToken = default)
    {
        var area = await AreaAsync(areaCode, cancellationToken);
        if (area is null)
        {
            return new PriorityResult(null, [], NotFound: true);
        }
        var (values, errors) = PriorityRules.Validate(draft, await ReferenceAsync(area.Code, null, cancellationToken));
        if (values is null)
        {
            return new PriorityResult(null, errors);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var priority = new Priority
        {
            AreaCode = area.Code, Description = values.Description, Owner = values.Owner,
            CreatedUtc = now, CreatedBy = actor, UpdatedUtc = now, UpdatedBy = actor,
        };
        Apply(priority, values);
        db.Priorities.Add(priority);
        await db.SaveChangesAsync(cancellationToken);
        var summary = $"Recorded as {PriorityText.Name(values.Status).ToLowerInvariant()}";
        db.PriorityChanges.Add(new PriorityChange { PriorityId = priority.Id, ChangedUtc = now, ChangedBy = actor, Summary = summary });
        await db.SaveChangesAsync(cancellationToken);
        await audit.WriteAsync(AuditActions.PriorityCreated, $"priority {priority.Id}", Truncate($"{area.Code}: {priority.Description}"), cancellationToken: cancellationToken);
        await versions.CommitChangeAsync(db, transaction, DataChangeKinds.Priorities, actor, now, cancellationToken);
        return new PriorityResult(priority, []);
    }

    public async Task<PriorityResult> UpdateAsync(int id, PriorityDraft draft, string actor, CancellationToken cancellationToken = default)
    {
        var priority = await FindAsync(id, cancellationToken);
        if (priority is null)
        {
            return new PriorityResult(null, [], NotFound: true);
        }
        var reference = await ReferenceAsync(priority.AreaCode, priority, cancellationToken);
        var before = PriorityValues.Of(priority);
        var (values, errors) = PriorityRules.Validate(draft, reference, before);
        if (values is null)
        {
            return new PriorityResult(null, errors);
        }
        var summary = PriorityRules.DescribeChanges(before, values, reference);
        if (summary.Length == 0)
        {
            return new PriorityResult(priority, [], Unchanged: true);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        Apply(priority, values);
        priority.UpdatedUtc = now;
        priority.UpdatedBy = actor;
        db.PriorityChanges.Add(new PriorityChange { PriorityId = id, ChangedUtc = now, ChangedBy = actor, Summary = Truncate(summary) });
        await db.SaveChangesAsync(cancellationToken);
        await audit.WriteAsync(AuditActions.PriorityEdited, $"priority {id}", Truncate($"{priority.AreaCode}: {summary}"), cancellationToken: cancellationToken);
        await versions.CommitChangeAsync(db, transaction, DataChangeKinds.Priorities, actor, now, cancellationToken);
        return new PriorityResult(priority, []);
    }

    private IQueryable<Priority> Query() => db.Priorities.Include(p => p.Assets).Include(p => p.Indicators).AsSplitQuery();

    private static void Apply(Priority priority, PriorityValues values)
    {
        priority.DomainId = values.DomainId;
        priority.ItemId = values.ItemId;
        priority.Action = values.Action;
        priority.Description = values.Description;
        priority.Owner = values.Owner;
        priority.Timescale = values.Timescale;
        priority.Status = values.Status;
        priority.ReviewDate = values.ReviewDate;
        priority.Assets.RemoveAll(a => !values.AssetIds.Contains(a.AssetId));
        priority.Assets.AddRange(values.AssetIds.Where(id => priority.Assets.All(a => a.AssetId != id)).Select(id => new PriorityAsset { PriorityId = priority.Id, AssetId = id }));
        priority.Indicators.RemoveAll(i => !values.IndicatorIds.Contains(i.IndicatorId));
        priority.Indicators.AddRange(values.IndicatorIds.Where(id => priority.Indicators.All(i => i.IndicatorId != id))
            .Select(id => new PriorityIndicator { PriorityId = priority.Id, IndicatorId = id }));
    }

    private static string Truncate(string text) => text.Length > 1000 ? text[..1000] + "…" : text;
}
