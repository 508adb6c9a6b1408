using System.ComponentModel.DataAnnotations;
using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Accounts;
using MhEmployment.Web.Features.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MhEmployment.Web.Pages.Account;

/// <summary>The signed-in person's account: roles, password, and personal API tokens.</summary>
public sealed class IndexModel(UserManager<AppUser> users, ApiTokenService tokens, AuditLog audit, TimeProvider clock) : PageModel
{
    [BindProperty] public TokenInput Input { get; set; } = new();

    public AppUser Account { get; private set; } = null!;
    public IList<string> AccountRoles { get; private set; } = [];
    public IReadOnlyList<ApiToken> Tokens { get; private set; } = [];
    public DateTime Now { get; private set; }

    /// <summary>A token just created: shown on this response only, never stored in clear.</summary>
    public string? NewSecret { get; private set; }

    public sealed class TokenInput
    {
        [Required(ErrorMessage = "Give the token a name, such as the script that will use it")]
        [StringLength(100, ErrorMessage = "Keep the name to 100 characters or fewer")]
        [Display(Name = "Token name")]
        public string Name { get; set; } = "";

        [Range(1, 365, ErrorMessage = "Choose how long the token lasts")]
        [Display(Name = "Expires after")]
        public int Days { get; set; } = 90;
    }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostCreateAsync()
    {
        if (!ApiTokenService.LifetimesInDays.Contains(Input.Days))
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Days)}", "Choose how long the token lasts");
        }
        await LoadAsync();
        if (!ModelState.IsValid)
        {
            var invalid = Page();
            invalid.StatusCode = StatusCodes.Status400BadRequest;
            return invalid;
        }
        var issued = await tokens.IssueAsync(Account, Input.Name, Input.Days);
        await audit.WriteAsync(AuditActions.TokenCreated, $"{Account.Email}: {issued.Token.Name}", $"Expires {issued.Token.ExpiresUtc:yyyy-MM-dd}");
        NewSecret = issued.Secret;
        Input = new TokenInput();
        Tokens = await tokens.ListAsync(Account.Id);
        // The secret is in this page only: keep it out of every cache.
        Response.Headers.CacheControl = "no-store";
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id)
    {
        var account = await users.GetUserAsync(User);
        var revoked = account is null ? null : await tokens.RevokeAsync(account.Id, id);
        if (revoked is not null)
        {
            await audit.WriteAsync(AuditActions.TokenRevoked, $"{account!.Email}: {revoked.Name}");
            TempData["Flash"] = $"The token ‘{revoked.Name}’ has been revoked; it no longer opens the API.";
        }
        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        Account = (await users.GetUserAsync(User))!;
        AccountRoles = await users.GetRolesAsync(Account);
        Tokens = await tokens.ListAsync(Account.Id);
        Now = clock.GetUtcNow().UtcDateTime;
    }
}
