using System.Diagnostics;
using System.Net;
using MhEmployment.IntegrationTests.Infrastructure;
using MhEmployment.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace MhEmployment.IntegrationTests.Security;

/// <summary>
/// An API token is checked in the database once per Security:TokenRevalidationSeconds, not on every call: a token
/// revoked behind this instance's back (as through another instance) stops within that time; one revoked through this
/// instance stops at once.
/// </summary>
public abstract class RememberedTokensTests(Provider provider) : IAsyncLifetime
{
    private const string Password = "A perfectly long test password";
    private static readonly Uri Indicators = new("/api/v1/indicators", UriKind.Relative);
    private AppFactory _factory = null!;

    public async Task InitializeAsync() =>
        _factory = await AppFactory.CreateAsync(provider, new Dictionary<string, string> { ["Security:TokenRevalidationSeconds"] = "3" });

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task ATokenRevokedElsewhere_StopsWithinTheRevalidationTime()
    {
        var email = await NewViewerAsync();
        var api = await _factory.ApiClientAsync(email);
        (await api.GetAsync(Indicators)).StatusCode.Should().Be(HttpStatusCode.OK);

        await _factory.WithDbAsync(db => db.ApiTokens.Where(t => t.User!.Email == email)
            .ExecuteUpdateAsync(t => t.SetProperty(x => x.RevokedUtc, DateTime.UtcNow)));
        (await api.GetAsync(Indicators)).StatusCode.Should().Be(HttpStatusCode.OK, "the token was checked a moment ago and is remembered");

        var clock = Stopwatch.StartNew();
        while ((await api.GetAsync(Indicators)).StatusCode == HttpStatusCode.OK)
        {
            clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(15), "the token should have been checked again after 3 s");
            await Task.Delay(200);
        }
        (await api.GetAsync(Indicators)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ATokenRevokedOnThisInstance_StopsAtOnce()
    {
        var email = await NewViewerAsync();
        var session = await _factory.SignedInClientAsync(email, Password);
        var api = await _factory.ApiClientAsync(email);
        (await api.GetAsync(Indicators)).StatusCode.Should().Be(HttpStatusCode.OK);

        var tokenId = await _factory.WithDbAsync(db => db.ApiTokens.Where(t => t.User!.Email == email).Select(t => t.Id).SingleAsync());
        (await session.SubmitFormAsync("/Account", [], $"form[action*='handler=Revoke'][action*='id={tokenId}']")).StatusCode.Should().Be(HttpStatusCode.Redirect);

        (await api.GetAsync(Indicators)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    private async Task<string> NewViewerAsync()
    {
        var email = $"person-{Guid.NewGuid():N}@test.local";
        await _factory.CreateUserAsync(email, Password, Roles.Viewer);
        return email;
    }
}

public sealed class RememberedTokensTestsOnSqlite() : RememberedTokensTests(Provider.Sqlite);

public sealed class RememberedTokensTestsOnPostgres() : RememberedTokensTests(Provider.Postgres);
