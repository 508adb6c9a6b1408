using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Audit;
using Microsoft.AspNetCore.Identity;

namespace MhEmployment.Web.Features.Accounts;

public sealed record AccountResult(bool Succeeded, IReadOnlyList<string> Errors, string? TemporaryPassword = null)
{
    public static AccountResult Fail(params string[] errors) => new(false, errors);
}

/// <summary>What an Admin (or the command line) does to accounts. Every change goes into the audit log.</summary>
public sealed class AccountAdministration(UserManager<AppUser> users, AuditLog audit, ApiTokenPrincipals tokens, TimeProvider clock)
{
    public async Task<(AppUser? User, AccountResult Result)> CreateAsync(string email, IReadOnlyCollection<string> roles, string? actor = null)
    {
        var unknown = roles.Where(r => Roles.Find(r) is null).ToList();
        if (unknown.Count > 0)
        {
            return (null, AccountResult.Fail($"Unknown role {string.Join(", ", unknown.Select(r => $"'{r}'"))}. Roles are {string.Join(", ", Roles.All)}."));
        }
        if (roles.Count == 0)
        {
            return (null, AccountResult.Fail("Choose at least one role."));
        }
        var password = TemporaryPassword.Generate();
        var user = new AppUser
        {
            UserName = email.Trim(),
            Email = email.Trim(),
            EmailConfirmed = true,
            MustChangePassword = true,
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
        };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return (null, new AccountResult(false, [.. created.Errors.Select(e => e.Description)]));
        }
        var normalisedRoles = roles.Select(r => Roles.Find(r)!).Distinct().ToList();
        await users.AddToRolesAsync(user, normalisedRoles);
        await audit.WriteAsync(AuditActions.UserCreated, user.Email, $"Roles: {string.Join(", ", normalisedRoles)}", actor);
        return (user, new AccountResult(true, [], password));
    }

    public async Task<AccountResult> SetRolesAsync(AppUser user, IReadOnlyCollection<string> roles)
    {
        if (roles.Count == 0 || roles.Any(r => Roles.Find(r) is null))
        {
            return AccountResult.Fail("Choose at least one role.");
        }
        var wanted = roles.Select(r => Roles.Find(r)!).ToHashSet();
        var current = (await users.GetRolesAsync(user)).ToHashSet();
        if (current.Contains(Roles.Admin) && !wanted.Contains(Roles.Admin) && await IsLastActiveAdminAsync(user))
        {
            return AccountResult.Fail("This is the only active Admin; give another account the Admin role first.");
        }
        await users.RemoveFromRolesAsync(user, current.Except(wanted));
        // Open sessions rebuild their claims, roles included, at the next revalidation (within a minute).
        await users.AddToRolesAsync(user, wanted.Except(current));
        tokens.ForgetAll();
        await audit.WriteAsync(AuditActions.RolesChanged, user.Email,
            $"From {string.Join(", ", current.Order())} to {string.Join(", ", wanted.Order())}");
        return new AccountResult(true, []);
    }

    /// <summary>
    /// Disables sign-in and ends open sessions at their next revalidation (within a minute); tokens stop at once on this
    /// instance, and on others within <c>Security:TokenRevalidationSeconds</c>.
    /// </summary>
    public async Task<AccountResult> DisableAsync(AppUser user)
    {
        if (await users.IsInRoleAsync(user, Roles.Admin) && await IsLastActiveAdminAsync(user))
        {
            return AccountResult.Fail("This is the only active Admin and cannot be disabled.");
        }
        user.DisabledUtc = clock.GetUtcNow().UtcDateTime;
        user.LockoutEnabled = true;
        user.LockoutEnd = DateTimeOffset.MaxValue;
        await users.UpdateAsync(user);
        await users.UpdateSecurityStampAsync(user);
        tokens.ForgetAll();
        await audit.WriteAsync(AuditActions.UserDisabled, user.Email);
        return new AccountResult(true, []);
    }

    public async Task<AccountResult> EnableAsync(AppUser user)
    {
        user.DisabledUtc = null;
        user.LockoutEnd = null;
        await users.UpdateAsync(user);
        await users.ResetAccessFailedCountAsync(user);
        await audit.WriteAsync(AuditActions.UserEnabled, user.Email);
        return new AccountResult(true, []);
    }

    public async Task<AccountResult> ResetPasswordAsync(AppUser user, string? actor = null)
    {
        var password = TemporaryPassword.Generate();
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var reset = await users.ResetPasswordAsync(user, token, password);
        if (!reset.Succeeded)
        {
            return new AccountResult(false, [.. reset.Errors.Select(e => e.Description)]);
        }
        user.MustChangePassword = true;
        await users.UpdateAsync(user);
        await audit.WriteAsync(AuditActions.PasswordReset, user.Email, actor: actor);
        return new AccountResult(true, [], password);
    }

    private async Task<bool> IsLastActiveAdminAsync(AppUser user)
    {
        var admins = await users.GetUsersInRoleAsync(Roles.Admin);
        return !admins.Any(a => a.Id != user.Id && a.DisabledUtc is null);
    }

    public async Task<AppUser?> FindAsync(string idOrEmail) =>
        await users.FindByIdAsync(idOrEmail) ?? await users.FindByEmailAsync(idOrEmail);
}
