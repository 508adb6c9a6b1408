using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Accounts;
using MhEmployment.Web.Features.NeedsAssets;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace MhEmployment.Web.Pages.NeedsAssets.Schemes;

[Authorize(Policy = Policies.Analyse)]
public sealed class NewModel(SchemeEditor schemes) : SchemeFormModel
{
    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Slots = await schemes.SlotsAsync(cancellationToken);
        Input = new SchemeInput { LevelRule = nameof(NeedLevelRule.Terciles), MinimumShare = "0.5" };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear(); // the rules say what is wrong, in words
        var result = await schemes.CreateAsync(Input, User.Identity!.Name!, cancellationToken);
        if (result.Status != EvidenceEditStatus.Saved)
        {
            AddProblems(result.Problems);
            Slots = await schemes.SlotsAsync(cancellationToken);
            return WithStatus(Page(), StatusCodes.Status400BadRequest);
        }
        TempData["Flash"] = $"Created the scheme '{result.Scheme!.Name}'. Choose it on the comparison page to see need with its weights.";
        return Redirect($"/needs-assets/schemes/{result.Scheme.Id}");
    }
}
