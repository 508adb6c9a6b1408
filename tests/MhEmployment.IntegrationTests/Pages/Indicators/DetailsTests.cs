using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using MhEmployment.IntegrationTests.Infrastructure;
using MhEmployment.IntegrationTests.Pages.Areas;
using static MhEmployment.IntegrationTests.Pages.DashboardPagesFixture;

namespace MhEmployment.IntegrationTests.Pages.Indicators;

/// <summary>An indicator's page: the compare chart's axis, units, key, and its two tables as CSV.</summary>
public abstract class DetailsTests(DashboardPagesFixture fixture)
{
    private static IElement CompareRow(IDocument page, string areaName) =>
        page.QuerySelectorAll("table[aria-labelledby=compare] tbody tr").Single(r => r.QuerySelector("th")!.Text().StartsWith(areaName, StringComparison.Ordinal));

    [Fact]
    public async Task CompareChart_CutsTheCityOfLondonsWideInterval_AndSaysSoInTheChartAndTable()
    {
        var (_, page) = await fixture.Viewer.GetPageAsync($"/indicators/fingertips-91390?area={Hackney}");

        var chart = page.QuerySelector("#compare ~ .chart-with-table svg")!;
        var ticks = chart.QuerySelectorAll(".tick-label").Select(t => double.Parse(t.TextContent, CultureInfo.InvariantCulture)).ToList();
        ticks[^1].Should().BeLessThanOrEqualTo(30, "the axis follows the values and the bulk of the limits, not the City's 120.2");
        var city = chart.QuerySelector($"g.bar-row[data-code='{CityOfLondon}']")!;
        city.QuerySelector("path.whisker-clip").Should().NotBeNull("the cut whisker ends in an arrow at the axis's edge");
        city.QuerySelector("title")!.TextContent.Should().Contain("(95% CI 0.5–120.2)").And.EndWith("the interval runs beyond the axis");
        chart.QuerySelectorAll("g.bar-row").Count(g => g.QuerySelector("path.whisker-clip") is not null).Should().Be(1);
        chart.QuerySelector("desc")!.TextContent.Should().Contain("(City of London, 0.5 to 120.2 per 100,000)");
        CompareRow(page, "City of London").QuerySelectorAll("td")[3].Text().Should().Be("0.5 to 120.2 supplied beyond the chart's axis");
        CompareRow(page, "Hackney").QuerySelectorAll("td")[3].Text().Should().Be("5.6 to 12.8 supplied");
    }

    [Fact]
    public async Task ThePage_IsServedFromTheOutputCache_WhenNoFlashIsWaiting()
    {
        var url = new Uri($"/indicators/esa-mental-behavioural-rate?area={Hackney}&sort=name", UriKind.Relative);

        var first = await fixture.Viewer.GetAsync(url);
        var again = await fixture.Viewer.GetAsync(url);
        var third = await fixture.Viewer.GetAsync(url);

        first.StatusCode.Should().Be(HttpStatusCode.OK);
        again.Headers.Contains("Set-Cookie").Should().BeFalse("a page with no flash waiting touches no TempData cookie, so it can be cached");
        third.Headers.Age.Should().NotBeNull("the repeat is served from the output cache, as the dashboard is");
    }

    [Fact]
    public async Task ValuesShowTheirUnit_InTheChartTablesAndTitles()
    {
        var (_, page) = await fixture.Viewer.GetPageAsync($"/indicators/esa-mental-behavioural-rate?area={Hackney}");

        page.QuerySelector("#compare + p")!.Text().Should().Contain("Values are rates per 1,000.");
        page.QuerySelectorAll("table[aria-labelledby=compare] thead th").Select(th => th.Text()).Should().Contain("Value (per 1,000)");
        var chart = page.QuerySelector("#compare ~ .chart-with-table svg")!;
        chart.QuerySelector("title")!.TextContent.Should().Be("ESA claimants with mental and behavioural disorders: rate per 1,000 working age, 2019/20",
            "the name says its unit already");
        (await fixture.Viewer.GetPageAsync($"/indicators/fingertips-41001")).Document.QuerySelector("#compare ~ .chart-with-table svg title")!
            .TextContent.Should().Be("Suicide rate (per 100,000), 2015 - 17", "reviewed as a rate per 100,000");
        (await fixture.Viewer.GetPageAsync($"/indicators/iapt-recovery")).Document.QuerySelector("#compare ~ .chart-with-table svg title")!
            .TextContent.Should().Be("NHS Talking Therapies (IAPT): recovery rate (%), 2019/20");
        chart.QuerySelector(".benchmark-label")!.TextContent.Should().Be("England: 31.0 per 1,000");
        chart.QuerySelector(".unit-label")!.TextContent.Should().Be("Rate per 1,000");
        chart.QuerySelector($"g.bar-row[data-code='{Hackney}'] title")!.TextContent.Should().StartWith("Hackney: 42.1 per 1,000 (95% CI");
        page.QuerySelectorAll("table[aria-labelledby=trend] thead th").Select(th => th.Text()).Should().Contain(["Hackney (per 1,000)", "England (per 1,000)"]);
        page.QuerySelectorAll("table[aria-labelledby=values] thead th").Select(th => th.Text()).Should().Contain("Value (per 1,000)");
        page.QuerySelector(".maps")!.InnerHtml.Should().Contain("Hackney: 42.1 per 1,000, Worse");
    }

    [Fact]
    public async Task TheKey_ExplainsEveryBadgeOnThePage()
    {
        var (_, page) = await fixture.Viewer.GetPageAsync($"/indicators/fingertips-41001?area={Hackney}");

        var quintiles = DashboardPageTests.Key(page)
            .Single(g => g.Key.StartsWith("Quintiles", StringComparison.Ordinal)).Value;
        var shown = page.QuerySelectorAll("main span.sig:not(.keys span)").Select(s => s.Text()).Distinct().ToList();
        shown.Should().Contain(["Highest", "High", "Middle", "Low", "Lowest", "Not compared"]);
        quintiles.Keys.Should().BeEquivalentTo(shown);
        quintiles["Highest"].Should().Be("in the fifth with the highest values");
    }

    [Fact]
    public async Task TheCompareTable_DownloadsAsCsv_ForThePagesBenchmarkAndOrder()
    {
        var (_, page) = await fixture.Viewer.GetPageAsync(
            $"/indicators/phof-secondary-mh-employment-gap?area={Hackney}&benchmark={London}&sort=name");
        var link = page.QuerySelectorAll("a").Single(a => a.Text() == "Download this table (CSV)").GetAttribute("href")!;

        var csv = await fixture.Viewer.GetCsvAsync(link);

        var pageOrder = page.QuerySelectorAll("table[aria-labelledby=compare] tbody tr:not(.benchmark-row) th").Select(th => th.Text()).ToList();
        csv.Rows.Select(r => r["area_name"]).Should().Equal(pageOrder);
        csv.Rows.Should().OnlyContain(r => r["benchmark"] == "London" && r["unit"] == "percentage points (pp)" && r["period"] == "2019/20");
        var lambeth = csv.Rows.Single(r => r["area_code"] == Lambeth);
        lambeth["value"].Should().Be("-1.5", "a negative number is a number, not a formula");
        lambeth["compared_with_benchmark"].Should().Be(CompareRow(page, "Lambeth").QuerySelector("span.sig")!.Text());
        csv.Response.Content.Headers.ContentDisposition!.FileName.Should().Be(
            "phof-secondary-mh-employment-gap-2019-20-persons-all-ages-upper-tier-vs-london.csv");
    }

    [Fact]
    public async Task TheComparisonCsv_ListsTheBenchmarkFirst_AsTheTableDoes()
    {
        var csv = await fixture.Viewer.GetCsvAsync($"/indicators/esa-mental-behavioural-rate?handler=CompareCsv&area={Hackney}");

        csv.Rows[0]["area_name"].Should().Be("England (benchmark)");
        csv.Rows[0]["value"].Should().Be("31");
        var hackney = csv.Rows.Single(r => r["area_code"] == Hackney);
        hackney["value"].Should().Be("42.1");
        hackney["count"].Should().Be("8420");
        hackney["interval_source"].Should().Be("computed");
        double.Parse(hackney["lower_95"], CultureInfo.InvariantCulture).Should().BeApproximately(41.2, 0.05);
    }

    [Fact]
    public async Task StoredValues_DownloadWhole_ForTheAreaThePageFollows()
    {
        var (_, all) = await fixture.Viewer.GetPageAsync("/indicators/fingertips-91390");
        var (_, hackney) = await fixture.Viewer.GetPageAsync($"/indicators/fingertips-91390?area={Hackney}");
        var allLink = all.QuerySelectorAll("a").Single(a => a.Text().StartsWith("Download all", StringComparison.Ordinal));
        var hackneyLink = hackney.QuerySelectorAll("a").Single(a => a.Text().StartsWith("Download all", StringComparison.Ordinal));

        var everything = await fixture.Viewer.GetCsvAsync(allLink.GetAttribute("href")!);
        var onlyHackney = await fixture.Viewer.GetCsvAsync(hackneyLink.GetAttribute("href")!);

        allLink.Text().Should().Be($"Download all {everything.Rows.Count} stored values (CSV)");
        everything.Rows.Count.Should().Be(35, "England, London and the 33 boroughs");
        everything.Rows.Count.Should().Be(all.QuerySelectorAll("table[aria-labelledby=values] tbody tr").Length);
        hackneyLink.Text().Should().Be("Download all 1 stored value (CSV)");
        hackney.QuerySelector("#values + p")!.Text().Should().Be("1 value for E09000012.");
        onlyHackney.Rows.Should().ContainSingle().Which["area_name"].Should().Be("Hackney");
        onlyHackney.Rows[0]["value"].Should().StartWith("8.69");
        onlyHackney.Rows[0]["unit"].Should().Be("per 100,000");
        onlyHackney.Response.Content.Headers.ContentDisposition!.FileName.Should().Be("fingertips-91390-stored-values-e09000012.csv");
    }
}

[Collection(SqliteDashboardPagesCollection.Name)]
public sealed class DetailsTestsOnSqlite(SqliteDashboardPagesFixture fixture) : DetailsTests(fixture);

[Collection(PostgresDashboardPagesCollection.Name)]
public sealed class DetailsTestsOnPostgres(PostgresDashboardPagesFixture fixture) : DetailsTests(fixture);
