using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Indicators;
using MhEmployment.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace MhEmployment.Web.Pages.Indicators;

[OutputCache(PolicyName = DashboardOutputCache.Policy)]
public sealed class IndexModel(IndicatorCatalogue catalogue) : PageModel
{
    public const string All = "all";
    public const string NeedingReview = "needs-review";

    /// <summary>Which indicators are listed: all (the default) or only those needing an analyst's review.</summary>
    [BindProperty(SupportsGet = true)] public string? Show { get; set; }

    public IReadOnlyList<IGrouping<IndicatorTheme, Indicator>> Themes { get; private set; } = [];
    public int Total { get; private set; }
    public int ReviewCount { get; private set; }
    public bool ReviewOnly => Show == NeedingReview;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Show = string.IsNullOrWhiteSpace(Show) ? All : Show.Trim().ToLowerInvariant();
        if (Show is not (All or NeedingReview))
        {
            ModelState.AddModelError(nameof(Show), $"'{Show}' is not a choice: show all indicators or those needing review");
            Show = All;
        }
        var indicators = await catalogue.ListAsync(cancellationToken);
        Total = indicators.Count;
        ReviewCount = indicators.Count(i => i.NeedsReview);
        Themes = [.. indicators.Where(i => !ReviewOnly || i.NeedsReview).GroupBy(i => i.Theme)];
        if (!ModelState.IsValid)
        {
            var page = Page();
            page.StatusCode = StatusCodes.Status400BadRequest;
            return page;
        }
        return Page();
    }
}
