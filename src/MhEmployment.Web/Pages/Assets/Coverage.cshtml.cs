using MhEmployment.Web.Features.Assets;
using MhEmployment.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace MhEmployment.Web.Pages.Assets;

/// <summary>A borough's coverage: the whole checklist item by item, with its assets, best rating, gaps and alerts.</summary>
[OutputCache(PolicyName = DashboardOutputCache.Policy)]
public sealed class CoverageModel(CoverageService coverage) : PageModel
{
    /// <summary>Items list this many assets, then link to the register for the rest.</summary>
    public const int AssetsShown = 10;

    public BoroughCoverage Coverage { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        var result = await coverage.ForAsync(code, cancellationToken);
        if (result is null)
        {
            return NotFound();
        }
        Coverage = result;
        return Page();
    }
}
