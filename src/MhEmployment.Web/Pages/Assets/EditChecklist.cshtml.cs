using MhEmployment.Web.Data;
using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Accounts;
using MhEmployment.Web.Features.Assets;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace MhEmployment.Web.Pages.Assets;

/// <summary>Admins add, rename, reorder, retire and reinstate checklist items.</summary>
[Authorize(Policy = Policies.Administer)]
public sealed class EditChecklistModel(AppDbContext db, ChecklistAdministration checklist) : PageModel
{
    [BindProperty] public int ItemId { get; set; }
    [BindProperty] public int DomainNumber { get; set; }
    [BindProperty] public string? Text { get; set; }

    public IReadOnlyList<AssetDomain> Domains { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken cancellationToken)
    {
        if (ChecklistAdministration.CheckText(Text) is { } problem)
        {
            return await RefuseAsync($"add-{DomainNumber}", problem, cancellationToken);
        }
        var item = await checklist.AddAsync(DomainNumber, Text!, cancellationToken);
        return item is null ? NotFound() : Done($"Item {DomainNumber}.{item.Number} added.");
    }

    public async Task<IActionResult> OnPostRenameAsync(CancellationToken cancellationToken)
    {
        if (ChecklistAdministration.CheckText(Text) is { } problem)
        {
            return await RefuseAsync($"text-{ItemId}", problem, cancellationToken);
        }
        return await checklist.RenameAsync(ItemId, Text!, cancellationToken) ? Done("Item renamed.") : NotFound();
    }

    public async Task<IActionResult> OnPostUpAsync(CancellationToken cancellationToken) =>
        await checklist.MoveAsync(ItemId, up: true, cancellationToken) ? Done("Item moved up.") : NotFound();

    public async Task<IActionResult> OnPostDownAsync(CancellationToken cancellationToken) =>
        await checklist.MoveAsync(ItemId, up: false, cancellationToken) ? Done("Item moved down.") : NotFound();

    public async Task<IActionResult> OnPostRetireAsync(CancellationToken cancellationToken) =>
        await checklist.SetRetiredAsync(ItemId, retired: true, cancellationToken) ? Done("Item retired: it keeps its assets, ratings and analyses, and is offered for no new ones.") : NotFound();

    public async Task<IActionResult> OnPostReinstateAsync(CancellationToken cancellationToken) =>
        await checklist.SetRetiredAsync(ItemId, retired: false, cancellationToken) ? Done("Item reinstated.") : NotFound();

    private RedirectResult Done(string message)
    {
        TempData["Flash"] = message;
        return Redirect("/assets/checklist/edit");
    }

    private async Task<IActionResult> RefuseAsync(string field, string problem, CancellationToken cancellationToken)
    {
        ModelState.AddModelError(field, problem);
        await LoadAsync(cancellationToken);
        return new PageResult { StatusCode = StatusCodes.Status400BadRequest };
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Domains = await db.AssetDomains.AsNoTracking().Include(d => d.Items.OrderBy(i => i.Number)).OrderBy(d => d.Number).ToListAsync(cancellationToken);
}
