using MhEmployment.IntegrationTests.Infrastructure;
using MhEmployment.IntegrationTests.Pages.Areas;
using static MhEmployment.IntegrationTests.Pages.DashboardPagesFixture;

namespace MhEmployment.IntegrationTests.Pages.Overview;

/// <summary>A region's heat map: its key, its columns' units, and the table as CSV.</summary>
public abstract class IndexTests(DashboardPagesFixture fixture)
{
    [Fact]
    public async Task TheKey_ExplainsEveryCellsLabel()
    {
        var (_, page) = await fixture.Viewer.GetPageAsync($"/overview?region={London}");

        var explained = DashboardPageTests.Key(page).SelectMany(g => g.Value.Keys).ToHashSet();
        var shown = page.QuerySelectorAll("table.heatmap .cell-label").Select(l => l.Text()).Distinct().ToList();

        shown.Should().Contain(["Worse", "High", "Highest", "Similar"]);
        explained.Should().Contain(shown);
    }

    [Fact]
    public async Task EachColumn_NamesItsUnitAndPeriod()
    {
        var (_, page) = await fixture.Viewer.GetPageAsync($"/overview?region={London}");

        var headers = page.QuerySelectorAll("table.heatmap thead th").Select(th => th.Text()).ToList();

        headers.Should().Contain("ESA claimants with mental and behavioural disorders: rate per 1,000 working age per 1,000, 2019/20");
        headers.Should().Contain("NHS Talking Therapies (IAPT): recovery rate (%) %, 2019/20");
        headers.Should().Contain(h => h.EndsWith("percentage points (pp), 2019/20", StringComparison.Ordinal));
        headers.Should().Contain(h => h.StartsWith("Suicide rate", StringComparison.Ordinal) && h.EndsWith(", 2015 - 17", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheHeatMap_DownloadsAsCsv_OneRowPerCell_ForThePagesRegionAndBenchmark()
    {
        var (_, page) = await fixture.Viewer.GetPageAsync($"/overview?region={London}&benchmark={London}");
        var link = page.QuerySelectorAll("a").Single(a => a.Text() == "Download this table (CSV)").GetAttribute("href")!;

        var csv = await fixture.Viewer.GetCsvAsync(link);

        csv.Rows.Count.Should().Be(page.QuerySelectorAll("table.heatmap td.cell").Length);
        csv.Rows.Should().OnlyContain(r => r["region"] == "London" && r["benchmark"] == "London");
        var hackneyEsa = csv.Rows.Single(r => r["area_code"] == Hackney && r["indicator_key"] == "esa-mental-behavioural-rate");
        hackneyEsa["value"].Should().Be("42.1");
        hackneyEsa["benchmark_value"].Should().Be("30");
        var hackneyRow = page.QuerySelectorAll("table.heatmap tbody tr").Single(r => r.QuerySelector("th")!.Text() == "Hackney");
        hackneyRow.QuerySelectorAll("td.cell").Select(c => c.Text()).Should().Contain($"42.1 {hackneyEsa["compared_with_benchmark"]}");
        csv.Rows.Single(r => r["area_code"] == Lambeth && r["indicator_key"] == "phof-secondary-mh-employment-gap")["value"].Should().Be("-1.5");
        csv.Response.Content.Headers.ContentDisposition!.FileName.Should().Be("overview-london-vs-london.csv");
    }
}

[Collection(SqliteDashboardPagesCollection.Name)]
public sealed class IndexTestsOnSqlite(SqliteDashboardPagesFixture fixture) : IndexTests(fixture);

[Collection(PostgresDashboardPagesCollection.Name)]
public sealed class IndexTestsOnPostgres(PostgresDashboardPagesFixture fixture) : IndexTests(fixture);
