using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Accounts;
using MhEmployment.Web.Features.Assets;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MhEmployment.Web.Pages.Assets;

[Authorize(Policy = Policies.Decide)]
public sealed class RateModel(AssetService assets) : PageModel
{
    [BindProperty] public string? Rating { get; set; }
    [BindProperty] public string? Rationale { get; set; }
    public Asset Asset { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var asset = await assets.FindAsync(id, cancellationToken);
        if (asset is null)
        {
            return NotFound();
        }
        Asset = asset;
        Rating = asset.Rating?.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Rationale = asset.RatingRationale;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        var result = await assets.RateAsync(id, Rating, Rationale, User.Identity!.Name!, cancellationToken);
        if (result.NotFound)
        {
            return NotFound();
        }
        if (!result.Succeeded)
        {
            Asset = (await assets.FindAsync(id, cancellationToken))!;
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Field == "rating" ? "Rating" : "Rationale", error.Message);
            }
            return new PageResult { StatusCode = StatusCodes.Status400BadRequest };
        }
        TempData["Flash"] = $"Rated {Rating}.";
        return Redirect($"/assets/{id}");
    }
}
