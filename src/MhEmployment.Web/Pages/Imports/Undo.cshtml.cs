using MhEmployment.Web.Data;
using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Imports;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace MhEmployment.Web.Pages.Imports;

/// <summary>Undo asks first: what undoing the import takes away and puts back, then a button that does it.</summary>
public sealed class UndoModel(AppDbContext db, ImportUndo undo) : PageModel
{
    public Import Import { get; private set; } = null!;

    /// <summary>Indicators the import added to the catalogue, which go with it when nothing else uses them.</summary>
    public int AddedIndicators { get; private set; }

    /// <summary>Why the import cannot be undone now; null when it can.</summary>
    public string? Blocker { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        var result = await undo.UndoAsync(id, User.Identity?.Name, cancellationToken);
        if (result.ImportMissing)
        {
            return NotFound();
        }
        if (result.Succeeded)
        {
            TempData["Flash"] = result.Message;
            return RedirectToPage("/Imports/Details", new { id });
        }
        ModelState.AddModelError(string.Empty, result.Message);
        await LoadAsync(id, cancellationToken);
        var page = Page();
        page.StatusCode = StatusCodes.Status400BadRequest;
        return page;
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var import = await db.Imports.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (import is null)
        {
            return false;
        }
        Import = import;
        AddedIndicators = await db.Indicators.CountAsync(i => i.CreatedByImportId == id, cancellationToken);
        Blocker = import.Status == ImportStatus.Committed
            ? await undo.LaterImportsAsync(id, cancellationToken)
            : "Only a committed import can be undone.";
        return true;
    }
}
