using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Indicators;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MhEmployment.Web.Pages.Indicators;

public sealed class DetailsModel(IndicatorCatalogue catalogue) : PageModel
{
    public Indicator Indicator { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string key, CancellationToken cancellationToken)
    {
        var indicator = await catalogue.FindAsync(key, cancellationToken);
        if (indicator is null)
        {
            return NotFound();
        }
        Indicator = indicator;
        return Page();
    }
}
