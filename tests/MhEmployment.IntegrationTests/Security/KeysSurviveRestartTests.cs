using System.Net;
using MhEmployment.IntegrationTests.Infrastructure;
using MhEmployment.Web.Features.Accounts;

namespace MhEmployment.IntegrationTests.Security;

public sealed class KeysSurviveRestartTests
{
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task SessionCookie_IsStillValid_AfterTheAppRestartsOnTheSameDatabase(Provider provider)
    {
        string cookie;
        string connection;
        await using (var first = await AppFactory.CreateAsync(provider))
        {
            connection = first.ConnectionString;
            await first.CreateUserAsync("steady@test.local", "A perfectly long test password", Roles.Viewer);
            var signIn = await first.NewClient().SignInAsync("steady@test.local", "A perfectly long test password");
            cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("mhe-session=", StringComparison.Ordinal)).Split(';')[0];
        }

        // A new app instance: a fresh process would read its keys from the database just the same.
        await using var second = new AppFactory(provider, connection);
        var client = second.NewClient();
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        var response = await client.GetAsync(new Uri("/indicators", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
