using MhEmployment.Web.Features.Areas;
using MhEmployment.Web.Features.Profiles;
using MhEmployment.Web.Infrastructure;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MhEmployment.Web.Pages.Areas;

/// <summary>The area's dashboard (its profile against a benchmark) and where it sits in the geography.</summary>
[OutputCache(PolicyName = DashboardOutputCache.Policy)]
public sealed class DetailsModel(AreaDirectory directory, Dashboards dashboards, DashboardPageSettings settings) : PageModel
{
    /// <summary>The figures are from before a change that is being loaded: the page says so.</summary>
    public bool Updating { get; private set; }

    public AreaDetails Details { get; private set; } = null!;
    public AreaProfile Profile { get; private set; } = null!;

    /// <summary>The themes the page shows (the CSV always has every indicator).</summary>
    public ThemeSelection Themes { get; private set; } = null!;

    public IReadOnlyList<string> Problems { get; private set; } = [];
    public IReadOnlyList<SnapshotArea> Peers { get; private set; } = [];
    public bool ShowGroupPicker { get; private set; }

    [BindProperty(SupportsGet = true)] public string? Benchmark { get; set; }
    [BindProperty(SupportsGet = true)] public string? Group { get; set; }

    /// <summary>The radio choice: "england", "region" or "group" (then <see cref="Members"/> are pooled).</summary>
    [BindProperty(SupportsGet = true)] public string? Compare { get; set; }
    [BindProperty(SupportsGet = true)] public List<string> Members { get; set; } = [];

    /// <summary>A theme's slug (see <see cref="Features.Indicators.IndicatorText.ThemeSlug"/>) or "all".</summary>
    [BindProperty(SupportsGet = true)] public string? Theme { get; set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(code, cancellationToken))
        {
            return NotFound();
        }
        Themes = ThemeSelection.For(Profile, Theme, settings.AllThemesUpTo);
        if (Themes.Problem is { } problem)
        {
            Problems = [.. Problems, problem];
        }
        ShowGroupPicker = Compare == "group" || Profile.Benchmark.IsGroup;
        Peers = ShowGroupPicker ? await dashboards.PeersAsync(Profile.Area, Profile.Group, cancellationToken) : [];
        return Page();
    }

    /// <summary>The dashboard's table as CSV, for the same benchmark and group as the page (?handler=Csv).</summary>
    public async Task<IActionResult> OnGetCsvAsync(string code, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(code, cancellationToken))
        {
            return NotFound();
        }
        var benchmark = Profile.Benchmark.IsGroup ? "chosen-group" : Profile.BenchmarkName;
        return DownloadName.CsvFile(Response, DashboardCsv.Profile(Profile),
            DownloadName.Csv(Profile.Area.Name, Profile.Area.Code, "vs", benchmark, ComparisonGroups.Slug(Profile.Group)));
    }

    /// <summary>The link to this dashboard's CSV, with the benchmark and group the page resolved.</summary>
    public string CsvLink =>
        $"/areas/{Profile.Area.Code}?handler=Csv&benchmark={Uri.EscapeDataString(Profile.Benchmark.QueryValue)}&group={ComparisonGroups.Slug(Profile.Group)}";

    /// <summary>This page showing <paramref name="theme"/> (a slug or "all"), with the reader's other settings as they gave them.</summary>
    public string ThemeLink(string theme)
    {
        var query = new QueryBuilder();
        AddIfGiven(query, "benchmark", Benchmark);
        AddIfGiven(query, "group", Group);
        AddIfGiven(query, "compare", Compare);
        foreach (var member in Members)
        {
            AddIfGiven(query, "members", member);
        }
        query.Add("theme", theme);
        return $"/areas/{Profile.Area.Code}{query.ToQueryString()}#profile";
    }

    private static void AddIfGiven(QueryBuilder query, string key, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            query.Add(key, value);
        }
    }

    private async Task<bool> LoadAsync(string code, CancellationToken cancellationToken)
    {
        var details = await directory.FindAsync(code, cancellationToken);
        if (details is null)
        {
            return false;
        }
        Details = details;
        var result = await dashboards.ProfileAsync(details.Area.Code, new DashboardRequest(BenchmarkFromForm(), Group, User.Identity?.Name), cancellationToken);
        Profile = result.Value!;
        Updating = result.Updating;
        Problems = Compare == "group" && Members.Count == 0
            ? [.. result.Problems, "Tick the areas that make up the group, then update the dashboard; England is used until you do."]
            : result.Problems;
        return true;
    }

    /// <summary>The form's radio buttons win over a raw ?benchmark= (which links and the API use).</summary>
    private string? BenchmarkFromForm() => Compare switch
    {
        "england" => BenchmarkChoice.England,
        "region" => Details.Region?.Code ?? BenchmarkChoice.England,
        "group" when Members.Count > 0 => string.Join(',', Members),
        "group" => null,
        _ => Benchmark,
    };

    public bool IsEnglandBenchmark => !Profile.Benchmark.IsGroup && Profile.Benchmark.Codes[0] == BenchmarkChoice.England;

    public bool IsRegionBenchmark => !Profile.Benchmark.IsGroup && Profile.Benchmark.Codes[0] == Details.Region?.Code;
}
