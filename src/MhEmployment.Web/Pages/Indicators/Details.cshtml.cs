using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Indicators;
using MhEmployment.Web.Features.Profiles;
using Microsoft.AspNetCore.Http.Extensions;
using MhEmployment.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MhEmployment.Web.Pages.Indicators;

/// <summary>An indicator: its definition, areas compared in a chart and on maps, a time series, and the stored values.</summary>
[OutputCache(PolicyName = DashboardOutputCache.FlashPolicy)]
public sealed class DetailsModel(IndicatorCatalogue catalogue, Dashboards dashboards) : PageModel
{
    /// <summary>The figures are from before a change that is being loaded: the page says so.</summary>
    public bool Updating { get; private set; }

    public const int ValueLimit = 500;

    public Indicator Indicator { get; private set; } = null!;
    public IndicatorView? View { get; private set; }
    public IReadOnlyList<string> Problems { get; private set; } = [];
    public IReadOnlyList<SnapshotArea> Regions { get; private set; } = [];
    public IReadOnlyList<IndicatorCatalogue.StoredValue> Values { get; private set; } = [];
    public int ValueCount { get; private set; }

    /// <summary>The area whose time series is drawn and which is highlighted on the chart and maps.</summary>
    [BindProperty(SupportsGet = true)] public string? Area { get; set; }
    [BindProperty(SupportsGet = true)] public string? Benchmark { get; set; }
    [BindProperty(SupportsGet = true)] public string? Group { get; set; }
    [BindProperty(SupportsGet = true)] public string? Breakdown { get; set; }
    [BindProperty(SupportsGet = true)] public string? Period { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }

    public AreaSort SortOrder => string.Equals(Sort, "name", StringComparison.OrdinalIgnoreCase) ? AreaSort.Name : AreaSort.Value;

    public async Task<IActionResult> OnGetAsync(string key, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(key, cancellationToken))
        {
            return NotFound();
        }
        Regions = await dashboards.RegionsAsync(cancellationToken);
        if (await dashboards.StoredValuesAsync(Indicator.Key, Area, ValueLimit, User.Identity?.Name, cancellationToken) is { } stored)
        {
            (ValueCount, Values) = (stored.Count, stored.Newest);
        }
        return Page();
    }

    /// <summary>The compare-areas table as CSV, for the page's breakdown, period, group, benchmark and order.</summary>
    public async Task<IActionResult> OnGetCompareCsvAsync(string key, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(key, cancellationToken) || View is null)
        {
            return NotFound();
        }
        var c = View.Comparison;
        var benchmark = c.Benchmark.IsGroup ? "chosen-group" : c.BenchmarkName;
        return DownloadName.CsvFile(Response, DashboardCsv.Compare(View),
            DownloadName.Csv(Indicator.Key, c.Period.Label, Dashboards.SliceText(c.Slice), ComparisonGroups.Slug(c.Group), "vs", benchmark));
    }

    /// <summary>Every stored value of the indicator (for the page's area, when it follows one) as CSV, newest first.</summary>
    public async Task<IActionResult> OnGetValuesCsvAsync(string key, CancellationToken cancellationToken)
    {
        var indicator = await catalogue.FindAsync(key, cancellationToken);
        if (indicator is null)
        {
            return NotFound();
        }
        var values = await catalogue.ValuesAsync(indicator.Id, Area, int.MaxValue, cancellationToken);
        return DownloadName.CsvFile(Response, StoredValuesCsv.Write(indicator, values),
            DownloadName.Csv(indicator.Key, "stored-values", string.IsNullOrWhiteSpace(Area) ? null : Area));
    }

    private async Task<bool> LoadAsync(string key, CancellationToken cancellationToken)
    {
        var indicator = await catalogue.FindAsync(key, cancellationToken);
        if (indicator is null)
        {
            return false;
        }
        Indicator = indicator;
        var result = await dashboards.IndicatorAsync(
            indicator.Key, new DashboardRequest(Benchmark, Group, User.Identity?.Name), Breakdown, Period, SortOrder, Area, cancellationToken);
        View = result.Value;
        Updating = result.Updating;
        Problems = result.Problems;
        return true;
    }

    /// <summary>The stored values' CSV: for the area the page filters its table by, when it does.</summary>
    public string ValuesCsvLink =>
        $"/indicators/{Indicator.Key}?handler=ValuesCsv" + (string.IsNullOrWhiteSpace(Area) ? "" : $"&area={Uri.EscapeDataString(Area.Trim())}");

    /// <summary>This page's link with one setting changed, keeping the others; with a handler, the link to one of its downloads.</summary>
    public string Link(string? sort = null, string? area = null, string? handler = null)
    {
        var query = new Dictionary<string, string?>
        {
            ["handler"] = handler,
            ["area"] = area ?? View?.SeriesArea?.Code,
            ["benchmark"] = View?.Comparison.Benchmark.QueryValue,
            ["group"] = View is null ? null : ComparisonGroups.Slug(View.Comparison.Group),
            ["breakdown"] = View is null ? null : Dashboards.SliceText(View.Slice.Slice),
            ["period"] = View?.Comparison.Period.Period.ToString(),
            ["sort"] = sort ?? (SortOrder == AreaSort.Name ? "name" : "value"),
        };
        var builder = new QueryBuilder(query.Where(q => !string.IsNullOrEmpty(q.Value)).Select(q => KeyValuePair.Create(q.Key, q.Value!)));
        return $"/indicators/{Indicator.Key}{builder.ToQueryString()}";
    }
}
