using MhEmployment.Web.Features.Exports;
using MhEmployment.Web.Features.NeedsAssets;
using MhEmployment.Web.Features.Profiles;
using MhEmployment.Web.Infrastructure;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MhEmployment.Web.Pages.Exports;

/// <summary>
/// The needs summary previewed as it will be exported, for a borough, a region's boroughs or chosen areas, with the
/// choice of benchmark, scheme, sections and indicators, and the downloads (Word, Excel, CSV, PDF) of the same document.
/// </summary>
public sealed class SummaryModel(
    NeedsSummaryBuilder builder, NeedsAssetsService needs, SummaryFiles files, Dashboards dashboards, DashboardCache cache) : PageModel
{
    /// <summary>Upper-tier areas a summary of several covers at most: a region's are 33 at most (London).</summary>
    public const int MaxAreas = 40;

    /// <summary>Area codes separated by commas: one borough, or several.</summary>
    [BindProperty(SupportsGet = true)] public string? Areas { get; set; }

    /// <summary>A region's code: the summary covers its upper-tier authorities.</summary>
    [BindProperty(SupportsGet = true)] public string? Region { get; set; }

    [BindProperty(SupportsGet = true)] public string? Benchmark { get; set; }
    [BindProperty(SupportsGet = true)] public string? Scheme { get; set; }
    [BindProperty(SupportsGet = true)] public List<string> Sections { get; set; } = [];
    [BindProperty(SupportsGet = true)] public List<string> Indicators { get; set; } = [];

    /// <summary>Set by the settings form: the sections ticked are then all that is wanted, even none.</summary>
    [BindProperty(SupportsGet = true)] public bool Chosen { get; set; }

    public NeedsSummary? Summary { get; private set; }
    public List<string> Problems { get; } = [];
    public IReadOnlyList<SnapshotArea> Regions { get; private set; } = [];
    public IReadOnlyList<string> Schemes { get; private set; } = [];

    /// <summary>Indicators with values, to choose from (none ticked: all).</summary>
    public IReadOnlyList<(string Key, string Name)> AvailableIndicators { get; private set; } = [];

    /// <summary>Current upper-tier authorities by region, to pick a borough from.</summary>
    public IReadOnlyList<IGrouping<string, SnapshotArea>> Boroughs { get; private set; } = [];
    public bool PdfAvailable => files.PdfAvailable;
    public string PdfInstallHint => files.PdfInstallHint;

    /// <summary>The region of the summary's first area, offered as the other benchmark.</summary>
    public SnapshotArea? BenchmarkRegion =>
        Summary?.Areas is [{ RegionName: { } region }, ..] ? Regions.FirstOrDefault(r => r.Name == region) : null;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadChoicesAsync(cancellationToken);
        if (!Selected)
        {
            return Page();
        }
        return await BuildAsync(cancellationToken) ? Page() : NotFound();
    }

    /// <summary>The summary as a file (?handler=Download&amp;format=docx), for the same settings as the preview.</summary>
    public async Task<IActionResult> OnGetDownloadAsync(string? format, CancellationToken cancellationToken)
    {
        // The page's choices (a query and sorted lists of areas) are loaded only when the page is shown instead of a file.
        var chosen = ExportFormats.FromExtension(format);
        if (chosen is null or ExportFormat.Json)
        {
            Problems.Add($"'{format}' is not a download format: choose Word (.docx), Excel (.xlsx), CSV or PDF.");
        }
        else if (chosen == ExportFormat.Pdf && !PdfAvailable)
        {
            Problems.Add($"PDF is not available on this server. {PdfInstallHint} The Word, Excel and CSV downloads work.");
        }
        if (!Selected)
        {
            Problems.Add("Choose a borough or a region before downloading its summary.");
        }
        else if (!await BuildAsync(cancellationToken))
        {
            return NotFound();
        }
        if (Problems.Count > 0 || Summary is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await PageWithChoicesAsync(cancellationToken);
        }
        ExportFile file;
        try
        {
            file = await files.ExportAsync(Summary, chosen!.Value, cancellationToken);
        }
        catch (PdfConversionException e)
        {
            // LibreOffice failed or ran out of time: the server's trouble, said plainly, with the other formats offered.
            Problems.Add($"The PDF could not be made: {e.Message} The Word, Excel and CSV downloads work.");
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return await PageWithChoicesAsync(cancellationToken);
        }
        Response.Headers.ContentDisposition = DownloadName.ContentDisposition(file.FileName);
        return File(file.Content, file.ContentType);
    }

    public bool Selected => !string.IsNullOrWhiteSpace(Areas) || !string.IsNullOrWhiteSpace(Region);

    /// <summary>The link to a download of the summary as shown, in <paramref name="format"/>.</summary>
    public string DownloadLink(ExportFormat format)
    {
        var query = SettingsQuery();
        query.Add("handler", "Download");
        query.Add("format", ExportFormats.Extension(format));
        return "/exports/summary" + query.ToQueryString();
    }

    public bool SectionChosen(SummarySection section) => Summary?.Includes(section) ?? true;

    public bool IndicatorChosen(string key) => Indicators.Count == 0 || Indicators.Contains(key, StringComparer.OrdinalIgnoreCase);

    private QueryBuilder SettingsQuery()
    {
        var query = new QueryBuilder();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                query.Add(key, value);
            }
        }
        Add("areas", Areas);
        Add("region", Region);
        Add("benchmark", Benchmark);
        Add("scheme", Scheme);
        if (Chosen)
        {
            query.Add("chosen", "true");
            Sections.ForEach(s => Add("sections", s));
        }
        Indicators.ForEach(i => Add("indicators", i));
        return query;
    }

    private async Task<IActionResult> PageWithChoicesAsync(CancellationToken cancellationToken)
    {
        await LoadChoicesAsync(cancellationToken);
        return Page();
    }

    private async Task LoadChoicesAsync(CancellationToken cancellationToken)
    {
        Regions = await dashboards.RegionsAsync(cancellationToken);
        Schemes = await needs.SchemeNamesAsync(cancellationToken);
        var snapshot = await cache.SnapshotAsync(User.Identity?.Name, cancellationToken);
        AvailableIndicators = [.. snapshot.Indicators.Where(i => i.ValueCount > 0).OrderBy(i => i.Indicator.Theme)
            .ThenBy(i => i.Indicator.Name, StringComparer.OrdinalIgnoreCase).Select(i => (i.Indicator.Key, i.Indicator.Name))];
        Boroughs = [.. snapshot.Areas.Values.Where(a => !a.IsHistorical && ComparisonGroups.Contains(NeedsAssetsService.Group, a, null))
            .OrderBy(a => a.Name, StringComparer.OrdinalIgnoreCase).GroupBy(a => snapshot.NameOf(a.RegionCode ?? "")).OrderBy(g => g.Key, StringComparer.Ordinal)];
    }

    /// <summary>Builds the summary; false when a single area code names no area.</summary>
    private async Task<bool> BuildAsync(CancellationToken cancellationToken)
    {
        var sections = Chosen ? (Sections.Count == 0 ? new HashSet<SummarySection>() : SummarySections.Parse(Sections, Problems)) : SummaryRequest.AllSections;
        var request = new SummaryRequest(Benchmark, Scheme, sections, Indicators);
        var viewer = User.Identity?.Name;
        var selection = ComparisonSelection.Parse(Region, Areas, null);
        SummaryResult? result;
        if (string.IsNullOrWhiteSpace(Region) && selection.Areas.Count == 1)
        {
            result = await builder.ForAreaAsync(selection.Areas[0], request, viewer, cancellationToken);
            if (result is null)
            {
                return false;
            }
        }
        else
        {
            var (title, areas) = await needs.SelectAsync(selection, viewer, Problems, cancellationToken);
            if (areas.Count > MaxAreas)
            {
                Problems.Add($"A summary covers at most {MaxAreas} areas; the first {MaxAreas} of {areas.Count} are shown. Export a region at a time.");
            }
            result = await builder.ForAreasAsync($"Needs summary: {title}", [.. areas.Take(MaxAreas).Select(a => a.Code)], request, viewer, cancellationToken);
        }
        Summary = result.Summary;
        Problems.AddRange(result.Problems.Except(Problems));
        return true;
    }
}
