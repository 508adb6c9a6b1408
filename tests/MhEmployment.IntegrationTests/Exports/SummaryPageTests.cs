using System.Net;
using MhEmployment.IntegrationTests.Infrastructure;

namespace MhEmployment.IntegrationTests.Exports;

/// <summary>/exports/summary: the preview an Officer checks before downloading, with the document's sections.</summary>
public abstract class SummaryPageTests(ExportsFixture fixture)
{
    [Fact]
    public async Task Preview_ShowsEverySection_WithTheBoroughsFigures()
    {
        var (response, page) = await fixture.Officer.GetPageAsync($"/exports/summary?areas={ExportsFixture.Hackney}");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        page.QuerySelector("h1")!.Text().Should().Be("Needs summary: Hackney");
        page.QuerySelectorAll(".summary-area h3").Select(h => h.Text()).Should().Equal(
            "Headline indicators", "What the figures say", "Charts", "Red-red list", "Asset coverage and need by domain",
            "Latest RAG analysis", "Gaps in provision", "Priorities and next steps");
        var redRed = page.QuerySelector($"#redred-{ExportsFixture.Hackney} + p + ul")!.Text();
        redRed.Should().Contain("NI173: people falling out of work").And.Contain("2.5%").And.Contain("getting worse");
        page.QuerySelectorAll(".summary-chart svg").Should().HaveCount(2);
        page.QuerySelectorAll($"[aria-labelledby=priorities-{ExportsFixture.Hackney}] tbody th").Select(t => t.Text())
            .Should().Contain(ExportsFixture.Formula);
        page.QuerySelectorAll(".download-list a").Select(a => a.GetAttribute("href")).Should().Contain(
            $"/exports/summary?areas={ExportsFixture.Hackney}&handler=Download&format=docx");
    }

    [Fact]
    public async Task Preview_OfABoroughWithNothing_SaysSo()
    {
        var (_, page) = await fixture.Officer.GetPageAsync($"/exports/summary?areas={ExportsFixture.Bexley}");

        var text = page.QuerySelector(".summary-area")!.Text();
        text.Should().Contain("No indicator has values for Bexley yet.")
            .And.Contain("No asset on the register serves Bexley yet")
            .And.Contain("No RAG analysis has been recorded for Bexley.")
            .And.Contain("No priorities have been recorded for Bexley.");
    }

    [Fact]
    public async Task Preview_OfARegion_HasAChapterPerBorough()
    {
        var (_, page) = await fixture.Officer.GetPageAsync($"/exports/summary?region={ExportsFixture.London}&chosen=true&sections=gaps");

        page.QuerySelector("h1")!.Text().Should().Be("Needs summary: Upper-tier authorities in London");
        var chapters = page.QuerySelectorAll(".summary-area > h2").Select(h => h.Text()).ToList();
        chapters.Should().HaveCount(33).And.Contain("Hackney").And.Contain("Bexley");
        page.QuerySelectorAll(".summary-area h3").Select(h => h.Text()).Distinct().Should().Equal("Gaps in provision");
    }

    [Fact]
    public async Task Download_InAnUnknownFormat_Is400SayingWhichFormatsThereAre_OnThePageWithItsChoices()
    {
        var (response, page) = await fixture.Officer.GetPageAsync($"/exports/summary?areas={ExportsFixture.Hackney}&handler=Download&format=odt");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        page.QuerySelector(".error-summary")!.Text().Should().Contain("'odt' is not a download format");
        page.QuerySelectorAll("input[name=Benchmark]").Select(i => i.GetAttribute("value")).Should().Equal("E92000001", "E12000007");
        page.QuerySelectorAll("#Scheme option").Should().NotBeEmpty();
    }

    [Fact]
    public async Task Summary_OfAnUnknownArea_IsNotFound()
    {
        var (response, _) = await fixture.Officer.GetPageAsync("/exports/summary?areas=E09999999");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Summary_IsNotForViewers()
    {
        var response = await fixture.Viewer.GetAsync($"/exports/summary?areas={ExportsFixture.Hackney}");

        response.StatusCode.Should().BeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.Redirect);
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            response.Headers.Location!.ToString().Should().Contain("AccessDenied");
        }
    }
}

public sealed class SummaryPageTestsOnSqlite(SqliteExportsFixture fixture) : SummaryPageTests(fixture), IClassFixture<SqliteExportsFixture>;

public sealed class SummaryPageTestsOnPostgres(PostgresExportsFixture fixture) : SummaryPageTests(fixture), IClassFixture<PostgresExportsFixture>;
