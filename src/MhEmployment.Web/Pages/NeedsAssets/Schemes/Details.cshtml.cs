using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.NeedsAssets;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MhEmployment.Web.Pages.NeedsAssets.Schemes;

/// <summary>One weighting scheme: its rules and the weight of every linked indicator.</summary>
public sealed class DetailsModel(SchemeEditor schemes) : PageModel
{
    public WeightingScheme Scheme { get; private set; } = null!;
    public IReadOnlyList<WeightSlot> Slots { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await schemes.FindAsync(id, cancellationToken) is not { } scheme)
        {
            return NotFound();
        }
        Scheme = scheme;
        Slots = await schemes.SlotsAsync(cancellationToken);
        return Page();
    }

    public double WeightOf(WeightSlot slot) =>
        Scheme.Weights.FirstOrDefault(w => w.DomainId == slot.DomainId && w.IndicatorId == slot.IndicatorId)?.Weight ?? SchemeRules.DefaultWeight;
}
