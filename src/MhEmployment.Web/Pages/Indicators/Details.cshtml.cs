using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Indicators;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MhEmployment.Web.Pages.Indicators;

public sealed class DetailsModel(IndicatorCatalogue catalogue) : PageModel
{
    public const int ValueLimit = 500;

    public Indicator Indicator { get; private set; } = null!;
    public IReadOnlyList<IndicatorCatalogue.StoredValue> Values { get; private set; } = [];
    public int ValueCount { get; private set; }

    [BindProperty(SupportsGet = true)] public string? Area { get; set; }

    public async Task<IActionResult> OnGetAsync(string key, CancellationToken cancellationToken)
    {
        var indicator = await catalogue.FindAsync(key, cancellationToken);
        if (indicator is null)
        {
            return NotFound();
        }
        Indicator = indicator;
        ValueCount = await catalogue.ValueCountAsync(indicator.Id, cancellationToken);
        Values = await catalogue.ValuesAsync(indicator.Id, Area, ValueLimit, cancellationToken);
        return Page();
    }
}
