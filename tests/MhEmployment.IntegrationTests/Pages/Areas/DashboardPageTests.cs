using System.Net;
using AngleSharp.Dom;
using MhEmployment.IntegrationTests.Infrastructure;
using static MhEmployment.IntegrationTests.Pages.DashboardPagesFixture;

namespace MhEmployment.IntegrationTests.Pages.Areas;

/// <summary>An area's dashboard as a commissioner reads it: its key, units, trend reasons, and its table as CSV.</summary>
public abstract class DashboardPageTests(DashboardPagesFixture fixture)
{
    private static IElement RowFor(IDocument page, string indicatorKey) =>
        page.QuerySelectorAll("table.profile tbody tr").Single(r => r.QuerySelector($"a[href^='/indicators/{indicatorKey}?']") is not null);

    private static List<string> Cells(IElement row) => [.. row.QuerySelectorAll("th, td").Select(c => c.Text())];

    /// <summary>The key's lists by heading: each label with the words after its badge.</summary>
    internal static Dictionary<string, Dictionary<string, string>> Key(IDocument page) =>
        page.QuerySelectorAll(".keys .key-heading").ToDictionary(
            h => h.Text(),
            h => page.QuerySelector($"ul[aria-labelledby='{h.Id}']")!.QuerySelectorAll("li")
                .Where(li => li.QuerySelector("span.sig") is not null)
                .ToDictionary(li => li.QuerySelector("span.sig")!.Text(), li => li.Text()[li.QuerySelector("span.sig")!.Text().Length..].Trim()));

    [Fact]
    public async Task TheKey_ExplainsEveryBadgeOnTheDashboard_IncludingQuintiles()
    {
        var (_, page) = await fixture.Viewer.GetPageAsync($"/areas/{Hackney}");

        var key = Key(page);
        var intervals = key["Compared with England, by 95% confidence interval"];
        var quintiles = key["Quintiles: where the value falls among the areas compared (indicators without confidence intervals)"];
        foreach (var row in page.QuerySelectorAll("table.profile tbody tr"))
        {
            var badge = row.QuerySelector("span.sig")!.Text();
            var byQuintile = row.QuerySelectorAll("td .hint").Any(h => h.Text() == "quintile");
            (byQuintile ? quintiles : intervals).Should().ContainKey(badge, $"the row {row.QuerySelector("th")!.Text()} shows '{badge}'");
        }
        quintiles["High"].Should().Be("in the second-highest fifth", "the common mental disorder estimate puts Hackney there");
        quintiles["Worse"].Should().Be("in the second-worst fifth", "the employment gap, where low is good");
        intervals["Worse"].Should().Be("significantly worse than the benchmark");
        page.QuerySelector(".keys")!.Text().Should().Contain("Dark band: the middle half of the areas", "the spine's parts are explained too");
    }

    [Fact]
    public async Task RatesAndPercentages_ShowTheirUnit_InTheValueAndBenchmarkColumns()
    {
        var (_, page) = await fixture.Viewer.GetPageAsync($"/areas/{Hackney}");

        Cells(RowFor(page, "esa-mental-behavioural-rate"))[3..6].Should().Equal("42.1 per 1,000", "41.2 to 43.0 computed", "31.0 per 1,000");
        Cells(RowFor(page, "iapt-recovery"))[3].Should().Be("60.0%");
        Cells(RowFor(page, "iapt-recovery"))[5].Should().Be("50.0%");
        Cells(RowFor(page, "phof-secondary-mh-employment-gap"))[3].Should().Be("10.5 pp");
        Cells(RowFor(page, "fingertips-91390"))[3].Should().Be("8.7 per 100,000");
        page.QuerySelectorAll(".narratives li").Select(li => li.Text())
            .Should().Contain(n => n.Contains("42.1 per 1,000 in 2019/20, is significantly higher (worse) than England's (31.0 per 1,000)", StringComparison.Ordinal));
        RowFor(page, "esa-mental-behavioural-rate").QuerySelector("svg desc")!.Text().Should().EndWith("Area value 42.1 per 1,000, Worse.");
    }

    [Fact]
    public async Task ATrendThatCannotBeCalculated_SaysWhy()
    {
        var (_, page) = await fixture.Viewer.GetPageAsync($"/areas/{Hackney}");

        Cells(RowFor(page, "esa-mental-behavioural-rate"))[7].Should().Be("Cannot be calculated tested on yearly values only, not quarters");
        Cells(RowFor(page, "fingertips-91390"))[7].Should().Be("Cannot be calculated fewer than 5 time points (only 1)");
        Cells(RowFor(page, "phof-secondary-mh-employment-gap"))[7].Should().Be("Cannot be calculated not tested for differences between rates");
        Cells(RowFor(page, "iapt-recovery"))[7].Should().Be("Increasing and getting better", "a calculated trend needs no reason");
    }

    [Fact]
    public async Task TheTable_DownloadsAsCsv_WithTheSameFiguresBenchmarkAndGroup()
    {
        var (_, page) = await fixture.Viewer.GetPageAsync($"/areas/{Hackney}?Compare=region&Group=lower-tier");
        var link = page.QuerySelectorAll("a").Single(a => a.Text() == "Download this table (CSV)");

        var csv = await fixture.Viewer.GetCsvAsync(link.GetAttribute("href")!);

        csv.Bytes.Take(3).Should().Equal(new byte[] { 0xEF, 0xBB, 0xBF });
        var disposition = csv.Response.Content.Headers.ContentDisposition!;
        disposition.DispositionType.Should().Be("attachment");
        disposition.FileName.Should().Be("hackney-e09000012-vs-london-lower-tier.csv");
        disposition.FileNameStar.Should().Be("hackney-e09000012-vs-london-lower-tier.csv");
        var pageRows = page.QuerySelectorAll("table.profile tbody tr").Select(r => r.QuerySelector("th a")!.Text()).ToList();
        csv.Rows.Select(r => string.Join(' ', r["indicator"].Split(' ', StringSplitOptions.RemoveEmptyEntries)))
            .Should().Equal(pageRows.Select(n => n.StartsWith('=') ? "'" + n : n), "one row per row, in the page's order");
        var esa = csv.Rows.Single(r => r["indicator_key"] == "esa-mental-behavioural-rate");
        esa["value"].Should().Be("42.1");
        esa["unit"].Should().Be("per 1,000");
        esa["benchmark"].Should().Be("London");
        esa["benchmark_value"].Should().Be("30");
        esa["compared_with_benchmark"].Should().Be(Cells(RowFor(page, "esa-mental-behavioural-rate"))[6].Split(' ')[0]);
        esa["ranked_among"].Should().Be("Districts and unitary authorities (lower tier)");
        $"{esa["rank"]} of {esa["rank_out_of"]}".Should().Be(Cells(RowFor(page, "esa-mental-behavioural-rate"))[8]);
        esa["trend_reason"].Should().Be("tested on yearly values only, not quarters");
    }

    [Fact]
    public async Task TheCsv_NeutralisesTextASpreadsheetWouldRunAsAFormula()
    {
        var csv = await fixture.Viewer.GetCsvAsync($"/areas/{Hackney}?handler=Csv");

        var row = csv.Rows.Single(r => r["indicator_key"] == "sickness-absence-employees");
        row["indicator"].Should().Be("'" + FormulaName);
        row["note"].Should().Be("'" + FormulaNote);
        row["value"].Should().Be("3");
        csv.Rows.SelectMany(r => r.Values).Where(v => v.Length > 0 && (v[0] is '=' or '+' or '@' or '\t' or '\r'
                || (v[0] == '-' && !double.TryParse(v, System.Globalization.CultureInfo.InvariantCulture, out _))))
            .Should().BeEmpty("no cell a spreadsheet would evaluate, except a negative number");
    }

    [Fact]
    public async Task TheCsv_NeedsTheSameSignInAsThePage()
    {
        using var anonymous = fixture.Factory.NewClient();

        var response = await anonymous.GetAsync(new Uri($"/areas/{Hackney}?handler=Csv", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().Should().Contain("/Account/Login");
    }

    [Fact]
    public async Task TheCsv_IsCachedLikeThePage_ApartFromIt_AndFollowsACommittedImport()
    {
        var url = $"/areas/{Camden}?handler=Csv&group=upper-tier";
        var first = await fixture.Viewer.GetCsvAsync(url);
        var again = await fixture.Viewer.GetCsvAsync(url);
        var page = await fixture.Viewer.GetAsync(new Uri($"/areas/{Camden}?group=upper-tier", UriKind.Relative));

        again.Response.Headers.Age.Should().NotBeNull("the repeat is served from the output cache");
        again.Bytes.Should().Equal(first.Bytes);
        again.Response.Content.Headers.ContentDisposition!.FileNameStar.Should().Be(first.Response.Content.Headers.ContentDisposition!.FileNameStar);
        page.Content.Headers.ContentType!.MediaType.Should().Be("text/html", "the page and its CSV are cached apart");

        var id = await fixture.ImportAsync(await fixture.WriteAsync("camden-access.csv",
            Header + Row("iapt-access", Camden, "2019/20", 150, 1_000, 100) + Row("iapt-access", England, "2019/20", 18_000, 100_000, 100)));
        try
        {
            var after = await fixture.Viewer.GetCsvAsync(url);
            after.Rows.Should().Contain(r => r["indicator_key"] == "iapt-access" && r["value"] == "15");
        }
        finally
        {
            (await fixture.AnalystApi.PostAsync(new Uri($"/api/v1/imports/{id}/undo", UriKind.Relative), null)).StatusCode.Should().Be(HttpStatusCode.OK);
        }
        await fixture.Factory.DashboardsCaughtUpAsync();
        (await fixture.Viewer.GetCsvAsync(url)).Rows.Should().NotContain(r => r["indicator_key"] == "iapt-access");
    }
}

[Collection(SqliteDashboardPagesCollection.Name)]
public sealed class DashboardPageTestsOnSqlite(SqliteDashboardPagesFixture fixture) : DashboardPageTests(fixture);

[Collection(PostgresDashboardPagesCollection.Name)]
public sealed class DashboardPageTestsOnPostgres(PostgresDashboardPagesFixture fixture) : DashboardPageTests(fixture);
