using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Audit;
using Microsoft.AspNetCore.Identity;

namespace MhEmployment.Web.Features.Accounts;

/// <summary>
/// Makes sure the roles exist and that there is an Admin. No default password exists anywhere: the first
/// Admin gets a random one, shown once on the console and written to a file only the service account can
/// read, and must change it at first sign-in.
/// </summary>
public sealed class AccountBootstrap(
    RoleManager<IdentityRole> roles, UserManager<AppUser> users, AccountAdministration administration,
    IConfiguration configuration, IHostEnvironment environment)
{
    public const string DefaultAdminEmail = "admin@mhemployment.local";

    public async Task EnsureAsync(CancellationToken cancellationToken = default)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
        if ((await users.GetUsersInRoleAsync(Roles.Admin)).Count > 0)
        {
            return;
        }

        var email = configuration["Accounts:FirstAdminEmail"] is { Length: > 0 } configured ? configured : DefaultAdminEmail;
        var (_, result) = await administration.CreateAsync(email, [Roles.Admin], actor: "system (first run)");
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Could not create the first Admin: " + string.Join(" ", result.Errors));
        }
        var file = PasswordFilePath(configuration, environment);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await WriteOwnerOnlyAsync(file, $"{email}\n{result.TemporaryPassword}\n", cancellationToken);
        // Straight to the console, not through the logger: log sinks keep what they are given.
        await Console.Out.WriteLineAsync($"""

            ================================================================
             First run: an Admin account was created.
               Email:    {email}
               Password: {result.TemporaryPassword}
             It is shown once; it is also in {file}
             (readable only by this account). Sign in and change it.
            ================================================================

            """);
    }

    public static string PasswordFilePath(IConfiguration configuration, IHostEnvironment environment)
    {
        var path = configuration["Accounts:FirstAdminPasswordFile"] is { Length: > 0 } configured ? configured : "App_Data/first-admin-password.txt";
        return Path.IsPathRooted(path) ? path : Path.Combine(environment.ContentRootPath, path);
    }

    private static async Task WriteOwnerOnlyAsync(string path, string text, CancellationToken cancellationToken)
    {
        File.Delete(path); // the owner-only mode applies when the file is created
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        await using var stream = new FileStream(path, options);
        await using var writer = new StreamWriter(stream);
        await writer.WriteAsync(text.AsMemory(), cancellationToken);
    }
}
