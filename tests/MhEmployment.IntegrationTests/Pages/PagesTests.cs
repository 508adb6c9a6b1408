using System.Net;
using MhEmployment.IntegrationTests.Infrastructure;
using MhEmployment.Web.Features.Accounts;

namespace MhEmployment.IntegrationTests.Pages;

public abstract class PagesTests(AppFixture fixture)
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

    [Fact]
    public async Task IndicatorCatalogue_GroupsIndicatorsByTheme_AndEachHasAMetadataPage()
    {
        var (_, catalogue) = await _client.GetPageAsync("/indicators");
        catalogue.QuerySelectorAll("h2").Select(h => h.Text()).Should()
            .Equal("Prevalence of mental ill-health", "Benefits and worklessness", "Employment", "Services and experience");
        var link = catalogue.QuerySelectorAll("table a").Single(a => a.Text().StartsWith("NI150", StringComparison.Ordinal));

        var (response, indicator) = await _client.GetPageAsync(link.GetAttribute("href")!);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        indicator.SummaryValue("Unit").Should().Be("%");
        indicator.SummaryValue("Better when").Should().Be("Higher is better");
        indicator.SummaryValue("Confidence intervals").Should().StartWith("Wilson");
        indicator.QuerySelector(".lead")!.Text().Should().Contain("secondary mental health");
    }

    [Fact]
    public async Task AssetChecklist_ShowsTheFourDomainsOfAppendixII()
    {
        var (_, page) = await _client.GetPageAsync("/assets/checklist");

        page.QuerySelectorAll("h2").Select(h => h.Text()).Should().Equal(
            "1. Promoting workplace wellbeing",
            "2. Facilitating retention or early return",
            "3. Supporting (re)employment for people with longer-term mental illness",
            "4. Other local assets and resources");
        page.QuerySelector("#cmht-ips")!.Text().Should().StartWith("3.1").And.Contain("Individual Placement and Support");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class PagesOnSqlite(SqliteAppFixture fixture) : PagesTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class PagesOnPostgres(PostgresAppFixture fixture) : PagesTests(fixture);
