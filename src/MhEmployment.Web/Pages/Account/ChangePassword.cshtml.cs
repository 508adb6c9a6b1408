using System.ComponentModel.DataAnnotations;
using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Accounts;
using MhEmployment.Web.Features.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MhEmployment.Web.Pages.Account;

public sealed class ChangePasswordModel(
    UserManager<AppUser> users, SignInManager<AppUser> signIn, AuditLog audit, IConfiguration configuration, IHostEnvironment environment) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    public bool MustChange { get; private set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your current password")]
        [DataType(DataType.Password)]
        [Display(Name = "Current password")]
        public string CurrentPassword { get; set; } = "";

        [Required(ErrorMessage = "Enter a new password")]
        [DataType(DataType.Password)]
        [Display(Name = "New password")]
        public string NewPassword { get; set; } = "";

        [Required(ErrorMessage = "Enter the new password again")]
        [DataType(DataType.Password)]
        [Compare(nameof(NewPassword), ErrorMessage = "The two new passwords are not the same")]
        [Display(Name = "New password again")]
        public string ConfirmPassword { get; set; } = "";
    }

    public async Task OnGetAsync() => MustChange = (await users.GetUserAsync(User))?.MustChangePassword == true;

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        MustChange = user.MustChangePassword;
        if (ModelState.IsValid)
        {
            var result = await users.ChangePasswordAsync(user, Input.CurrentPassword, Input.NewPassword);
            foreach (var error in result.Errors)
            {
                var field = error.Code == "PasswordMismatch" ? nameof(Input.CurrentPassword) : nameof(Input.NewPassword);
                ModelState.AddModelError($"{nameof(Input)}.{field}", error.Code == "PasswordMismatch" ? "Your current password is not right" : error.Description);
            }
        }
        if (!ModelState.IsValid)
        {
            Input = new InputModel();
            var page = Page();
            page.StatusCode = StatusCodes.Status400BadRequest;
            return page;
        }

        user.MustChangePassword = false;
        await users.UpdateAsync(user);
        await signIn.RefreshSignInAsync(user);
        await audit.WriteAsync(AuditActions.PasswordChanged, user.Email);
        // The first-run file has served its purpose once its password is gone.
        var firstRunFile = AccountBootstrap.PasswordFilePath(configuration, environment);
        if (System.IO.File.Exists(firstRunFile) && (await System.IO.File.ReadAllTextAsync(firstRunFile)).StartsWith(user.Email + "\n", StringComparison.Ordinal))
        {
            System.IO.File.Delete(firstRunFile);
        }
        TempData["Flash"] = "Your password has been changed.";
        return RedirectToPage("/Account/Index");
    }
}
