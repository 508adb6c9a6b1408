using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MhEmployment.Web.Pages.Admin.Users;

public sealed class EditModel(UserManager<AppUser> users, AccountAdministration administration) : PageModel
{
    [BindProperty] public List<string> SelectedRoles { get; set; } = [];

    public AppUser Account { get; private set; } = null!;
    public IList<string> CurrentRoles { get; private set; } = [];
    public string? TemporaryPassword { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id) => await LoadAsync(id) ? Page() : NotFound();

    public Task<IActionResult> OnPostRolesAsync(string id) =>
        ActAsync(id, user => administration.SetRolesAsync(user, SelectedRoles), "Roles saved. Open sessions pick them up within a minute.");

    public Task<IActionResult> OnPostDisableAsync(string id) =>
        ActAsync(id, administration.DisableAsync, "Account disabled. Its open sessions end within a minute and its API tokens stop working now.");

    public Task<IActionResult> OnPostEnableAsync(string id) => ActAsync(id, administration.EnableAsync, "Account enabled.");

    public async Task<IActionResult> OnPostResetPasswordAsync(string id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        var result = await administration.ResetPasswordAsync(Account);
        if (!result.Succeeded)
        {
            return Failed(result);
        }
        TemporaryPassword = result.TemporaryPassword;
        Response.Headers.CacheControl = "no-store";
        return Page();
    }

    private async Task<IActionResult> ActAsync(string id, Func<AppUser, Task<AccountResult>> action, string done)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        var result = await action(Account);
        if (!result.Succeeded)
        {
            return Failed(result);
        }
        TempData["Flash"] = done;
        return RedirectToPage(new { id });
    }

    private PageResult Failed(AccountResult result)
    {
        foreach (var error in result.Errors)
        {
            ModelState.AddModelError(string.Empty, error);
        }
        var page = Page();
        page.StatusCode = StatusCodes.Status400BadRequest;
        return page;
    }

    private async Task<bool> LoadAsync(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return false;
        }
        Account = user;
        CurrentRoles = await users.GetRolesAsync(user);
        return true;
    }
}
