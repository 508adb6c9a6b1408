using System.ComponentModel.DataAnnotations;
using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Accounts;
using MhEmployment.Web.Features.Audit;
using MhEmployment.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MhEmployment.Web.Pages.Account;

[SignInRateLimited]
public sealed class LoginModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, AuditLog audit, TimeProvider clock) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your email address")]
        [EmailAddress(ErrorMessage = "Enter an email address like name@example.org")]
        [Display(Name = "Email address")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Enter your password")]
        [DataType(DataType.Password)]
        public string Password { get; set; } = "";
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Invalid();
        }
        var result = await signIn.PasswordSignInAsync(Input.Email, Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            var user = (await users.FindByEmailAsync(Input.Email))!;
            user.LastSignInUtc = clock.GetUtcNow().UtcDateTime;
            await users.UpdateAsync(user);
            await audit.WriteAsync(AuditActions.SignInSucceeded, user.Email, actor: user.Email, actorUserId: user.Id);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }
        if (result.IsLockedOut)
        {
            await audit.WriteAsync(AuditActions.SignInLockedOut, Input.Email, actor: Input.Email);
            ModelState.AddModelError(string.Empty,
                "This account is locked after too many failed attempts, or disabled. Try again in 15 minutes, or ask an administrator.");
            return Invalid();
        }
        await audit.WriteAsync(AuditActions.SignInFailed, Input.Email, actor: Input.Email);
        ModelState.AddModelError(string.Empty, "The email address or password is not right.");
        return Invalid();
    }

    private PageResult Invalid()
    {
        Input.Password = "";
        var page = Page();
        page.StatusCode = StatusCodes.Status400BadRequest;
        return page;
    }
}
