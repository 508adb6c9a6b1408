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
    /// <summary>The figures are from before a change that is being loaded: the page says so.</summary>
    public bool Updating { get; private set; }

    public Features.Profiles.Overview Overview { get; private set; } = null!;
    public IReadOnlyList<string> Problems { get; private set; } = [];
    public IReadOnlyList<SnapshotArea> Regions { get; private set; } = [];

    [BindProperty(SupportsGet = true)] public string? Region { get; set; }
    [BindProperty(SupportsGet = true)] public string? Benchmark { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Regions = await dashboards.RegionsAsync(cancellationToken);
    }

    /// <summary>The heat map as CSV, one row per cell, for the page's region and benchmark (?handler=Csv).</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        var benchmark = Overview.Benchmark.IsGroup ? "chosen-group" : Overview.BenchmarkName;
        return DownloadName.CsvFile(Response, DashboardCsv.Overview(Overview), DownloadName.Csv("overview", Overview.Region.Name, "vs", benchmark));
    }

    /// <summary>The link to this heat map's CSV, with the region and benchmark the page resolved.</summary>
    public string CsvLink =>
        $"/overview?handler=Csv&region={Overview.Region.Code}&benchmark={Uri.EscapeDataString(Overview.Benchmark.QueryValue)}";

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var result = await dashboards.OverviewAsync(Region, new DashboardRequest(Benchmark, null, User.Identity?.Name), cancellationToken);
        Overview = result.Value!;
        Updating = result.Updating;
        Problems = result.Problems;
    }
}
