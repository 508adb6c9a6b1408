using MhEmployment.Web.Data;
using MhEmployment.Web.Features.Accounts;
using MhEmployment.Web.Features.Assets;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MhEmployment.Web.Pages.Assets;

[Authorize(Policy = Policies.EditAssets)]
public sealed class EditModel(AssetService assets, AreaResolver resolver, AppDbContext db) : PageModel
{
    [BindProperty] public AssetForm Form { get; set; } = new();
    public IReadOnlyList<(int Number, string Name, IReadOnlyList<ItemRef> Items)> Checklist { get; private set; } = [];
    public int Id { get; private set; }
    public string AssetName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var asset = await assets.FindAsync(id, cancellationToken);
        if (asset is null)
        {
            return NotFound();
        }
        (Id, AssetName) = (id, asset.Name);
        Checklist = await CoverageService.ChecklistAsync(db, cancellationToken);
        Form = AssetForm.From(asset, (await assets.ReferenceAsync(cancellationToken)).ItemsById);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        var areas = await resolver.ResolveAsync(AreaResolver.Split(Form.Areas), cancellationToken);
        var result = await assets.UpdateAsync(id, Form.ToDraft(areas), User.Identity!.Name!, cancellationToken);
        if (result.NotFound)
        {
            return NotFound();
        }
        if (!result.Succeeded)
        {
            Id = id;
            AssetName = (await assets.FindAsync(id, cancellationToken))!.Name;
            Checklist = await CoverageService.ChecklistAsync(db, cancellationToken);
            AssetForm.AddErrors(ModelState, result.Errors);
            return new PageResult { StatusCode = StatusCodes.Status400BadRequest };
        }
        TempData["Flash"] = "Changes saved.";
        return Redirect($"/assets/{id}");
    }
}
