using MhEmployment.Web.Data;
using MhEmployment.Web.Features.Assets;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace MhEmployment.Web.Pages.Assets;

/// <summary>The register: filters, sorting, paging, a count of what matches, and the alerts among what matches.</summary>
public sealed class IndexModel(AssetRegister register, AreaResolver resolver, AppDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Area { get; set; }
    [BindProperty(SupportsGet = true)] public string? Domain { get; set; }
    [BindProperty(SupportsGet = true)] public string? Item { get; set; }
    [BindProperty(SupportsGet = true)] public string? Rating { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sector { get; set; }
    [BindProperty(SupportsGet = true)] public string? FundingEnding { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }

    /// <summary>The page of results, read from the query itself: Razor Pages keeps "page" for the page's own route value.</summary>
    public string? PageNumber => Request.Query["page"].FirstOrDefault();

    public Dictionary<string, string[]> Errors { get; private set; } = [];
    public AssetPage? Results { get; private set; }
    public IReadOnlyList<(int Number, string Name, IReadOnlyList<ItemRef> Items)> Checklist { get; private set; } = [];
    public DateTime NowUtc { get; private set; }
    public (int FundingEnding, int Stale) Alerts => Results is { } r ? (r.FundingEnding, r.Stale) : default;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        NowUtc = clock.GetUtcNow().UtcDateTime;
        Checklist = await CoverageService.ChecklistAsync(db, cancellationToken);
        var areaCode = string.IsNullOrWhiteSpace(Area) ? null : (await resolver.ResolveAsync([Area], cancellationToken))[0];
        var (filter, errors) = AssetFilter.Parse(areaCode, Domain, Item, Rating, Sector, FundingEnding, Q, Sort, PageNumber);
        if (filter is not null)
        {
            var (page, problem, field) = await register.SearchAsync(filter, cancellationToken);
            if (page is null)
            {
                errors[field!] = [field == "area" ? $"No area is called or has the code '{Area}'" : problem!];
            }
            Results = page;
        }
        Errors = errors;
        return errors.Count == 0 ? Page() : new PageResult { StatusCode = StatusCodes.Status400BadRequest };
    }

    /// <summary>The current filters with one value changed, for sort and page links.</summary>
    public string Link(string? sort = null, int? page = null)
    {
        var query = new Dictionary<string, string?>
        {
            ["area"] = Area, ["domain"] = Domain, ["item"] = Item, ["rating"] = Rating, ["sector"] = Sector,
            ["fundingEnding"] = FundingEnding, ["q"] = Q, ["sort"] = sort ?? Sort,
            ["page"] = page?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/assets", query.Where(p => !string.IsNullOrEmpty(p.Value)));
    }

    public string ExportLink => Link().Replace("/assets", "/assets/export", StringComparison.Ordinal);
}
