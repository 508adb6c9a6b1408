using MhEmployment.Web.Features.Profiles;
using MhEmployment.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MhEmployment.Web.Pages.Overview;

/// <summary>A region's heat map: its areas against the benchmark on every indicator at once.</summary>
[OutputCache(PolicyName = DashboardOutputCache.Policy)]
public sealed class IndexModel(Dashboards dashboards) : PageModel
{
    public Features.Profiles.Overview Overview { get; private set; } = null!;
    public IReadOnlyList<string> Problems { get; private set; } = [];
    public IReadOnlyList<SnapshotArea> Regions { get; private set; } = [];

    [BindProperty(SupportsGet = true)] public string? Region { get; set; }
    [BindProperty(SupportsGet = true)] public string? Benchmark { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var result = await dashboards.OverviewAsync(Region, new DashboardRequest(Benchmark, null), cancellationToken);
        Overview = result.Value!;
        Problems = result.Problems;
        Regions = await dashboards.RegionsAsync(cancellationToken);
    }
}
