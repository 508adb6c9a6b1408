using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Accounts;
using MhEmployment.Web.Features.NeedsAssets;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MhEmployment.Web.Pages.Priorities;

[Authorize(Policy = Policies.Decide)]
public sealed class EditModel(PriorityService priorities) : PageModel
{
    [BindProperty] public PriorityForm Form { get; set; } = new();
    public Priority Priority { get; private set; } = null!;
    public PriorityReference Reference { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        Form = PriorityForm.From(Priority, Reference);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        var result = await priorities.UpdateAsync(id, Form.ToDraft(), User.Identity!.Name!, cancellationToken);
        if (result.NotFound)
        {
            return NotFound();
        }
        if (!result.Succeeded)
        {
            await LoadAsync(id, cancellationToken);
            PriorityForm.AddErrors(ModelState, result.Errors);
            return new PageResult { StatusCode = StatusCodes.Status400BadRequest };
        }
        TempData["Flash"] = result.Unchanged ? "Nothing was changed." : "Changes saved.";
        return Redirect($"/priorities/{id}");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await priorities.FindAsync(id, cancellationToken) is not { } priority)
        {
            return false;
        }
        Priority = priority;
        Reference = await priorities.ReferenceAsync(priority.AreaCode, priority, cancellationToken);
        return true;
    }
}
