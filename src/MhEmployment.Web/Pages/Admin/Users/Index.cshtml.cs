using System.ComponentModel.DataAnnotations;
using MhEmployment.Web.Data;
using MhEmployment.Web.Features.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace MhEmployment.Web.Pages.Admin.Users;

public sealed class IndexModel(AppDbContext db, AccountAdministration administration) : PageModel
{
    [BindProperty] public CreateInput Input { get; set; } = new();

    public IReadOnlyList<UserRow> Users { get; private set; } = [];
    public string? CreatedEmail { get; private set; }
    public string? TemporaryPassword { get; private set; }

    public sealed record UserRow(string Id, string Email, IReadOnlyList<string> Roles, bool Disabled, bool LockedOut, DateTime? LastSignInUtc);

    public sealed class CreateInput
    {
        [Required(ErrorMessage = "Enter the person's email address")]
        [EmailAddress(ErrorMessage = "Enter an email address like name@example.org")]
        [Display(Name = "Email address")]
        public string Email { get; set; } = "";

        [Display(Name = "Roles")]
        public List<string> Roles { get; set; } = [];
    }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        if (Input.Roles.Count == 0)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Roles)}", "Choose at least one role");
        }
        if (ModelState.IsValid)
        {
            var (user, result) = await administration.CreateAsync(Input.Email, Input.Roles);
            if (result.Succeeded)
            {
                CreatedEmail = user!.Email;
                TemporaryPassword = result.TemporaryPassword;
                Input = new CreateInput();
                Response.Headers.CacheControl = "no-store";
                await LoadAsync();
                return Page();
            }
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Email)}", error);
            }
        }
        await LoadAsync();
        var page = Page();
        page.StatusCode = StatusCodes.Status400BadRequest;
        return page;
    }

    private async Task LoadAsync()
    {
        var now = DateTimeOffset.UtcNow;
        var roleNames = await db.Roles.ToDictionaryAsync(r => r.Id, r => r.Name!);
        var memberships = (await db.UserRoles.ToListAsync()).ToLookup(ur => ur.UserId, ur => roleNames[ur.RoleId]);
        var users = await db.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync();
        Users = [.. users.Select(u => new UserRow(u.Id, u.Email!, [.. memberships[u.Id].Order()], u.DisabledUtc is not null,
            u.DisabledUtc is null && u.LockoutEnd > now, u.LastSignInUtc))];
    }
}
