using System.Net;
using MhEmployment.IntegrationTests.Infrastructure;
using MhEmployment.Web.Features.Accounts;

namespace MhEmployment.IntegrationTests.Pages.Areas;

/// <summary>The home page's search (GET /areas?q=…): a code that names one area opens it.</summary>
public abstract class SearchTests(AppFixture fixture)
{
    private readonly HttpClient _client = fixture.PageClient(Roles.Viewer);

    private async Task<HttpResponseMessage> SearchAsync(string text) =>
        await _client.GetAsync(new Uri($"/areas?q={Uri.EscapeDataString(text)}", UriKind.Relative));

    [Theory]
    [InlineData("E09000012")]
    [InlineData(" e09000012 ")]
    public async Task AGssCode_OpensThatAreasPage(string text)
    {
        var response = await SearchAsync(text);

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().Should().Be("/areas/E09000012");
        var (_, page) = await _client.GetPageAsync(response.Headers.Location.ToString());
        page.QuerySelector("h1")!.Text().Should().Be("Hackney");
    }

    [Fact]
    public async Task AnOdsCode_OpensThatAreasPage()
    {
        var response = await SearchAsync("qmf");

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var (_, page) = await _client.GetPageAsync(response.Headers.Location!.ToString());
        page.SummaryValue("ODS code").Should().Be("QMF");
        page.SummaryValue("Kind").Should().Be("Integrated care board");
    }

    [Fact]
    public async Task AnAbolishedAreasCode_OpensItToo_WithItsSuccessors()
    {
        var response = await SearchAsync("E10000006");

        response.Headers.Location!.ToString().Should().Be("/areas/E10000006");
        var (_, page) = await _client.GetPageAsync("/areas/E10000006");
        page.QuerySelector(".notice")!.Text().Should().Contain("abolished");
    }

    [Fact]
    public async Task ANameOrAPartialCode_StillLists()
    {
        var (byName, names) = await _client.GetPageAsync("/areas?q=Hackney");
        var (byPart, parts) = await _client.GetPageAsync("/areas?q=E0900001");

        byName.StatusCode.Should().Be(HttpStatusCode.OK);
        names.QuerySelectorAll("table tbody tr").Should().ContainSingle();
        byPart.StatusCode.Should().Be(HttpStatusCode.OK, "only a whole code names an area");
        parts.QuerySelector(".result-count")!.Text().Should().Be("0 areas found.");
    }

    [Fact]
    public async Task ACodeWithABadFilter_GetsTheFiltersErrorFirst()
    {
        var response = await _client.GetAsync(new Uri("/areas?q=E09000012&kind=Borough", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SearchTestsOnSqlite(SqliteAppFixture fixture) : SearchTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class SearchTestsOnPostgres(PostgresAppFixture fixture) : SearchTests(fixture);
