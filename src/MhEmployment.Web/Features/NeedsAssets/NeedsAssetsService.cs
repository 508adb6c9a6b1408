using System.Globalization;
using MhEmployment.Web.Data;
using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Assets;
using MhEmployment.Web.Features.Profiles;
using Microsoft.EntityFrameworkCore;

namespace MhEmployment.Web.Features.NeedsAssets;

/// <summary>Which areas a comparison shows: a region's, chosen ones, or all England's upper-tier areas.</summary>
public sealed record ComparisonSelection(string? Region, IReadOnlyList<string> Areas, bool England)
{
    public const string EnglandScope = "england";

    /// <summary>Reads the query: <c>region</c> (a region's code, or "england"), <c>areas</c> (codes separated by commas) or <c>scope=england</c>.</summary>
    public static ComparisonSelection Parse(string? region, string? areas, string? scope)
    {
        var england = string.Equals(scope?.Trim(), EnglandScope, StringComparison.OrdinalIgnoreCase)
            || string.Equals(region?.Trim(), EnglandScope, StringComparison.OrdinalIgnoreCase);
        return new(
            england || string.IsNullOrWhiteSpace(region) ? null : region.Trim().ToUpperInvariant(),
            [.. (areas ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(c => c.ToUpperInvariant()).Distinct(StringComparer.Ordinal)],
            england);
    }
}

/// <summary>A borough's coverage as the comparison keeps it for a data version (null: not an area assets are mapped to).</summary>
internal sealed record KeptCoverage(BoroughCoverage? Value);

/// <summary>A comparison with what could not be taken as asked (told on the page, never an error).</summary>
public sealed record ComparisonResult(NeedsAssetsComparison Comparison, IReadOnlyList<string> Problems, bool Updating);

/// <summary>
/// Builds the needs-versus-assets comparison: evidence links and the scheme's weights from the database, need from the
/// dashboards' snapshot (kept per data version, as the dashboards keep theirs), coverage from the asset register.
/// </summary>
public sealed class NeedsAssetsService(AppDbContext db, DashboardCache cache, CoverageService coverage)
{
    /// <summary>The comparison group need is standardised in: upper-tier authorities, the JSNA's areas.</summary>
    public const ComparisonGroup Group = ComparisonGroup.UpperTier;

    public async Task<ComparisonResult> CompareAsync(
        ComparisonSelection selection, string? schemeName, string? benchmarkText, string? viewer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(selection);
        var snapshot = await cache.SnapshotAsync(viewer, cancellationToken);
        var problems = new List<string>();
        return await BuildAsync(snapshot, Select(snapshot, selection, problems), problems, schemeName, benchmarkText, cancellationToken);
    }

    /// <summary>One area's comparison (for its cells' pages); null when the area is not a current upper-tier authority.</summary>
    public async Task<ComparisonResult?> ForAreaAsync(string code, string? schemeName, string? benchmarkText, string? viewer, CancellationToken cancellationToken)
    {
        var snapshot = await cache.SnapshotAsync(viewer, cancellationToken);
        if (!snapshot.Areas.TryGetValue(code.Trim().ToUpperInvariant(), out var area) || !Comparable(area))
        {
            return null;
        }
        return await BuildAsync(snapshot, (area.Name, "areas=" + area.Code, [area]), [], schemeName, benchmarkText, cancellationToken);
    }

    private async Task<ComparisonResult> BuildAsync(
        ValueSnapshot snapshot, (string Title, string Key, IReadOnlyList<SnapshotArea> Areas) selected, List<string> problems, string? schemeName,
        string? benchmarkText, CancellationToken cancellationToken)
    {
        var (title, key, areas) = selected;
        var benchmark = Dashboards.ReadBenchmark(snapshot, benchmarkText, problems);
        var scheme = await SchemeAsync(schemeName, problems, cancellationToken);
        var domains = await EvidenceAsync(scheme, cancellationToken);
        var rules = scheme is null ? new NeedRules() : NeedRules.Of(scheme);
        var fingerprint = string.Join(';', domains.Select(d => $"{d.DomainId}:{string.Join(',', d.Indicators.Select(i => $"{i.IndicatorId}={i.Weight.ToString(CultureInfo.InvariantCulture)}"))}"));
        var needs = cache.GetOrAdd(snapshot, $"needs|{benchmark.Key}|{rules}|{fingerprint}",
            () => NeedScores.Calculate(snapshot, Group, benchmark, domains, rules, cache.Comparison)
                .ToDictionary(n => (n.Area.Code, n.Domain.DomainId)));
        var cells = new Dictionary<(string, int), ComparisonCell>();
        foreach (var area in areas)
        {
            var covered = (await cache.GetOrAddAsync($"coverage|{area.Code}",
                async token => new KeptCoverage(await coverage.ForAsync(area.Code, token)), cancellationToken)).Value;
            var byNumber = covered?.Domains.ToDictionary(d => d.Number);
            foreach (var domain in domains)
            {
                var items = byNumber?.GetValueOrDefault(domain.Number);
                cells[(area.Code, domain.DomainId)] = new ComparisonCell(needs[(area.Code, domain.DomainId)], items, items is null ? null : DomainCoverageScore.Of(items));
            }
        }
        var comparison = new NeedsAssetsComparison(title, key, benchmark, AreaProfileBuilder.BenchmarkName(snapshot, benchmark),
            scheme?.Name ?? WeightingScheme.DefaultName, areas, domains, cells, snapshot.Version);
        return new ComparisonResult(comparison, problems, cache.IsBehind(snapshot));
    }

    /// <summary>The areas a selection names, read as the comparison reads it, with its title; what could not be taken is added to <paramref name="problems"/>.</summary>
    public async Task<(string Title, IReadOnlyList<SnapshotArea> Areas)> SelectAsync(
        ComparisonSelection selection, string? viewer, List<string> problems, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(selection);
        var snapshot = await cache.SnapshotAsync(viewer, cancellationToken);
        var (title, _, areas) = Select(snapshot, selection, problems);
        return (title, areas);
    }

    /// <summary>The schemes to choose from, by name.</summary>
    public Task<List<string>> SchemeNamesAsync(CancellationToken cancellationToken) =>
        db.WeightingSchemes.AsNoTracking().OrderBy(s => s.Name != WeightingScheme.DefaultName).ThenBy(s => s.Name).Select(s => s.Name).ToListAsync(cancellationToken);

    /// <summary>The checklist's domains in order, each with its linked indicators and their weights in the scheme (1 unless it says otherwise).</summary>
    public async Task<IReadOnlyList<DomainEvidence>> EvidenceAsync(WeightingScheme? scheme, CancellationToken cancellationToken)
    {
        var domains = await db.AssetDomains.AsNoTracking().OrderBy(d => d.Number).Select(d => new { d.Id, d.Number, d.Name }).ToListAsync(cancellationToken);
        var links = (await db.EvidenceLinks.AsNoTracking().Select(l => new { l.DomainId, l.IndicatorId, l.Indicator!.Key }).ToListAsync(cancellationToken))
            .OrderBy(l => l.Key, StringComparer.Ordinal).ToLookup(l => l.DomainId);
        var weights = scheme?.Weights.ToDictionary(w => (w.DomainId, w.IndicatorId), w => w.Weight) ?? [];
        return [.. domains.Select(d => new DomainEvidence(d.Id, d.Number, d.Name,
            [.. links[d.Id].Select(l => new WeightedIndicator(l.IndicatorId, weights.GetValueOrDefault((d.Id, l.IndicatorId), 1.0)))]))];
    }

    private async Task<WeightingScheme?> SchemeAsync(string? name, List<string> problems, CancellationToken cancellationToken)
    {
        // Names are unique whatever their case (SchemeRules), so "default" names the Default scheme.
        var wanted = string.IsNullOrWhiteSpace(name) ? WeightingScheme.DefaultName : name.Trim();
        var names = await db.WeightingSchemes.AsNoTracking().Select(s => new { s.Id, s.Name }).ToListAsync(cancellationToken);
        var found = names.FirstOrDefault(s => string.Equals(s.Name, wanted, StringComparison.OrdinalIgnoreCase))
            ?? names.FirstOrDefault(s => s.Name == WeightingScheme.DefaultName);
        if (!string.IsNullOrWhiteSpace(name) && !string.Equals(found?.Name, wanted, StringComparison.OrdinalIgnoreCase))
        {
            problems.Add($"There is no weighting scheme '{name.Trim()}', so the default one is used.");
        }
        return found is null ? null
            : await db.WeightingSchemes.AsNoTracking().Include(s => s.Weights).SingleAsync(s => s.Id == found.Id, cancellationToken);
    }

    /// <summary>A current upper-tier authority: the areas need is standardised across and a comparison shows.</summary>
    private static bool Comparable(SnapshotArea area) => !area.IsHistorical && ComparisonGroups.Contains(Group, area, null);

    private static (string Title, string Key, IReadOnlyList<SnapshotArea> Areas) Select(ValueSnapshot snapshot, ComparisonSelection selection, List<string> problems)
    {
        static List<SnapshotArea> Sorted(IEnumerable<SnapshotArea> areas) => [.. areas.OrderBy(a => a.Name, StringComparer.OrdinalIgnoreCase)];
        if (selection.England)
        {
            return ("England's upper-tier authorities", $"scope={ComparisonSelection.EnglandScope}", Sorted(snapshot.Areas.Values.Where(Comparable)));
        }
        if (selection.Areas.Count > 0)
        {
            var chosen = new List<SnapshotArea>();
            foreach (var code in selection.Areas)
            {
                if (!snapshot.Areas.TryGetValue(code, out var area))
                {
                    problems.Add($"'{code}' is not a known area code, so it is left out.");
                }
                else if (!Comparable(area))
                {
                    problems.Add(area.IsHistorical
                        ? $"{area.Name} ({area.Code}) has been abolished, so it is not compared with current areas."
                        : $"{area.Name} ({area.Code}) is not an upper-tier authority (a county, unitary authority, metropolitan district or London borough), so it is left out.");
                }
                else
                {
                    chosen.Add(area);
                }
            }
            if (chosen.Count > 0)
            {
                var sorted = Sorted(chosen);
                return ($"{sorted.Count} chosen areas", "areas=" + string.Join(',', sorted.Select(a => a.Code)), sorted);
            }
            problems.Add("None of the chosen areas can be compared, so London is shown.");
        }
        var region = selection.Region is { } regionCode && snapshot.Areas.TryGetValue(regionCode, out var found) && found.Kind == AreaKind.Region ? found : null;
        if (region is null)
        {
            if (selection.Region is not null)
            {
                problems.Add($"'{selection.Region}' is not an English region's code (E12…), so London is shown.");
            }
            region = snapshot.Areas[AreaCodes.London];
        }
        return ($"Upper-tier authorities in {region.Name}", "region=" + region.Code,
            Sorted(snapshot.Areas.Values.Where(a => Comparable(a) && string.Equals(a.RegionCode, region.Code, StringComparison.OrdinalIgnoreCase))));
    }
}
