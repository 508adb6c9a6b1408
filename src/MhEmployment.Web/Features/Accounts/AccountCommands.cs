using System.Globalization;
using MhEmployment.Web.Infrastructure;

namespace MhEmployment.Web.Features.Accounts;

/// <summary>The account verbs of the command line. Exit codes: 0 done, 2 the command was wrong.</summary>
public static class AccountCommands
{
    private const string Actor = "command line";

    public static async Task<int> RunAsync(CommandLine command, IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var administration = scope.ServiceProvider.GetRequiredService<AccountAdministration>();
        var email = command.Option("email");
        if (string.IsNullOrWhiteSpace(email))
        {
            return Fail("--email is required.");
        }

        switch (command.Verb)
        {
            case CommandVerb.UsersAdd:
            {
                var (_, result) = await administration.CreateAsync(email, command.All("role"), Actor);
                if (!result.Succeeded)
                {
                    return Fail(result.Errors);
                }
                await Console.Out.WriteLineAsync($"Created {email}. One-time password (change it at first sign-in):\n{result.TemporaryPassword}");
                return 0;
            }
            case CommandVerb.UsersResetPassword:
            {
                var user = await administration.FindAsync(email);
                if (user is null)
                {
                    return Fail($"No account has the email '{email}'.");
                }
                var result = await administration.ResetPasswordAsync(user, Actor);
                if (!result.Succeeded)
                {
                    return Fail(result.Errors);
                }
                await Console.Out.WriteLineAsync($"New one-time password for {email} (change it at next sign-in):\n{result.TemporaryPassword}");
                return 0;
            }
            case CommandVerb.TokensAdd:
            {
                var user = await administration.FindAsync(email);
                var name = command.Option("name");
                var days = command.Option("days") ?? "90";
                if (user is null)
                {
                    return Fail($"No account has the email '{email}'.");
                }
                if (string.IsNullOrWhiteSpace(name) || name.Length > 100)
                {
                    return Fail("--name is required (up to 100 characters), so the token can be told apart later.");
                }
                if (!int.TryParse(days, NumberStyles.None, CultureInfo.InvariantCulture, out var lifetime) || lifetime is < 1 or > 365)
                {
                    return Fail($"--days must be a whole number from 1 to 365, not '{days}'.");
                }
                var issued = await scope.ServiceProvider.GetRequiredService<ApiTokenService>().IssueAsync(user, name, lifetime);
                await scope.ServiceProvider.GetRequiredService<Audit.AuditLog>()
                    .WriteAsync(Audit.AuditActions.TokenCreated, $"{email}: {name}", $"Expires {issued.Token.ExpiresUtc:yyyy-MM-dd}", Actor, user.Id);
                await Console.Out.WriteLineAsync(issued.Secret);
                return 0;
            }
            default:
                return Fail($"'{command.Verb}' is not an account command.");
        }
    }

    private static int Fail(params IEnumerable<string> errors)
    {
        foreach (var error in errors)
        {
            Console.Error.WriteLine(error);
        }
        Console.Error.WriteLine();
        Console.Error.WriteLine(CommandLine.Usage);
        return 2;
    }
}
