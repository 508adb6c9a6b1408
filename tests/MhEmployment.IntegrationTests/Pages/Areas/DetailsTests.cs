using System.Net;
using MhEmployment.IntegrationTests.Infrastructure;
using MhEmployment.Web.Features.Accounts;

namespace MhEmployment.IntegrationTests.Pages.Areas;

/// <summary>An area's page (Pages/Areas/Details): what the area is, its history, and a helpful 404.</summary>
public abstract class DetailsTests(AppFixture fixture)
{
    private readonly HttpClient _client = fixture.PageClient(Roles.Viewer);

    [Fact]
    public async Task AreaPage_Hackney_ShowsItsCodeKindAndRegion()
    {
        var (response, page) = await _client.GetPageAsync("/areas/E09000012");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        page.QuerySelector("h1")!.Text().Should().Be("Hackney");
        page.SummaryValue("GSS code").Should().Be("E09000012");
        page.SummaryValue("Kind").Should().Be("London borough");
        page.SummaryValue("Region").Should().StartWith("London");
        page.SummaryValue("Valid to").Should().Be("Current");
    }

    [Fact]
    public async Task AreaPage_Cumbria_SaysItWasAbolishedAndLinksToSuccessors()
    {
        var (_, page) = await _client.GetPageAsync("/areas/E10000006");

        page.QuerySelector(".notice")!.Text().Should().Contain("abolished on 1 April 2023");
        page.SummaryValue("Valid to").Should().Be("31 March 2023");
        var successors = page.QuerySelectorAll("table[aria-labelledby=successors] tbody tr");
        successors.Select(s => s.Children[2].Text()).Should().OnlyContain(change => change == "Split between several areas");
        successors.Select(s => s.Children[3].Text()).Should().OnlyContain(from => from == "1 April 2023");
        successors.Select(s => s.QuerySelector("a")!.GetAttribute("href")).Should().BeEquivalentTo("/areas/E06000063", "/areas/E06000064");
        page.QuerySelectorAll("h2").Select(h => h.Text()).Should().Contain("Areas within Cumbria");
    }

    [Fact]
    public async Task AreaPage_Cumberland_ListsItsPredecessors()
    {
        var (_, page) = await _client.GetPageAsync("/areas/E06000063");

        page.SummaryValue("Valid from").Should().Be("1 April 2023");
        page.QuerySelectorAll("table[aria-labelledby=predecessors] tbody tr a").Select(a => a.Text())
            .Should().BeEquivalentTo("Allerdale", "Carlisle", "Copeland", "Cumbria");
    }

    [Fact]
    public async Task AreaPage_Icb_ShowsItsOdsCodeAndNhsRegion()
    {
        var search = await _client.GetAsync(new Uri("/areas?q=QMF", UriKind.Relative));
        var (_, icb) = await _client.GetPageAsync(search.Headers.Location!.ToString());

        icb.SummaryValue("ODS code").Should().Be("QMF");
        icb.SummaryValue("Kind").Should().Be("Integrated care board");
        icb.SummaryValue("Part of").Should().StartWith("London");
    }

    [Fact]
    public async Task AreaPage_UnknownCode_Is404WithAHelpfulPage()
    {
        var (response, page) = await _client.GetPageAsync("/areas/E09999999");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        page.QuerySelector("h1")!.Text().Should().Be("Page not found");
        page.Body!.TextContent.Should().NotContain("Exception");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class DetailsTestsOnSqlite(SqliteAppFixture fixture) : DetailsTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class DetailsTestsOnPostgres(PostgresAppFixture fixture) : DetailsTests(fixture);
