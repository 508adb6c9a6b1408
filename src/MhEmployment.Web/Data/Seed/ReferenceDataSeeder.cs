using System.Text.Json;
using System.Text.Json.Serialization;
using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace MhEmployment.Web.Data.Seed;

/// <summary>
/// Loads the bundled reference data (geography, indicator catalogue, asset checklist) into an empty or
/// older database. Runs at every start: rows that exist are left alone, so catalogue edits made by
/// analysts are never overwritten.
/// </summary>
public sealed partial class ReferenceDataSeeder(AppDbContext db, ILogger<ReferenceDataSeeder> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var areas = await SeedGeographyAsync(cancellationToken);
        var indicators = await SeedIndicatorsAsync(cancellationToken);
        var items = await SeedAssetChecklistAsync(cancellationToken);
        await SeedNeedsEvidenceAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (areas + indicators + items > 0)
        {
            LogSeeded(logger, areas, indicators, items);
        }
    }

    private async Task<int> SeedGeographyAsync(CancellationToken cancellationToken)
    {
        var existing = await db.Areas.Select(a => a.Code).ToHashSetAsync(StringComparer.Ordinal, cancellationToken);
        var geography = GeographyBuilder.Build();
        var newAreas = geography.Areas.Where(a => !existing.Contains(a.Code)).ToList();
        if (newAreas.Count == 0)
        {
            return 0;
        }
        // Areas point at their region and parent, so insert them top-down.
        foreach (var level in newAreas.GroupBy(DepthOf).OrderBy(g => g.Key))
        {
            db.Areas.AddRange(level);
            await db.SaveChangesAsync(cancellationToken);
        }
        var existingLinks = await db.AreaSuccessions
            .Select(s => new { s.PredecessorCode, s.SuccessorCode })
            .ToListAsync(cancellationToken);
        var linkKeys = existingLinks.Select(l => (l.PredecessorCode, l.SuccessorCode)).ToHashSet();
        db.AreaSuccessions.AddRange(geography.Successions.Where(s => !linkKeys.Contains((s.PredecessorCode, s.SuccessorCode))));
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return newAreas.Count;
    }

    private static int DepthOf(Area area) => area.Kind switch
    {
        AreaKind.Country => 0,
        AreaKind.Region or AreaKind.NhsRegion => 1,
        AreaKind.County or AreaKind.IntegratedCareBoard => 2,
        AreaKind.UnitaryAuthority or AreaKind.MetropolitanDistrict or AreaKind.LondonBorough => 2,
        _ => 3,
    };

    private async Task<int> SeedIndicatorsAsync(CancellationToken cancellationToken)
    {
        var existing = await db.Indicators.Select(i => i.Key).ToHashSetAsync(StringComparer.Ordinal, cancellationToken);
        using var reader = SeedFiles.Open("indicators.json");
        var seeds = JsonSerializer.Deserialize<List<Indicator>>(await reader.ReadToEndAsync(cancellationToken), Json) ?? [];
        var added = seeds.Where(s => !existing.Contains(s.Key)).ToList();
        db.Indicators.AddRange(added);
        await db.SaveChangesAsync(cancellationToken);
        await FillRefreshSourcesAsync(seeds.Where(s => existing.Contains(s.Key) && s.RefreshSource != IndicatorSourceKind.None).ToList(), cancellationToken);
        return added.Count;
    }

    /// <summary>
    /// Gives indicators seeded before the catalogue knew their sources the seed's source, where theirs is still empty.
    /// An analyst's choice is never overwritten: an indicator whose source someone has changed (the audit log says so) is
    /// left as it is, even when they chose None.
    /// </summary>
    private async Task FillRefreshSourcesAsync(List<Indicator> seeds, CancellationToken cancellationToken)
    {
        if (seeds.Count == 0)
        {
            return;
        }
        var keys = seeds.Select(s => s.Key).ToList();
        var stored = await db.Indicators
            .Where(i => keys.Contains(i.Key) && i.RefreshSource == IndicatorSourceKind.None && i.FingertipsAreaTypes == null && i.NomisQuery == null)
            .ToListAsync(cancellationToken);
        var editedKeys = await db.AuditEvents
            .Where(e => e.Action == AuditActions.IndicatorUpdated && e.Target != null && keys.Contains(e.Target)
                && e.Details != null && (e.Details.Contains("Source for refresh:") || EF.Functions.Like(e.Details, "%…")))
            .Select(e => e.Target!)
            .Distinct()
            .ToListAsync(cancellationToken);
        var takenFingertipsIds = await db.Indicators.Where(i => i.FingertipsId != null)
            .Select(i => new { i.Key, Id = i.FingertipsId!.Value }).ToListAsync(cancellationToken);
        foreach (var indicator in stored.Where(i => !editedKeys.Contains(i.Key)))
        {
            var seed = seeds.Single(s => s.Key == indicator.Key);
            var fingertipsId = indicator.FingertipsId ?? seed.FingertipsId;
            var dataset = indicator.NomisDataset ?? seed.NomisDataset;
            // Skipped where the stored id or dataset is not the one the seed's source fetches, or where another indicator
            // holds the id (uploaded files' matching would become a guess).
            if ((seed.RefreshSource == IndicatorSourceKind.Fingertips && fingertipsId != seed.FingertipsId)
                || (seed.RefreshSource == IndicatorSourceKind.Nomis && dataset != seed.NomisDataset)
                || (fingertipsId is { } id && takenFingertipsIds.Any(t => t.Id == id && t.Key != indicator.Key)))
            {
                continue;
            }
            indicator.FingertipsId = fingertipsId;
            indicator.NomisDataset = dataset;
            indicator.RefreshSource = seed.RefreshSource;
            indicator.FingertipsAreaTypes = seed.FingertipsAreaTypes;
            indicator.NomisQuery = seed.NomisQuery;
        }
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    private async Task<int> SeedAssetChecklistAsync(CancellationToken cancellationToken)
    {
        if (await db.AssetDomains.AnyAsync(cancellationToken))
        {
            return 0;
        }
        using var reader = SeedFiles.Open("asset_checklist.json");
        var domains = JsonSerializer.Deserialize<List<ChecklistDomainSeed>>(await reader.ReadToEndAsync(cancellationToken), Json) ?? [];
        foreach (var seed in domains)
        {
            var domain = new AssetDomain { Number = seed.Number, Name = seed.Name, Description = seed.Description };
            domain.Items.AddRange(seed.Items.Select((item, index) =>
                new AssetChecklistItem { Number = index + 1, Key = item.Key, Text = item.Text }));
            db.AssetDomains.Add(domain);
        }
        await db.SaveChangesAsync(cancellationToken);
        return domains.Sum(d => d.Items.Count);
    }

    /// <summary>
    /// The default weighting scheme and the guidance's evidence links, once: the scheme's row says they were seeded, so
    /// links an Analyst removed are not put back at the next start.
    /// </summary>
    private async Task SeedNeedsEvidenceAsync(CancellationToken cancellationToken)
    {
        if (await db.WeightingSchemes.AnyAsync(cancellationToken))
        {
            return;
        }
        db.WeightingSchemes.Add(new WeightingScheme
        {
            Name = WeightingScheme.DefaultName,
            Description = "Every linked indicator weighs the same; need levels are the thirds of the areas compared.",
            UpdatedBy = "seed",
            UpdatedUtc = DateTime.UtcNow,
        });
        using var reader = SeedFiles.Open("evidence_links.json");
        var seeds = JsonSerializer.Deserialize<List<EvidenceLinkSeed>>(await reader.ReadToEndAsync(cancellationToken), Json) ?? [];
        var domains = await db.AssetDomains.ToDictionaryAsync(d => d.Number, d => d.Id, cancellationToken);
        var indicators = await db.Indicators.ToDictionaryAsync(i => i.Key, i => i.Id, StringComparer.Ordinal, cancellationToken);
        db.EvidenceLinks.AddRange(seeds.Where(s => domains.ContainsKey(s.Domain))
            .SelectMany(s => s.Indicators.Where(indicators.ContainsKey).Select(key => new EvidenceLink { DomainId = domains[s.Domain], IndicatorId = indicators[key] })));
        await db.SaveChangesAsync(cancellationToken);
    }

    private sealed record EvidenceLinkSeed(int Domain, List<string> Indicators);

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded {AreaCount} areas, {IndicatorCount} indicators and {ChecklistItemCount} checklist items")]
    private static partial void LogSeeded(ILogger logger, int areaCount, int indicatorCount, int checklistItemCount);

    private sealed record ChecklistDomainSeed(int Number, string Name, string Description, List<ChecklistItemSeed> Items);

    private sealed record ChecklistItemSeed(string Key, string Text);
}
