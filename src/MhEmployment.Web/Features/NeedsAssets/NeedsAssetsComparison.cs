using MhEmployment.Web.Features.Assets;
using MhEmployment.Web.Features.Profiles;

namespace MhEmployment.Web.Features.NeedsAssets;

/// <summary>One area and domain: its need beside its coverage (and the checklist items behind the coverage).</summary>
public sealed record ComparisonCell(DomainNeed Need, DomainCoverage? Items, DomainCoverageScore? Coverage)
{
    /// <summary>The share of the domain's checklist covered at or above which coverage is no longer "low".</summary>
    public const double LowCoverageBelow = 0.5;

    /// <summary>The need's place among the areas (0 to 1) less the coverage share: the larger, the more need outruns provision.</summary>
    public double? Gap => Need.Percentile is { } need && Coverage is { Items: > 0 } coverage ? need - coverage.Share : null;

    /// <summary>High need and low coverage: the quadrant the scatter charts mark.</summary>
    public bool HighNeedLowCoverage => Need.Level == NeedLevel.High && Coverage is { Items: > 0, Share: < LowCoverageBelow };
}

/// <summary>The comparison page's content: areas × domains, and the cells in order of their gap.</summary>
public sealed record NeedsAssetsComparison(
    string Title, string SelectionKey, BenchmarkChoice Benchmark, string BenchmarkName, string SchemeName, IReadOnlyList<SnapshotArea> Areas,
    IReadOnlyList<DomainEvidence> Domains, IReadOnlyDictionary<(string Area, int Domain), ComparisonCell> Cells, long DataVersion)
{
    public ComparisonCell Cell(SnapshotArea area, DomainEvidence domain)
    {
        ArgumentNullException.ThrowIfNull(area);
        ArgumentNullException.ThrowIfNull(domain);
        return Cells[(area.Code, domain.DomainId)];
    }

    private IReadOnlyList<ComparisonCell>? priorities;
    private Dictionary<ComparisonCell, int>? ranks;

    /// <summary>Every scored cell, the largest gap between need and coverage first (need, then name, break ties).</summary>
    public IReadOnlyList<ComparisonCell> Priorities => priorities ??= [.. Cells.Values.Where(c => c.Gap is not null)
        .OrderByDescending(c => c.Gap).ThenByDescending(c => c.Need.Score).ThenBy(c => c.Need.Area.Name, StringComparer.OrdinalIgnoreCase)
        .ThenBy(c => c.Need.Domain.Number)];

    /// <summary>The cell's place in <see cref="Priorities"/> (1: the largest gap); null when it has no gap.</summary>
    public int? RankOf(ComparisonCell cell)
    {
        ranks ??= Priorities.Select((c, i) => (c, i)).ToDictionary<(ComparisonCell c, int i), ComparisonCell, int>(p => p.c, p => p.i + 1, ReferenceEqualityComparer.Instance);
        return ranks.TryGetValue(cell, out var rank) ? rank : null;
    }
}
