using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using MhEmployment.IntegrationTests.Infrastructure;
using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace MhEmployment.IntegrationTests.Security;

/// <summary>Behaviours that need an app of their own: a hand-moved clock, a tight rate limit, the command line.</summary>
public sealed class SessionLifetimeAndLimitsTests
{
    private const string Password = "A perfectly long test password";

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Session_StaysOpenWhileUsed_ButEndsEightHoursAfterSignIn(Provider provider)
    {
        var clock = new ManualClock();
        await using var factory = await AppFactory.CreateAsync(provider, services: s => s.AddSingleton<TimeProvider>(clock));
        await factory.CreateUserAsync("worker@test.local", Password, Roles.Viewer);
        var session = await factory.SignedInClientAsync("worker@test.local", Password);

        // A working day of activity every 20 minutes keeps the session open...
        for (var elapsed = TimeSpan.Zero; elapsed < TimeSpan.FromHours(7.6); elapsed += TimeSpan.FromMinutes(20))
        {
            clock.Advance(TimeSpan.FromMinutes(20));
            (await session.GetAsync(new Uri("/indicators", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK, $"after {elapsed}");
        }
        // ...until eight hours after signing in, however active.
        clock.Advance(TimeSpan.FromMinutes(30));
        var expired = await session.GetAsync(new Uri("/indicators", UriKind.Relative));

        expired.StatusCode.Should().Be(HttpStatusCode.Redirect);
        expired.Headers.Location!.OriginalString.Should().Contain("/Account/Login");
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Session_IsCheckedAgainstTheAccount_OnlyOnceTheRevalidationIntervalHasPassed(Provider provider)
    {
        var clock = new ManualClock();
        var validators = 0;
        await using var factory = await AppFactory.CreateAsync(provider, new Dictionary<string, string> { ["Security:SessionRevalidationSeconds"] = "60" },
            s =>
            {
                s.AddSingleton<TimeProvider>(clock);
                // Identity's validator is built (sign-in manager, user manager, database context) only when it looks at the account.
                s.AddScoped<ISecurityStampValidator>(sp =>
                {
                    Interlocked.Increment(ref validators);
                    return ActivatorUtilities.CreateInstance<SecurityStampValidator<AppUser>>(sp);
                });
            });
        await factory.CreateUserAsync("stamped@test.local", Password, Roles.Viewer);
        var session = await factory.SignedInClientAsync("stamped@test.local", Password);
        for (var i = 0; i < 3; i++)
        {
            clock.Advance(TimeSpan.FromSeconds(10));
            (await session.GetAsync(new Uri("/indicators", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);
        }
        validators.Should().Be(0, "within the interval the cookie alone is enough");

        // An administrator disables the account (which changes its security stamp)...
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            (await users.UpdateSecurityStampAsync((await users.FindByEmailAsync("stamped@test.local"))!)).Succeeded.Should().BeTrue();
        }
        // ...and the session ends at the first request once the interval since the cookie was issued has passed.
        clock.Advance(TimeSpan.FromSeconds(31));
        var after = await session.GetAsync(new Uri("/indicators", UriKind.Relative));

        after.StatusCode.Should().Be(HttpStatusCode.Redirect);
        after.Headers.Location!.OriginalString.Should().Contain("/Account/Login");
        validators.Should().BeGreaterThan(0);
    }

    [Fact]
    public async Task Session_IdleTimeoutIs30MinutesSliding()
    {
        await using var factory = await AppFactory.CreateAsync(Provider.Sqlite);
        var cookie = factory.Services.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>>()
            .Get(Microsoft.AspNetCore.Identity.IdentityConstants.ApplicationScheme);

        cookie.ExpireTimeSpan.Should().Be(TimeSpan.FromMinutes(30));
        cookie.SlidingExpiration.Should().BeTrue();
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task SignIn_IsRateLimitedPerAddress(Provider provider)
    {
        // A clock held still, so that the attempts fall in one window however slowly the test runs.
        await using var factory = await AppFactory.CreateAsync(provider, new Dictionary<string, string> { ["Security:SignInAttemptsPerMinute"] = "3" },
            s => s.AddSingleton<TimeProvider>(new ManualClock()));
        var client = factory.NewClient();

        for (var i = 0; i < 3; i++)
        {
            (await client.SignInAsync("nobody@test.local", "wrong password here")).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        }
        var limited = await client.SignInAsync("nobody@test.local", "wrong password here");

        limited.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        (await Html.ParseAsync(limited)).QuerySelector("h1")!.Text().Should().Be("Too many attempts");
        limited.Headers.RetryAfter!.Delta!.Value.TotalSeconds.Should().BeInRange(1, 60, "the attempts are counted in one-minute windows");
        (await client.GetAsync(new Uri("/Account/Login", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK, "reading the page is not limited");
    }

    [Fact]
    public async Task SignInLimit_AttemptsRacingOnSqlite_AdmitExactlyTheLimit()
    {
        await using var factory = await AppFactory.CreateAsync(Provider.Sqlite, new Dictionary<string, string> { ["Security:SignInAttemptsPerMinute"] = "10" },
            s => s.AddSingleton<TimeProvider>(new ManualClock()));
        factory.StartServer(); // once: the racing tasks' first look at Services would otherwise each start an app

        var decisions = await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => Task.Run(async () =>
        {
            await using var scope = factory.Services.CreateAsyncScope();
            return (await scope.ServiceProvider.GetRequiredService<SignInRateLimiter>().CountAttemptAsync("203.0.113.7", CancellationToken.None)).Allowed;
        })));

        decisions.Count(allowed => allowed).Should().Be(10);
    }

    private static async Task<(int ExitCode, string Output)> RunCliAsync(string sqliteFile, string passwordFile, params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "MhEmployment.Web.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory };
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ConnectionStrings__Sqlite"] = $"Data Source={sqliteFile}";
        start.Environment["Accounts__FirstAdminPasswordFile"] = passwordFile;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return (process.ExitCode, await output + await error);
    }

    [Fact]
    public async Task CommandLine_AddsUsers_ResetsPasswords_AndIssuesTokensThatOpenTheApi()
    {
        var database = Path.Combine(Path.GetTempPath(), $"mhe-cli-{Guid.NewGuid():N}.db");
        var passwordFile = Path.Combine(Path.GetTempPath(), $"mhe-cli-admin-{Guid.NewGuid():N}.txt");

        var added = await RunCliAsync(database, passwordFile, "users", "add", "--email", "analyst@cli.local", "--role", "Analyst", "--role", "viewer");
        var reset = await RunCliAsync(database, passwordFile, "users", "reset-password", "--email", "analyst@cli.local");
        var token = await RunCliAsync(database, passwordFile, "tokens", "add", "--email", "analyst@cli.local", "--name", "nightly load", "--days", "7");
        var badRole = await RunCliAsync(database, passwordFile, "users", "add", "--email", "x@cli.local", "--role", "Superuser");
        var missingEmail = await RunCliAsync(database, passwordFile, "tokens", "add", "--name", "n");

        added.ExitCode.Should().Be(0, added.Output);
        added.Output.Should().Contain("Created analyst@cli.local");
        reset.ExitCode.Should().Be(0, reset.Output);
        token.ExitCode.Should().Be(0, token.Output);
        var secret = token.Output.Trim().Split('\n')[^1].Trim();
        secret.Should().StartWith(ApiTokenService.SecretPrefix);
        badRole.ExitCode.Should().Be(2);
        badRole.Output.Should().Contain("Unknown role 'Superuser'").And.Contain("Usage:");
        missingEmail.ExitCode.Should().Be(2);
        missingEmail.Output.Should().Contain("--email is required");

        await using var factory = new AppFactory(Provider.Sqlite, $"Data Source={database}");
        var api = factory.NewClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        (await api.GetAsync(new Uri("/api/v1/indicators", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);
        var oneTime = reset.Output.Trim().Split('\n')[^1].Trim();
        var person = factory.NewClient();
        (await person.SignInAsync("analyst@cli.local", oneTime)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await person.GetAsync(new Uri("/", UriKind.Relative))).Headers.Location!.OriginalString.Should().Be("/Account/ChangePassword");
    }
}
