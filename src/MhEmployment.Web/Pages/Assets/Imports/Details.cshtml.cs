using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Accounts;
using MhEmployment.Web.Features.Assets;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MhEmployment.Web.Pages.Assets.Imports;

/// <summary>An asset file's preview (every problem, every change), its commit, and its undo.</summary>
[Authorize(Policy = Policies.EditAssets)]
public sealed class DetailsModel(AssetImportService imports) : PageModel
{
    public const int RowsShown = 200;

    [BindProperty] public bool Confirm { get; set; }
    public AssetImportPreview Preview { get; private set; } = null!;

    private bool CanRate => User.IsInRole(Roles.Officer) || User.IsInRole(Roles.Admin);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var preview = await imports.PreviewAsync(id, CanRate, cancellationToken);
        if (preview is null)
        {
            return NotFound();
        }
        Preview = preview;
        return Page();
    }

    public async Task<IActionResult> OnPostCommitAsync(int id, CancellationToken cancellationToken)
    {
        var (preview, problem) = await imports.CommitAsync(id, User.Identity!.Name!, CanRate, cancellationToken);
        if (preview is null)
        {
            return NotFound();
        }
        if (problem is not null)
        {
            return await RefuseAsync(id, problem, cancellationToken);
        }
        TempData["Flash"] = $"Committed: {preview.Count(PlannedChange.Create)} added, {preview.Count(PlannedChange.Update)} changed, {preview.Count(PlannedChange.Unchanged)} unchanged.";
        return Redirect($"/assets/imports/{id}");
    }

    public async Task<IActionResult> OnPostUndoAsync(int id, CancellationToken cancellationToken)
    {
        if (!Confirm)
        {
            return await RefuseAsync(id, "Tick the box to confirm that the import should be undone", cancellationToken, nameof(Confirm));
        }
        var (found, problem) = await imports.UndoAsync(id, User.Identity!.Name!, cancellationToken);
        if (!found)
        {
            return NotFound();
        }
        if (problem is not null)
        {
            return await RefuseAsync(id, problem, cancellationToken);
        }
        TempData["Flash"] = "Import undone: the assets it added are removed and those it changed are as they were.";
        return Redirect($"/assets/imports/{id}");
    }

    private async Task<IActionResult> RefuseAsync(int id, string problem, CancellationToken cancellationToken, string key = "")
    {
        var preview = await imports.PreviewAsync(id, CanRate, cancellationToken);
        if (preview is null)
        {
            return NotFound();
        }
        Preview = preview;
        ModelState.AddModelError(key, problem);
        return new PageResult { StatusCode = StatusCodes.Status400BadRequest };
    }
}
