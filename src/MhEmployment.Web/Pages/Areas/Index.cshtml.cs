using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Areas;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MhEmployment.Web.Pages.Areas;

public sealed class IndexModel(AreaDirectory directory) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")] public string? Query { get; set; }
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public string? Region { get; set; }
    [BindProperty(SupportsGet = true)] public string? IncludeHistorical { get; set; }

    public IReadOnlyList<AreaSummary> Results { get; private set; } = [];
    public IReadOnlyList<AreaSummary> RegionOptions { get; private set; } = [];
    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();
    public IReadOnlyDictionary<string, string> NamesByCode { get; private set; } = new Dictionary<string, string>();
    public bool Historical => bool.TryParse(IncludeHistorical, out var value) && value;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var (filter, errors) = AreaFilter.Parse(Kind, Region, IncludeHistorical, Query);
        if (filter is not null && await directory.CodeMatchAsync(filter.Search, cancellationToken) is { } code)
        {
            // A GSS or ODS code names one area: open it rather than list it.
            return Redirect($"/areas/{Uri.EscapeDataString(code)}");
        }
        RegionOptions = await directory.ListAsync(new AreaFilter(AreaKind.Region, null, false, null), cancellationToken);
        if (filter is null)
        {
            Errors = errors;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        Results = await directory.ListAsync(filter, cancellationToken);
        var allRegions = await directory.ListAsync(new AreaFilter(AreaKind.Region, null, true, null), cancellationToken);
        NamesByCode = allRegions.ToDictionary(r => r.Code, r => r.Name, StringComparer.Ordinal);
        return Page();
    }
}
