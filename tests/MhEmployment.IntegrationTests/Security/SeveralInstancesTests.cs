using System.Net;
using MhEmployment.IntegrationTests.Infrastructure;
using MhEmployment.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MhEmployment.IntegrationTests.Security;

/// <summary>
/// Two app instances sharing one PostgreSQL database, as a scaled-out deployment runs them: what a person does on
/// one holds on the other (sessions, the sign-in limit, lockouts).
/// </summary>
public sealed class SeveralInstancesTests
{
    private const string Password = "A perfectly long test password";
    private static readonly Uri SignedInPage = new("/indicators", UriKind.Relative);

    /// <summary>Two instances on one new database, both up and serving (each has read the key ring) before a test acts.</summary>
    private sealed class TwoInstances : IAsyncDisposable
    {
        private TwoInstances(AppFactory a, AppFactory b) => (A, B) = (a, b);

        public AppFactory A { get; }
        public AppFactory B { get; }

        public static async Task<TwoInstances> StartAsync(IReadOnlyDictionary<string, string>? settings = null, TimeProvider? clock = null)
        {
            var database = await PostgresServer.CreateDatabaseAsync();
            Action<IServiceCollection>? services = clock is null ? null : s => s.AddSingleton(clock);
            var instances = new TwoInstances(
                new AppFactory(Provider.Postgres, database, settings, services), new AppFactory(Provider.Postgres, database, settings, services));
            // B starts after A has migrated the database, as a second instance joins a running deployment.
            foreach (var instance in new[] { instances.A, instances.B })
            {
                (await instance.NewClient().GetAsync(new Uri("/Account/Login", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);
            }
            return instances;
        }

        public async ValueTask DisposeAsync()
        {
            await A.DisposeAsync();
            await B.DisposeAsync();
        }
    }

    private static async Task<string> SessionCookieAsync(HttpResponseMessage signIn)
    {
        signIn.StatusCode.Should().Be(HttpStatusCode.Redirect, await signIn.Content.ReadAsStringAsync());
        return signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("mhe-session=", StringComparison.Ordinal)).Split(';')[0];
    }

    [Fact]
    public async Task SignIn_OnOneInstance_IsValidOnTheOther()
    {
        await using var instances = await TwoInstances.StartAsync();
        var (a, b) = (instances.A, instances.B);
        await a.CreateUserAsync("roaming@test.local", Password, Roles.Viewer);
        var cookie = await SessionCookieAsync(await a.NewClient().SignInAsync("roaming@test.local", Password));

        var onB = b.NewClient();
        onB.DefaultRequestHeaders.Add("Cookie", cookie);
        var page = await onB.GetAsync(SignedInPage);

        page.StatusCode.Should().Be(HttpStatusCode.OK);
        (await Html.ParseAsync(page)).QuerySelector("header .session a[href='/Account']")!.TextContent.Should().Be("roaming@test.local");
        var withoutCookie = await b.NewClient().GetAsync(SignedInPage);
        withoutCookie.StatusCode.Should().Be(HttpStatusCode.Redirect, "the page needs a session: B let the cookie in because it read A's sign-in");
    }

    [Fact]
    public async Task SignInLimit_CountsTheAttemptsMadeOnBothInstancesTogether()
    {
        var clock = new ManualClock(); // held still, so that the test's attempts fall in one window
        await using var instances = await TwoInstances.StartAsync(new Dictionary<string, string> { [SignInRateLimit.Setting] = "4" }, clock);
        var (a, b) = (instances.A, instances.B);
        var (onA, onB) = (a.NewClient(), b.NewClient());

        foreach (var client in new[] { onA, onB, onA, onB })
        {
            (await client.SignInAsync("nobody@test.local", "wrong password here")).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        }
        var fifthOnA = await onA.SignInAsync("nobody@test.local", "wrong password here");
        var sixthOnB = await onB.SignInAsync("nobody@test.local", "wrong password here");

        foreach (var refused in new[] { fifthOnA, sixthOnB })
        {
            refused.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
            (await Html.ParseAsync(refused)).QuerySelector("h1")!.TextContent.Should().Be("Too many attempts");
            refused.Headers.RetryAfter!.Delta!.Value.TotalSeconds.Should().BeInRange(1, 60);
        }

        // The next minute is a new window on either instance, and the ended one is cleared away.
        clock.Advance(TimeSpan.FromMinutes(1));
        (await onB.SignInAsync("nobody@test.local", "wrong password here")).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var windows = await a.WithDbAsync(db => db.RateLimitCounters.AsNoTracking().ToListAsync());
        windows.Should().ContainSingle().Which.Count.Should().Be(1);
        windows[0].WindowStartUtc.Should().Be(FixedWindow.Containing(clock.GetUtcNow(), SignInRateLimit.Window).StartUtc);
    }

    [Fact]
    public async Task SignInLimit_AttemptsRacingOnBothInstances_AdmitExactlyTheLimit()
    {
        var clock = new ManualClock();
        await using var instances = await TwoInstances.StartAsync(new Dictionary<string, string> { [SignInRateLimit.Setting] = "10" }, clock);
        var (a, b) = (instances.A, instances.B);

        async Task<bool> AttemptAsync(AppFactory instance)
        {
            await using var scope = instance.Services.CreateAsyncScope();
            var limiter = scope.ServiceProvider.GetRequiredService<SignInRateLimiter>();
            return (await limiter.CountAttemptAsync("203.0.113.7", CancellationToken.None)).Allowed;
        }
        var decisions = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(() => AttemptAsync(i % 2 == 0 ? a : b))));

        decisions.Count(allowed => allowed).Should().Be(10);
        (await AttemptAsync(a)).Should().BeFalse("another address has its own count, this one has none left");
        (await b.WithDbAsync(db => db.RateLimitCounters.SingleAsync())).Count.Should().Be(41);
    }

    [Fact]
    public async Task Lockout_AfterFailedPasswordsOnBothInstances_HoldsOnEach()
    {
        await using var instances = await TwoInstances.StartAsync();
        var (a, b) = (instances.A, instances.B);
        await a.CreateUserAsync("guessed@test.local", Password, Roles.Viewer);
        var (onA, onB) = (a.NewClient(), b.NewClient());

        // Five failures, the limit before lockout, spread over both instances: each counts on the one account.
        foreach (var client in new[] { onA, onB, onA, onB, onA })
        {
            (await client.SignInAsync("guessed@test.local", "not the password at all")).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        }
        var rightOnB = await onB.SignInAsync("guessed@test.local", Password);
        var rightOnA = await onA.SignInAsync("guessed@test.local", Password);

        foreach (var refused in new[] { rightOnB, rightOnA })
        {
            refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
            (await Html.ParseAsync(refused)).QuerySelector(".error-summary")!.TextContent.Should().Contain("locked");
        }
    }
}
