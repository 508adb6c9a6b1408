using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Accounts;
using MhEmployment.Web.Features.NeedsAssets;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace MhEmployment.Web.Pages.NeedsAssets.Schemes;

[Authorize(Policy = Policies.Analyse)]
public sealed class EditModel(SchemeEditor schemes) : SchemeFormModel
{
    /// <summary>The version of the scheme the form was filled from.</summary>
    [BindProperty] public string? Version { get; set; }

    public WeightingScheme Scheme { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await schemes.FindAsync(id, cancellationToken) is not { } scheme)
        {
            return NotFound();
        }
        Scheme = scheme;
        Slots = await schemes.SlotsAsync(cancellationToken);
        Input = SchemeInput.From(scheme, Slots);
        Version = SchemeEditor.Version(scheme);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        ModelState.Clear(); // the rules say what is wrong, in words
        var result = await schemes.UpdateAsync(id, Input, Version, User.Identity!.Name!, cancellationToken);
        switch (result.Status)
        {
            case EvidenceEditStatus.NotFound:
                return NotFound();
            case EvidenceEditStatus.Invalid:
                AddProblems(result.Problems);
                return await ShowAgainAsync(result.Scheme!, StatusCodes.Status400BadRequest, cancellationToken);
            case EvidenceEditStatus.Conflict:
                ModelState.AddModelError(string.Empty,
                    "Someone else saved a change to this scheme while you were editing it. Nothing of yours was saved: the form still holds " +
                    "your entries. Check the scheme's page for what is saved now, or save again to keep yours.");
                Version = SchemeEditor.Version((await schemes.FindAsync(id, cancellationToken))!);
                return await ShowAgainAsync(result.Scheme!, StatusCodes.Status409Conflict, cancellationToken);
            case EvidenceEditStatus.Unchanged:
                TempData["Flash"] = "Nothing to save: the scheme already has these values.";
                return Redirect($"/needs-assets/schemes/{id}");
            default:
                TempData["Flash"] = $"Saved your changes to '{result.Scheme!.Name}'. The comparison shows them now.";
                return Redirect($"/needs-assets/schemes/{id}");
        }
    }

    private async Task<IActionResult> ShowAgainAsync(WeightingScheme scheme, int status, CancellationToken cancellationToken)
    {
        Scheme = scheme;
        Slots = await schemes.SlotsAsync(cancellationToken);
        return WithStatus(Page(), status);
    }
}
