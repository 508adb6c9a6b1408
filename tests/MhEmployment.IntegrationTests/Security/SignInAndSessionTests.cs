using System.Net;
using System.Net.Http.Headers;
using MhEmployment.IntegrationTests.Infrastructure;
using MhEmployment.Web.Data;
using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Accounts;
using MhEmployment.Web.Features.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MhEmployment.IntegrationTests.Security;

public abstract class SignInAndSessionTests(AppFixture fixture)
{
    private readonly AppFactory _factory = fixture.Factory;

    private async Task<(string Email, string Password)> NewViewerAsync()
    {
        var email = $"person-{Guid.NewGuid():N}@test.local";
        const string password = "A perfectly long test password";
        await _factory.CreateUserAsync(email, password, Roles.Viewer);
        return (email, password);
    }

    private Task<AppUser> FindAsync(string email) => _factory.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == email));

    [Fact]
    public async Task Lockout_AfterFiveFailures_RefusesEvenTheRightPasswordFor15Minutes()
    {
        var (email, password) = await NewViewerAsync();
        var client = _factory.NewClient();

        for (var i = 0; i < 5; i++)
        {
            var failed = await client.SignInAsync(email, "not the password at all");
            failed.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        }
        var locked = await client.SignInAsync(email, password);

        locked.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await Html.ParseAsync(locked)).QuerySelector(".error-summary")!.Text().Should().Contain("locked");
        (await FindAsync(email)).LockoutEnd.Should().BeCloseTo(DateTimeOffset.UtcNow.AddMinutes(15), TimeSpan.FromMinutes(1));
        var audit = await _factory.WithDbAsync(db => db.AuditEvents.Where(e => e.Target == email).Select(e => e.Action).ToListAsync());
        audit.Should().Contain(AuditActions.SignInFailed).And.Contain(AuditActions.SignInLockedOut);
    }

    [Fact]
    public async Task DisabledUser_LosesTheOpenSessionAndTheApi()
    {
        var (email, password) = await NewViewerAsync();
        var session = await _factory.SignedInClientAsync(email, password);
        var api = await _factory.ApiClientAsync(email);
        (await session.GetAsync(new Uri("/", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);
        var user = await FindAsync(email);

        var disable = await fixture.PageClient(Roles.Admin).SubmitFormAsync($"/Admin/Users/Edit/{user.Id}", [], "form[action*='handler=Disable']");

        disable.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var after = await session.GetAsync(new Uri("/", UriKind.Relative));
        after.StatusCode.Should().Be(HttpStatusCode.Redirect);
        after.Headers.Location!.OriginalString.Should().Contain("/Account/Login");
        (await api.GetAsync(new Uri("/api/v1/indicators", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await _factory.NewClient().SignInAsync(email, password)).StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task ApiToken_Revoked_Or_Expired_Gets401_AndACookieDoesNotOpenTheApi()
    {
        var (email, password) = await NewViewerAsync();
        var session = await _factory.SignedInClientAsync(email, password);
        var api = await _factory.ApiClientAsync(email);
        (await api.GetAsync(new Uri("/api/v1/indicators", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);

        (await session.GetAsync(new Uri("/api/v1/indicators", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.Unauthorized);

        var tokenId = await _factory.WithDbAsync(db => db.ApiTokens.Where(t => t.User!.Email == email).Select(t => t.Id).SingleAsync());
        var revoke = await session.SubmitFormAsync("/Account", [], $"form[action*='handler=Revoke'][action*='id={tokenId}']");
        revoke.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var revoked = await api.GetAsync(new Uri("/api/v1/indicators", UriKind.Relative));
        revoked.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        revoked.Headers.WwwAuthenticate.ToString().Should().Be("Bearer");

        var expired = await _factory.ApiClientAsync(email);
        await _factory.WithDbAsync(db => db.ApiTokens.Where(t => t.User!.Email == email && t.RevokedUtc == null)
            .ExecuteUpdateAsync(t => t.SetProperty(x => x.ExpiresUtc, DateTime.UtcNow.AddMinutes(-1))));
        (await expired.GetAsync(new Uri("/api/v1/indicators", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ApiToken_CreatedOnTheAccountPage_IsShownOnce_StoredAsAHash_AndWorks()
    {
        var (email, password) = await NewViewerAsync();
        var session = await _factory.SignedInClientAsync(email, password);

        var created = await session.SubmitFormAsync("/Account", new() { ["Input.Name"] = "nightly script", ["Input.Days"] = "30" }, "form[action*='handler=Create']");

        created.StatusCode.Should().Be(HttpStatusCode.OK);
        created.Headers.CacheControl!.NoStore.Should().BeTrue();
        var secret = (await Html.ParseAsync(created)).QuerySelector("#new-token")!.Text();
        var stored = await _factory.WithDbAsync(db => db.ApiTokens.SingleAsync(t => t.User!.Email == email));
        stored.Hash.Should().Be(ApiTokenService.HashOf(secret)).And.NotContain(secret);
        stored.ExpiresUtc.Should().BeCloseTo(DateTime.UtcNow.AddDays(30), TimeSpan.FromMinutes(1));
        var api = _factory.NewClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        (await api.GetAsync(new Uri("/api/v1/areas/E09000012", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await session.GetStringAsync("/Account")).Should().NotContain(secret, "a token is shown only once");
    }

    [Fact]
    public async Task Post_WithoutAntiforgeryToken_Is400()
    {
        var (email, password) = await NewViewerAsync();
        var session = await _factory.SignedInClientAsync(email, password);

        var response = await session.PostAsync(new Uri("/Account/Logout", UriKind.Relative), new FormUrlEncodedContent([]));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task CommonPassword_IsRefusedWithAClearMessage()
    {
        var (email, password) = await NewViewerAsync();
        var session = await _factory.SignedInClientAsync(email, password);

        var response = await session.SubmitFormAsync("/Account/ChangePassword", new()
        {
            ["Input.CurrentPassword"] = password,
            ["Input.NewPassword"] = "1qaz2wsx3edc",
            ["Input.ConfirmPassword"] = "1qaz2wsx3edc",
        });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var link = (await Html.ParseAsync(response)).QuerySelector(".error-summary a")!;
        link.Text().Should().Contain("10,000 most commonly used");
        link.GetAttribute("href").Should().Be("#Input_NewPassword");
    }

    [Fact]
    public async Task ShortPassword_IsRefused_ButALongPassphraseWithoutSymbolsIsAccepted()
    {
        var (email, password) = await NewViewerAsync();
        var session = await _factory.SignedInClientAsync(email, password);
        Task<HttpResponseMessage> ChangeTo(string next, string current) => session.SubmitFormAsync("/Account/ChangePassword", new()
        {
            ["Input.CurrentPassword"] = current, ["Input.NewPassword"] = next, ["Input.ConfirmPassword"] = next,
        });

        (await ChangeTo("short pass", password)).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var accepted = await ChangeTo("river copper lantern", password);

        accepted.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await _factory.NewClient().SignInAsync(email, "river copper lantern")).StatusCode.Should().Be(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task StoredPasswordHash_IsPbkdf2Sha512WithAtLeast210000Iterations()
    {
        var (email, _) = await NewViewerAsync();

        var hash = Convert.FromBase64String((await FindAsync(email)).PasswordHash!);

        hash[0].Should().Be(0x01, "Identity's v3 format");
        ReadBigEndian(hash, 1).Should().Be((uint)KeyDerivationPrf.HmacSha512);
        ReadBigEndian(hash, 5).Should().BeGreaterThanOrEqualTo(210_000);
    }

    private enum KeyDerivationPrf : uint { HmacSha1, HmacSha256, HmacSha512 }

    private static uint ReadBigEndian(byte[] bytes, int offset) =>
        (uint)(bytes[offset] << 24 | bytes[offset + 1] << 16 | bytes[offset + 2] << 8 | bytes[offset + 3]);

    [Fact]
    public async Task SessionCookie_OverHttps_IsHostPrefixedSecureHttpOnlyAndLax()
    {
        var (email, password) = await NewViewerAsync();
        var client = _factory.NewClient(https: true);

        var response = await client.SignInAsync(email, password);

        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.Contains("mhe-session", StringComparison.Ordinal)).ToLowerInvariant();
        cookie.Should().StartWith("__host-mhe-session=").And.Contain("secure").And.Contain("httponly").And.Contain("samesite=lax").And.Contain("path=/");
        cookie.Should().NotContain("domain=").And.NotContain("expires=", "the session ends with the browser");
        (await client.GetAsync(new Uri("/", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task SignIn_IssuesANewSessionCookie_EachTime()
    {
        var (email, password) = await NewViewerAsync();
        var client = _factory.NewClient();

        var first = (await client.SignInAsync(email, password)).Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("mhe-session=", StringComparison.Ordinal));
        var second = (await client.SignInAsync(email, password)).Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("mhe-session=", StringComparison.Ordinal));

        second.Should().NotBe(first);
    }

    [Fact]
    public async Task SignOut_EndsTheSession_AndIsAudited()
    {
        var (email, password) = await NewViewerAsync();
        var session = await _factory.SignedInClientAsync(email, password);

        var signedOut = await session.SubmitFormAsync("/Account/Logout", []);

        signedOut.Headers.Location!.OriginalString.Should().Be("/Account/Login");
        (await session.GetAsync(new Uri("/", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var actions = await _factory.WithDbAsync(db => db.AuditEvents.Where(e => e.Actor == email).Select(e => e.Action).ToListAsync());
        actions.Should().Contain([AuditActions.SignInSucceeded, AuditActions.SignedOut]);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SignInAndSessionOnSqlite(SqliteAppFixture fixture) : SignInAndSessionTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class SignInAndSessionOnPostgres(PostgresAppFixture fixture) : SignInAndSessionTests(fixture);
