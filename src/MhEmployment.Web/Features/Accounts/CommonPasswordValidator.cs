using System.Collections.Frozen;
using MhEmployment.Web.Domain;
using Microsoft.AspNetCore.Identity;

namespace MhEmployment.Web.Features.Accounts;

/// <summary>
/// Refuses passwords found in the bundled list of the 10,000 most common (SecLists, MIT), whatever their case.
/// Length is Identity's own rule (12 or more); there are no composition rules, as ASVS asks.
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<AppUser>
{
    public const string ErrorCode = "CommonPassword";
    private static readonly Lazy<FrozenSet<string>> Common = new(Load);

    public static bool IsCommon(string password) => Common.Value.Contains(password.ToLowerInvariant());

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password) =>
        Task.FromResult(password is not null && IsCommon(password)
            ? IdentityResult.Failed(new IdentityError
            {
                Code = ErrorCode,
                Description = "This password is one of the 10,000 most commonly used, so it is easy to guess. Choose another; a few unrelated words make a strong one.",
            })
            : IdentityResult.Success);

    private static FrozenSet<string> Load()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream("Accounts/common-passwords.txt")
            ?? throw new InvalidOperationException("The common-password list is not embedded in the assembly.");
        using var reader = new StreamReader(stream);
        var passwords = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            passwords.Add(line);
        }
        return passwords.ToFrozenSet(StringComparer.Ordinal);
    }
}
