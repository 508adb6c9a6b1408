using MhEmployment.Web.Data;
using MhEmployment.Web.Features.Accounts;
using MhEmployment.Web.Features.Assets;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MhEmployment.Web.Pages.Assets;

[Authorize(Policy = Policies.EditAssets)]
public sealed class AddModel(AssetService assets, AreaResolver resolver, AppDbContext db) : PageModel
{
    [BindProperty] public AssetForm Form { get; set; } = new();
    public IReadOnlyList<(int Number, string Name, IReadOnlyList<ItemRef> Items)> Checklist { get; private set; } = [];

    public async Task OnGetAsync(string? item, string? area, CancellationToken cancellationToken)
    {
        Checklist = await CoverageService.ChecklistAsync(db, cancellationToken);
        Form = new AssetForm { Items = item is null ? [] : [item], Areas = area };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var areas = await resolver.ResolveAsync(AreaResolver.Split(Form.Areas), cancellationToken);
        var result = await assets.CreateAsync(Form.ToDraft(areas), User.Identity!.Name!, cancellationToken);
        if (!result.Succeeded)
        {
            Checklist = await CoverageService.ChecklistAsync(db, cancellationToken);
            AssetForm.AddErrors(ModelState, result.Errors);
            return new PageResult { StatusCode = StatusCodes.Status400BadRequest };
        }
        TempData["Flash"] = $"'{result.Asset!.Name}' added to the register.";
        return Redirect($"/assets/{result.Asset.Id}");
    }
}
