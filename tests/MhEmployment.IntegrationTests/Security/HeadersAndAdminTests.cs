using System.Net;
using MhEmployment.IntegrationTests.Infrastructure;
using MhEmployment.Web.Features.Accounts;
using MhEmployment.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace MhEmployment.IntegrationTests.Security;

public abstract class HeadersAndAdminTests(AppFixture fixture)
{
    private static void ShouldHaveSecurityHeaders(HttpResponseMessage response)
    {
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        csp.Should().Contain("frame-ancestors 'none'").And.Contain("script-src 'self'").And.NotContain("unsafe-inline");
        response.Headers.GetValues("X-Content-Type-Options").Single().Should().Be("nosniff");
        response.Headers.GetValues("Referrer-Policy").Single().Should().Be("strict-origin-when-cross-origin");
    }

    [Fact]
    public async Task SecurityHeaders_AreOnA404Page_AnApiError_AndAFileDownload()
    {
        var page404 = await fixture.PageClient(Roles.Viewer).GetAsync(new Uri("/no/such/page", UriKind.Relative));
        var api404 = await fixture.ApiClient(Roles.Viewer).GetAsync(new Uri("/api/v1/areas/E00000000", UriKind.Relative));
        var download = await fixture.PageClient(Roles.Admin).GetAsync(new Uri("/Admin/Audit?handler=Csv", UriKind.Relative));

        page404.StatusCode.Should().Be(HttpStatusCode.NotFound);
        api404.StatusCode.Should().Be(HttpStatusCode.NotFound);
        download.StatusCode.Should().Be(HttpStatusCode.OK);
        download.Content.Headers.ContentDisposition!.DispositionType.Should().Be("attachment");
        ShouldHaveSecurityHeaders(page404);
        ShouldHaveSecurityHeaders(api404);
        ShouldHaveSecurityHeaders(download);
    }

    [Fact]
    public async Task Hsts_IsSentForAYearOverHttps_AndNotOverPlainHttp()
    {
        var https = await fixture.Factory.NewClient(https: true).GetAsync(new Uri("/health/live", UriKind.Relative));
        var http = await fixture.Anonymous().GetAsync(new Uri("/health/live", UriKind.Relative));

        https.Headers.GetValues("Strict-Transport-Security").Single().Should().Contain("max-age=31536000");
        http.Headers.Contains("Strict-Transport-Security").Should().BeFalse();
    }

    [Fact]
    public async Task Admin_CreatesAnAccount_TheNewPersonMustChangeTheOneTimePassword_AndTheLogShowsIt()
    {
        var admin = fixture.PageClient(Roles.Admin);
        var email = $"new-{Guid.NewGuid():N}@test.local";

        var created = await admin.SubmitFormAsync("/Admin/Users", new() { ["Input.Email"] = email, ["Input.Roles"] = Roles.Analyst });

        created.StatusCode.Should().Be(HttpStatusCode.OK);
        var oneTime = (await Html.ParseAsync(created)).QuerySelector("#temporary-password")!.Text();
        var person = fixture.Factory.NewClient();
        (await person.SignInAsync(email, oneTime)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var home = await person.GetAsync(new Uri("/", UriKind.Relative));
        home.Headers.Location!.OriginalString.Should().Be("/Account/ChangePassword");
        var changed = await person.SubmitFormAsync("/Account/ChangePassword", new()
        {
            ["Input.CurrentPassword"] = oneTime, ["Input.NewPassword"] = "my own analyst passphrase", ["Input.ConfirmPassword"] = "my own analyst passphrase",
        });
        changed.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await person.GetAsync(new Uri("/", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);

        var (_, log) = await admin.GetPageAsync($"/Admin/Audit?Actor={Uri.EscapeDataString(email)}");
        var actions = log.QuerySelectorAll("tbody tr").Select(r => r.Children[3].Text()).ToList();
        actions.Should().Contain([AuditActions.UserCreated, AuditActions.SignInSucceeded, AuditActions.PasswordChanged]);
        var bytes = await admin.GetByteArrayAsync($"/Admin/Audit?handler=Csv&Action={AuditActions.UserCreated}&Actor={Uri.EscapeDataString(email)}");
        bytes[..3].Should().Equal([0xEF, 0xBB, 0xBF], "Excel needs the byte-order mark to read UTF-8");
        var csv = System.Text.Encoding.UTF8.GetString(bytes[3..]);
        csv.Should().StartWith("occurred_utc,actor,ip_address,action,target,details").And.Contain($"{AuditActions.UserCreated},{email},Roles: Analyst");
        csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().HaveCount(2, "the filter applies to the download too");
    }

    [Fact]
    public async Task Admin_ChangesRoles_AndTheOpenSessionGainsThem()
    {
        var email = $"promoted-{Guid.NewGuid():N}@test.local";
        var user = await fixture.Factory.CreateUserAsync(email, "A perfectly long test password", Roles.Viewer);
        var session = await fixture.Factory.SignedInClientAsync(email, "A perfectly long test password");
        (await session.GetAsync(new Uri("/Admin/Users", UriKind.Relative))).Headers.Location!.OriginalString.Should().Contain("AccessDenied");

        var saved = await fixture.PageClient(Roles.Admin).SubmitFormAsync($"/Admin/Users/Edit/{user.Id}",
            new() { ["SelectedRoles"] = Roles.Admin }, "form[action*='handler=Roles']");

        saved.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await session.GetAsync(new Uri("/Admin/Users", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);
        var roles = await fixture.Factory.WithDbAsync(db => db.UserRoles.Where(r => r.UserId == user.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).ToListAsync());
        roles.Should().BeEquivalentTo([Roles.Admin], "the form replaced Viewer with Admin");
    }

    [Fact]
    public async Task Admin_CreateAccount_WithoutARoleOrWithABadEmail_ShowsEachProblem()
    {
        var response = await fixture.PageClient(Roles.Admin).SubmitFormAsync("/Admin/Users", new() { ["Input.Email"] = "not-an-email" });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var errors = (await Html.ParseAsync(response)).QuerySelectorAll(".error-summary a").Select(a => (a.GetAttribute("href"), a.Text())).ToList();
        errors.Should().Contain(("#Input_Email", "Enter an email address like name@example.org"));
        errors.Should().Contain(("#Input_Roles", "Choose at least one role"));
    }

    [Fact]
    public async Task EveryPostForm_OnThePagesAPersonUses_CarriesAnAntiforgeryToken()
    {
        var admin = fixture.PageClient(Roles.Admin);
        var userId = await fixture.Factory.WithDbAsync(db => db.Users.Select(u => u.Id).FirstAsync());
        var forms = new List<string>();

        foreach (var url in new[] { "/", "/areas?q=Hackney", "/Account", "/Account/ChangePassword", "/Account/Logout", "/Admin/Users", $"/Admin/Users/Edit/{userId}" })
        {
            var (_, page) = await admin.GetPageAsync(url);
            forms.AddRange(page.QuerySelectorAll("form[method=post]")
                .Where(f => f.QuerySelector("input[name=__RequestVerificationToken]") is null)
                .Select(f => $"{url}: {f.GetAttribute("action")}"));
        }

        forms.Should().BeEmpty();
    }

    [Fact]
    public async Task FirstRun_CreatedAnAdmin_WhosePasswordIsInAnOwnerOnlyFile_AndMustBeChanged()
    {
        var file = fixture.Factory.FirstAdminPasswordFile;
        File.Exists(file).Should().BeTrue();
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(file).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        var lines = await File.ReadAllLinesAsync(file);
        lines[0].Should().Be(AccountBootstrap.DefaultAdminEmail);
        var admin = fixture.Factory.NewClient();

        (await admin.SignInAsync(lines[0], lines[1])).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await admin.GetAsync(new Uri("/Admin/Users", UriKind.Relative))).Headers.Location!.OriginalString.Should().Be("/Account/ChangePassword");
        var changed = await admin.SubmitFormAsync("/Account/ChangePassword", new()
        {
            ["Input.CurrentPassword"] = lines[1], ["Input.NewPassword"] = "the first administrator's own", ["Input.ConfirmPassword"] = "the first administrator's own",
        });

        changed.StatusCode.Should().Be(HttpStatusCode.Redirect);
        File.Exists(file).Should().BeFalse("the one-time password is gone once changed");
        (await admin.GetAsync(new Uri("/Admin/Users", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class HeadersAndAdminOnSqlite(SqliteAppFixture fixture) : HeadersAndAdminTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class HeadersAndAdminOnPostgres(PostgresAppFixture fixture) : HeadersAndAdminTests(fixture);
