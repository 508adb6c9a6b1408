using System.Net;
using MhEmployment.IntegrationTests.Infrastructure;
using MhEmployment.Web.Features.Accounts;

namespace MhEmployment.IntegrationTests.Pages;

/// <summary>The home page (Pages/Index): search box and the areas by region.</summary>
public abstract class HomeTests(AppFixture fixture)
{
    private readonly HttpClient _client = fixture.PageClient(Roles.Viewer);

    [Fact]
    public async Task Home_HasASearchBox_AndLondonBoroughsGroupedUnderTheirRegion()
    {
        var (response, page) = await _client.GetPageAsync("/");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        page.QuerySelector("form[role=search] input[name=q]").Should().NotBeNull();
        page.QuerySelector("label[for=q]")!.Text().Should().Be("Search by name or code");
        var localAuthorities = page.QuerySelectorAll("section[aria-labelledby=local-authorities] details.region");
        localAuthorities.Select(r => r.QuerySelector(".region-name")!.Text()).Should().HaveCount(9).And.Contain(["London", "North West", "South East"]);
        var london = localAuthorities.Single(d => d.QuerySelector(".region-name")!.Text() == "London");
        london.HasAttribute("open").Should().BeTrue("London is the guidance's home and opens by default");
        london.QuerySelectorAll("section[aria-label='London boroughs in London'] li a").Should().HaveCount(33);
        page.QuerySelectorAll("section[aria-labelledby=nhs-boards] details.region li").Should().HaveCount(42);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class HomeTestsOnSqlite(SqliteAppFixture fixture) : HomeTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class HomeTestsOnPostgres(PostgresAppFixture fixture) : HomeTests(fixture);
