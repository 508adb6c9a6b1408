using MhEmployment.Web.Features.NeedsAssets;
using MhEmployment.Web.Features.Profiles;
using MhEmployment.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace MhEmployment.Web.Pages.NeedsAssets;

/// <summary>Needs versus assets: areas × checklist domains, need beside coverage, and the cells in order of their gap.</summary>
[OutputCache(PolicyName = DashboardOutputCache.Policy)]
public sealed class IndexModel(NeedsAssetsService service, Dashboards dashboards) : PageModel
{
    public NeedsAssetsComparison Comparison { get; private set; } = null!;
    public IReadOnlyList<string> Problems { get; private set; } = [];
    public bool Updating { get; private set; }
    public IReadOnlyList<SnapshotArea> Regions { get; private set; } = [];
    public IReadOnlyList<string> Schemes { get; private set; } = [];

    /// <summary>A region's code or "england".</summary>
    [BindProperty(SupportsGet = true)] public string? Region { get; set; }

    /// <summary>Chosen areas' codes, separated by commas (instead of a region).</summary>
    [BindProperty(SupportsGet = true)] public string? Areas { get; set; }
    [BindProperty(SupportsGet = true)] public string? Scope { get; set; }
    [BindProperty(SupportsGet = true)] public string? Scheme { get; set; }
    [BindProperty(SupportsGet = true)] public string? Benchmark { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var result = await service.CompareAsync(ComparisonSelection.Parse(Region, Areas, Scope), Scheme, Benchmark, User.Identity?.Name, cancellationToken);
        (Comparison, Problems, Updating) = (result.Comparison, result.Problems, result.Updating);
        Regions = await dashboards.RegionsAsync(cancellationToken);
        Schemes = await service.SchemeNamesAsync(cancellationToken);
    }

    /// <summary>The settings a link from this page carries on (benchmark and scheme).</summary>
    public string Settings => $"scheme={Uri.EscapeDataString(Comparison.SchemeName)}&benchmark={Uri.EscapeDataString(Comparison.Benchmark.QueryValue)}";

    public string CellLink(SnapshotArea area, DomainEvidence domain) => $"/needs-assets/{area.Code}/{domain.Number}?{Settings}";
}
