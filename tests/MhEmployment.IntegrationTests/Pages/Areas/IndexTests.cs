using System.Net;
using MhEmployment.IntegrationTests.Infrastructure;
using MhEmployment.Web.Features.Accounts;

namespace MhEmployment.IntegrationTests.Pages.Areas;

/// <summary>The area list (Pages/Areas/Index): search by name and its filters.</summary>
public abstract class IndexTests(AppFixture fixture)
{
    private readonly HttpClient _client = fixture.PageClient(Roles.Viewer);

    [Fact]
    public async Task Search_ByName_ListsTheMatchingArea()
    {
        var (response, page) = await _client.GetPageAsync("/areas?q=Hackney");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var rows = page.QuerySelectorAll("table tbody tr");
        rows.Should().ContainSingle();
        rows[0].QuerySelector("a")!.GetAttribute("href").Should().Be("/areas/E09000012");
        rows[0].Text().Should().Contain("London borough").And.Contain("London").And.Contain("Current");
    }

    [Fact]
    public async Task Search_WithABadFilter_Is400WithAnErrorSummaryLinkedToTheField()
    {
        var (response, page) = await _client.GetPageAsync("/areas?kind=Borough");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var error = page.QuerySelector(".error-summary a")!;
        error.GetAttribute("href").Should().Be("#kind");
        error.Text().Should().Contain("'Borough' is not an area kind");
        page.QuerySelector("#kind").Should().NotBeNull();
    }
}

[Collection(SqliteCollection.Name)]
public sealed class IndexTestsOnSqlite(SqliteAppFixture fixture) : IndexTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class IndexTestsOnPostgres(PostgresAppFixture fixture) : IndexTests(fixture);
