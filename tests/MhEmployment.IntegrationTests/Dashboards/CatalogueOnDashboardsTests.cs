using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Dom;
using MhEmployment.IntegrationTests.Infrastructure;
using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.DataVersions;
using Microsoft.EntityFrameworkCore;
using static MhEmployment.IntegrationTests.Dashboards.DashboardFixture;

namespace MhEmployment.IntegrationTests.Dashboards;

/// <summary>
/// What the catalogue says reaches the dashboards: an edit shows at once on every page and in the profile API, even
/// where the pages were cached, and counts (the real MHSDS file's) are shown but never compared. An app of its own.
/// </summary>
public abstract class CatalogueOnDashboardsTests(DashboardFixture fixture)
{
    private const string Esa = "esa-mental-behavioural-rate";

    private static IElement RowFor(IDocument page, string indicatorKey) =>
        page.QuerySelectorAll("table.profile tbody tr").Single(r => r.QuerySelector($"a[href^='/indicators/{indicatorKey}?']") is not null);

    private static List<string> Cells(IDocument page, string indicatorKey) =>
        [.. RowFor(page, indicatorKey).QuerySelectorAll("th, td").Select(c => c.Text())];

    private async Task<JsonElement> ProfileRowAsync(string area, string key) =>
        (await fixture.Api.GetFromJsonAsync<JsonElement>($"/api/v1/areas/{area}/profile")).GetProperty("indicators").EnumerateArray()
            .Single(i => i.GetProperty("indicator").GetString() == key);

    [Fact]
    public async Task EditingPolarityNameAndComparisonMethod_ShowsAtOnceOnTheDashboardIndicatorPageOverviewAndProfileApi()
    {
        // Seen (and cached) first with the seeded description: low is good, so Hackney's 42.1 against 31.0 is Worse.
        var (_, dashboard) = await fixture.Viewer.GetPageAsync($"/areas/{Hackney}");
        var (_, indicator) = await fixture.Viewer.GetPageAsync($"/indicators/{Esa}?area={Hackney}");
        var (_, overview) = await fixture.Viewer.GetPageAsync($"/overview?region={London}");
        Cells(dashboard, Esa)[6].Should().StartWith("Worse");
        indicator.QuerySelector("table[aria-labelledby=compare] tr[aria-current] .sig")!.Text().Should().Be("Worse");
        overview.QuerySelector("table.heatmap")!.Text().Should().Contain("42.1 Worse");
        (await ProfileRowAsync(Hackney, Esa)).GetProperty("comparison").GetString().Should().Be("Worse");

        // The analyst says there is no judgement, and renames it, in the form.
        (await fixture.AnalystPages.PostFormAsync($"/indicators/{Esa}/edit", new()
        {
            ["Input.Polarity"] = "NoJudgement",
            ["Input.Name"] = "ESA claimants (mental and behavioural disorders) per 1,000",
        })).StatusCode.Should().Be(HttpStatusCode.Redirect);
        await fixture.Factory.DashboardsCaughtUpAsync(); // the analyst would see it at once; others once it has loaded
        fixture.Reloads.LastChanged!.Values.Should().BeEmpty("an edit of the catalogue alone reads no values again");
        fixture.Reloads.LastChanged.Definitions.Should().ContainSingle();

        (_, dashboard) = await fixture.Viewer.GetPageAsync($"/areas/{Hackney}");
        (_, indicator) = await fixture.Viewer.GetPageAsync($"/indicators/{Esa}?area={Hackney}");
        (_, overview) = await fixture.Viewer.GetPageAsync($"/overview?region={London}");
        Cells(dashboard, Esa)[0].Should().StartWith("ESA claimants (mental and behavioural disorders) per 1,000");
        Cells(dashboard, Esa)[6].Should().StartWith("Higher");
        dashboard.QuerySelectorAll(".narratives li").Select(li => li.Text()).Should().Contain(n => n.Contains("is significantly higher than England's (31.0 per 1,000)"));
        indicator.QuerySelector("h1")!.Text().Should().Be("ESA claimants (mental and behavioural disorders) per 1,000");
        indicator.QuerySelector("table[aria-labelledby=compare] tr[aria-current] .sig")!.Text().Should().Be("Higher");
        overview.QuerySelector("table.heatmap")!.Text().Should().Contain("42.1 Higher").And.NotContain("42.1 Worse");
        var api = await ProfileRowAsync(Hackney, Esa);
        api.GetProperty("comparison").GetString().Should().Be("Higher");
        api.GetProperty("name").GetString().Should().Be("ESA claimants (mental and behavioural disorders) per 1,000");

        // A script then stops comparing it with benchmarks.
        (await fixture.AnalystApi.EditIndicatorAsync(Esa, body => body["comparisonMethod"] = "None")).StatusCode.Should().Be(HttpStatusCode.OK);
        await fixture.Factory.DashboardsCaughtUpAsync();

        (_, dashboard) = await fixture.Viewer.GetPageAsync($"/areas/{Hackney}");
        Cells(dashboard, Esa)[6].Should().Be("Not compared This indicator is not compared with a benchmark.");
        api = await ProfileRowAsync(Hackney, Esa);
        api.GetProperty("comparisonBasis").GetString().Should().Be("None");
        api.GetProperty("notComparedReason").GetString().Should().Be("This indicator is not compared with a benchmark.");
    }

    [Fact]
    public async Task AnEditMadeElsewhere_ShowsWhenTheDashboardsRecheck()
    {
        const string iapt = "iapt-recovery";
        (await ProfileRowAsync(Hackney, iapt)).GetProperty("comparison").GetString().Should().Be("Better");

        // Another instance's save: the row changes and its data version is recorded, but this instance is not told.
        await fixture.Factory.WithDbAsync(async db =>
        {
            await db.Indicators.Where(i => i.Key == iapt).ExecuteUpdateAsync(s => s.SetProperty(i => i.Polarity, Polarity.NoJudgement));
            var id = await db.Indicators.Where(i => i.Key == iapt).Select(i => i.Id).SingleAsync();
            db.DataChanges.Add(new DataChange { OccurredUtc = DateTime.UtcNow, Kind = DataChangeKinds.IndicatorEdited, IndicatorIds = $"{id}" });
            return await db.SaveChangesAsync();
        });

        var deadline = DateTime.UtcNow.AddSeconds(20);
        string? label;
        do
        {
            label = (await ProfileRowAsync(Hackney, iapt)).GetProperty("comparison").GetString();
            if (label != "Higher")
            {
                await Task.Delay(250);
            }
        }
        while (label != "Higher" && DateTime.UtcNow < deadline);
        label.Should().Be("Higher", "the dashboards look for new data versions every few seconds");
    }

    [Fact]
    public async Task RealMhsdsCounts_AreShownOnAnIcbsDashboardButNotCompared_WhileItsProportionsAndWaitingTimesAreBanded()
    {
        var import = await fixture.AnalystApi.UploadAndValidateAsync(ImportClient.Sample("mhsds-4ww-performance-sep-2024.csv"));
        (await fixture.AnalystApi.CommitConfirmingNewIndicatorsAsync(import.GetProperty("id").GetInt32())).GetProperty("status").GetString().Should().Be("committed");
        await fixture.Factory.DashboardsCaughtUpAsync();
        const string northEastLondon = "E54000029";

        var (response, page) = await fixture.Viewer.GetPageAsync($"/areas/{northEastLondon}");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var count = Cells(page, "mhsds-mrs01");
        count[3].Should().Be("495", "the ICB's own count of referral-spells is shown");
        count[6].Should().Be("Not compared Counts are not compared: areas differ in size.", "495 against England's 13,706 says nothing");
        count[8].Should().Be("–", "ranking counts would rank the ICBs' sizes");
        RowFor(page, "mhsds-mrs01").QuerySelector("svg .marker").Should().BeNull("no spine marker is pinned against England's total");
        var proportion = Cells(page, "mhsds-mrs01b");
        proportion[3].Should().StartWith("10.0");
        proportion[6].Should().BeOneOf("Lowest quintile", "Low quintile", "Middle quintile", "High quintile", "Highest quintile");
        RowFor(page, "mhsds-mrs01b").QuerySelector("svg .marker").Should().NotBeNull();
        var medianWait = Cells(page, "mhsds-mrs03a");
        medianWait[3].Should().StartWith("61", "the median wait in days is not a count");
        medianWait[6].Should().EndWith("quintile", "waiting times do not grow with an area's size, so they are banded");
        page.QuerySelectorAll(".narratives li").Select(li => li.Text()).Should().Contain(n =>
            n.Contains("Number of CMH referral-spells receiving a full clock stop in the RP, 495 in", StringComparison.Ordinal)
            && n.EndsWith("is a count, not compared with England's because areas differ in size.", StringComparison.Ordinal));

        var api = await ProfileRowAsync(northEastLondon, "mhsds-mrs01");
        api.GetProperty("comparison").GetString().Should().Be("Not compared");
        api.GetProperty("notComparedReason").GetString().Should().Be("Counts are not compared: areas differ in size.");
        api.GetProperty("rank").ValueKind.Should().Be(JsonValueKind.Null);
    }
}

public sealed class CatalogueOnDashboardsOnSqlite(SqliteDashboardFixture fixture)
    : CatalogueOnDashboardsTests(fixture), IClassFixture<SqliteDashboardFixture>;

public sealed class CatalogueOnDashboardsOnPostgres(PostgresDashboardFixture fixture)
    : CatalogueOnDashboardsTests(fixture), IClassFixture<PostgresDashboardFixture>;
