using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Accounts;
using MhEmployment.Web.Features.NeedsAssets;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MhEmployment.Web.Pages.NeedsAssets.Schemes;

/// <summary>Asks before deleting a scheme; the Default scheme is never deleted.</summary>
[Authorize(Policy = Policies.Analyse)]
public sealed class DeleteModel(SchemeEditor schemes) : PageModel
{
    public WeightingScheme Scheme { get; private set; } = null!;

    public bool IsDefault => Scheme.Name == WeightingScheme.DefaultName;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await schemes.FindAsync(id, cancellationToken) is not { } scheme)
        {
            return NotFound();
        }
        Scheme = scheme;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        var result = await schemes.DeleteAsync(id, User.Identity!.Name!, cancellationToken);
        switch (result.Status)
        {
            case EvidenceEditStatus.NotFound:
                return NotFound();
            case EvidenceEditStatus.Refused:
                Scheme = result.Scheme!;
                ModelState.AddModelError(string.Empty, result.Problems[0].Message);
                return new PageResult { StatusCode = StatusCodes.Status400BadRequest };
            default:
                TempData["Flash"] = $"Deleted the scheme '{result.Scheme!.Name}'.";
                return Redirect("/needs-assets/schemes");
        }
    }
}
