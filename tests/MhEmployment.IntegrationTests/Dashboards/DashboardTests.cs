using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MhEmployment.IntegrationTests.Infrastructure;
using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Accounts;
using MhEmployment.Web.Features.DataVersions;
using MhEmployment.Web.Features.Profiles;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Events;
using static MhEmployment.IntegrationTests.Dashboards.DashboardFixture;

namespace MhEmployment.IntegrationTests.Dashboards;

/// <summary>The borough dashboard, indicator page, overview and profile API over HTTP, on each database.</summary>
public abstract class DashboardTests(DashboardFixture fixture)
{
    private const string EsaName = "ESA claimants with mental and behavioural disorders";

    private static AngleSharp.Dom.IElement RowFor(AngleSharp.Dom.IDocument page, string indicatorKey) =>
        page.QuerySelectorAll("table.profile tbody tr").Single(r => r.QuerySelector($"a[href^='/indicators/{indicatorKey}?']") is not null);

    [Fact]
    public async Task HackneyDashboard_ShowsValueBenchmarkSignificanceTrendRankSpineAndNarrative()
    {
        var (response, page) = await fixture.Viewer.GetPageAsync($"/areas/{Hackney}");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var cells = RowFor(page, "esa-mental-behavioural-rate").QuerySelectorAll("th, td").Select(c => c.Text()).ToList();
        cells[1].Should().Be("2019/20");
        cells[2].Should().Be("8,420");
        cells[3].Should().Be("42.1 per 1,000");
        cells[4].Should().Be("41.2 to 43.0 computed");
        cells[5].Should().Be("31.0 per 1,000");
        cells[6].Should().StartWith("Worse");
        cells[8].Should().Be("1 of 4", "Hackney is the highest of the four upper-tier areas with a value (Cumbria's 2019/20 value counts)");
        RowFor(page, "esa-mental-behavioural-rate").QuerySelector("svg[role=img] title").Should().NotBeNull("each row has its spine chart");
        page.QuerySelectorAll(".narratives li").Select(li => li.Text()).Should().Contain(n =>
            n.StartsWith("Hackney's figure for " + EsaName, StringComparison.Ordinal)
            && n.Contains("42.1 per 1,000 in 2019/20, is significantly higher (worse) than England's (31.0 per 1,000)", StringComparison.Ordinal));
        var iapt = RowFor(page, "iapt-recovery").QuerySelectorAll("td").Select(c => c.Text()).ToList();
        iapt.Should().Contain("Increasing and getting better");
        page.QuerySelector(".legend")!.Text().Should().Contain("Better").And.Contain("Worse").And.Contain("Similar");
    }

    [Fact]
    public async Task SwitchingTheBenchmarkToLondon_ComparesWithLondonsValue()
    {
        var (_, page) = await fixture.Viewer.GetPageAsync($"/areas/{Hackney}?Compare=region");

        page.QuerySelector("h2#profile")!.Text().Should().Be("How Hackney compares with London");
        var cells = RowFor(page, "esa-mental-behavioural-rate").QuerySelectorAll("th, td").Select(c => c.Text()).ToList();
        cells[5].Should().Be("30.0 per 1,000");
        cells[6].Should().StartWith("Worse");
        page.QuerySelector("input[name=Compare][value=region]")!.HasAttribute("checked").Should().BeTrue();
    }

    [Fact]
    public async Task ChosenGroupBenchmark_PoolsTheTickedAreas()
    {
        var (_, page) = await fixture.Viewer.GetPageAsync($"/areas/{Hackney}?Compare=group&Members={Camden}&Members={Islington}");

        page.QuerySelector("h2#profile")!.Text().Should().Be("How Hackney compares with the chosen group of 2 areas");
        RowFor(page, "esa-mental-behavioural-rate").QuerySelectorAll("td")[4].Text().Should().Be("25.0 per 1,000", "(4,000 + 6,000) / 400,000 per 1,000");
        page.QuerySelectorAll("input[name=Members][checked]").Select(i => i.GetAttribute("value")).Should().BeEquivalentTo([Camden, Islington]);
    }

    [Fact]
    public async Task UnknownBenchmark_IsExplainedOnThePage_And400FromTheApi()
    {
        var (response, page) = await fixture.Viewer.GetPageAsync($"/areas/{Hackney}?benchmark=E99999999");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        page.QuerySelector(".error-summary")!.Text().Should().Contain("'E99999999' is not a known area code, so England is used");

        var api = await fixture.Api.GetAsync(new Uri($"/api/v1/areas/{Hackney}/profile?benchmark=E99999999", UriKind.Relative));
        api.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await api.Content.ReadAsStringAsync()).Should().Contain("E99999999");
        (await fixture.Api.GetAsync(new Uri("/api/v1/areas/E09999999/profile", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ProfileApi_GivesEachIndicatorsFigures()
    {
        var profile = await fixture.Api.GetFromJsonAsync<JsonElement>($"/api/v1/areas/{Hackney}/profile?benchmark=E92000001");

        profile.GetProperty("benchmark").GetProperty("name").GetString().Should().Be("England");
        var esa = profile.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("indicator").GetString() == "esa-mental-behavioural-rate");
        esa.GetProperty("period").GetString().Should().Be("2019/20");
        esa.GetProperty("value").GetDouble().Should().BeApproximately(42.1, 1e-9);
        esa.GetProperty("count").GetDouble().Should().Be(8420);
        esa.GetProperty("denominator").GetDouble().Should().Be(200_000);
        esa.GetProperty("lower95").GetDouble().Should().BeApproximately(41.2, 0.05);
        esa.GetProperty("upper998").GetDouble().Should().BeGreaterThan(esa.GetProperty("upper95").GetDouble());
        esa.GetProperty("intervalSource").GetString().Should().Be("Computed");
        esa.GetProperty("benchmarkValue").GetDouble().Should().BeApproximately(31.0, 1e-9);
        esa.GetProperty("comparison").GetString().Should().Be("Worse");
        esa.GetProperty("trend").GetString().Should().Be("Cannot be calculated", "one quarter's value is no series");
        esa.GetProperty("rank").GetInt32().Should().Be(1);
        esa.GetProperty("n").GetInt32().Should().Be(4);
        var iapt = profile.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("indicator").GetString() == "iapt-recovery");
        iapt.GetProperty("trend").GetString().Should().Be("Increasing and getting better");
        iapt.GetProperty("comparison").GetString().Should().Be("Better");
    }

    [Fact]
    public async Task IndicatorPage_DrawsTheComparisonChartSortableByValueOrName_WithItsTable()
    {
        var (_, byValue) = await fixture.Viewer.GetPageAsync($"/indicators/esa-mental-behavioural-rate?area={Hackney}");
        var (_, byName) = await fixture.Viewer.GetPageAsync($"/indicators/esa-mental-behavioural-rate?area={Hackney}&sort=name");

        static List<string> TableOrder(AngleSharp.Dom.IDocument page) =>
            [.. page.QuerySelectorAll("table[aria-labelledby=compare] tbody tr:not(.benchmark-row) th").Select(th => th.Text())];
        TableOrder(byValue).Should().Equal("Hackney", "Cumbria abolished", "Islington", "Camden");
        TableOrder(byName).Should().Equal("Camden", "Cumbria abolished", "Hackney", "Islington");
        var chart = byValue.QuerySelector("#compare ~ .chart-with-table svg[role=group]")!;
        chart.Should().NotBeNull();
        chart.QuerySelector("title")!.Text().Should().Contain("2019/20");
        chart.InnerHtml.IndexOf("Hackney", StringComparison.Ordinal).Should().BeLessThan(chart.InnerHtml.IndexOf("Camden", StringComparison.Ordinal));
        byValue.QuerySelector("a[href*='sort=name']").Should().NotBeNull();
    }

    [Fact]
    public async Task IndicatorPage_HasLondonAndEnglandMaps_AndATimeSeriesWithItsTable()
    {
        var (_, page) = await fixture.Viewer.GetPageAsync($"/indicators/iapt-recovery?area={Hackney}");

        var maps = page.QuerySelectorAll(".maps figure.map svg[role=group]");
        maps.Should().HaveCount(2);
        maps[0].QuerySelectorAll("path").Length.Should().Be(33, "the London map has the 33 boroughs");
        maps[0].QuerySelector("title")!.Text().Should().Contain("London boroughs");
        page.QuerySelector(".maps")!.InnerHtml.Should().Contain("Hackney: 60.0%, Better");
        var series = page.QuerySelectorAll("table[aria-labelledby=trend] tbody tr").Select(r => r.Text()).ToList();
        series.Should().HaveCount(5);
        series[0].Should().StartWith("2019/20 60.0 50.0");
        page.QuerySelector("#trend ~ .chart-with-table svg[role=img]").Should().NotBeNull();
    }

    [Fact]
    public async Task Overview_IsAHeatMapOfTheRegionsAreas()
    {
        var (response, page) = await fixture.Viewer.GetPageAsync($"/overview?region={London}");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var hackney = page.QuerySelectorAll("table.heatmap tbody tr").Single(r => r.QuerySelector("th")!.Text() == "Hackney");
        hackney.QuerySelectorAll("td.cell").Select(c => c.Text()).Should().Contain(["42.1 Worse", "60.0 Better"]);
        page.QuerySelectorAll("table.heatmap tbody tr").Should().HaveCount(34, "the benchmark row and London's 33 boroughs");
        (await fixture.Viewer.GetPageAsync("/overview?region=nowhere")).Document.QuerySelector(".error-summary")!.Text()
            .Should().Contain("'nowhere' is not an English region's code");
    }

    [Fact]
    public async Task AbolishedArea_ShowsItsOwnValues_WithLinksToItsSuccessors_NeverMergedIntoThem()
    {
        var (_, cumbria) = await fixture.Viewer.GetPageAsync($"/areas/{Cumbria}");
        cumbria.QuerySelector(".notice")!.Text().Should().Contain("not merged into its successors");
        cumbria.QuerySelector(".notice a[href='/areas/E06000063']").Should().NotBeNull();
        RowFor(cumbria, "esa-mental-behavioural-rate").QuerySelectorAll("td")[2].Text().Should().Be("30.0 per 1,000");

        var (_, cumberland) = await fixture.Viewer.GetPageAsync("/areas/E06000063");
        cumberland.QuerySelectorAll("table.profile").Should().BeEmpty();
    }

    [Fact]
    public async Task RepeatVisitsAreServedFromTheCache_EachPersonWithTheirOwnHeader()
    {
        await fixture.Factory.DashboardsCaughtUpAsync(); // no reload from an earlier test's change drops the cache midway
        var url = $"/areas/{Camden}?group=lower-tier";
        var first = await fixture.Viewer.GetAsync(new Uri(url, UriKind.Relative));
        var again = await fixture.Viewer.GetAsync(new Uri(url, UriKind.Relative));
        var analyst = await fixture.AnalystPages.GetAsync(new Uri(url, UriKind.Relative));

        first.Headers.Age.Should().BeNull("the first visit renders the page");
        again.Headers.Age.Should().NotBeNull("the repeat is the cached response");
        (await again.Content.ReadAsStringAsync()).Should().Be(await first.Content.ReadAsStringAsync());
        analyst.Headers.Age.Should().BeNull("another person's visit is rendered for them");
        var header = (await Html.ParseAsync(analyst)).QuerySelector(".session")!.Text();
        header.Should().Contain("analyst@test.local").And.NotContain("viewer@test.local");
        (await Html.ParseAsync(again)).QuerySelector(".session a[href='/Account/Logout']").Should().NotBeNull(
            "a cached page carries no antiforgery token, so sign-out is confirmed on its own page");
    }

    [Fact]
    public async Task TheCommitterSeesTheirImportOnTheirNextPage_EveryoneElseWithinSeconds_AndItsUndoTakesItAwayAgain()
    {
        await fixture.Factory.DashboardsCaughtUpAsync();
        await LatestEsaPeriodAsync(fixture.Viewer); // warms the cache with the old figures
        var id = await UploadIslington2020Async();

        (await fixture.AnalystApi.CommitAsync(id)).GetProperty("status").GetString().Should().Be("committed");
        try
        {
            (await LatestEsaPeriodAsync(fixture.AnalystPages)).Should().Be("2020/21", "the analyst who committed is shown their figures on their next page");
            (await EventuallyAsync(() => LatestEsaPeriodAsync(fixture.Viewer), "2020/21")).Should().Be("2020/21");
        }
        finally
        {
            await UndoAsync(id);
        }
        (await LatestEsaPeriodAsync(fixture.AnalystPages)).Should().Be("2019/20");
        (await EventuallyAsync(() => LatestEsaPeriodAsync(fixture.Viewer), "2019/20")).Should().Be("2019/20");
    }

    [Fact]
    public async Task WhileANewVersionLoads_ReadersGetThePreviousFiguresAtOnce_AndAreTold_ThenTheNewOnes()
    {
        var (id, hold) = await CommitWithReloadHeldAsync();
        try
        {
            var (response, page) = await fixture.Viewer.GetPageAsync($"/areas/{Islington}");
            response.StatusCode.Should().Be(HttpStatusCode.OK);
            RowFor(page, "esa-mental-behavioural-rate").QuerySelectorAll("td")[0].Text().Should().Be("2019/20");
            page.QuerySelector(".notice[role=status]")!.Text().Should().Contain("being updated");
            var profile = await fixture.Api.GetFromJsonAsync<JsonElement>($"/api/v1/areas/{Islington}/profile");
            profile.GetProperty("updating").GetBoolean().Should().BeTrue();
            hold.Release();
            await fixture.Factory.DashboardsCaughtUpAsync();
            var (_, after) = await fixture.Viewer.GetPageAsync($"/areas/{Islington}");
            RowFor(after, "esa-mental-behavioural-rate").QuerySelectorAll("td")[0].Text().Should().Be("2020/21");
            after.QuerySelector(".notice[role=status]").Should().BeNull();
            (await fixture.Api.GetFromJsonAsync<JsonElement>($"/api/v1/areas/{Islington}/profile")).GetProperty("updating").GetBoolean().Should().BeFalse();
        }
        finally
        {
            hold.Release();
            await UndoAsync(id);
        }
    }

    [Fact]
    public async Task AnUndo_ReadsAgainOnlyTheIndicatorsItsImportTouched()
    {
        await fixture.Factory.DashboardsCaughtUpAsync();
        var id = await UploadIslington2020Async();
        (await fixture.AnalystApi.CommitAsync(id)).GetProperty("status").GetString().Should().Be("committed");
        await fixture.Factory.DashboardsCaughtUpAsync();
        var cache = fixture.Factory.Services.GetRequiredService<DashboardCache>();
        var before = cache.Current!;
        var esaId = before.IndicatorsByKey["esa-mental-behavioural-rate"].Indicator.Id;

        await UndoAsync(id);

        fixture.Reloads.LastChanged!.Values.Should().BeEquivalentTo([esaId]);
        var after = cache.Current!;
        after.Version.Should().BeGreaterThan(before.Version);
        after.IndicatorsByKey["iapt-recovery"].Should().BeSameAs(before.IndicatorsByKey["iapt-recovery"], "an indicator the undo did not touch is not read again");
        after.IndicatorsByKey["esa-mental-behavioural-rate"].Should().NotBeSameAs(before.IndicatorsByKey["esa-mental-behavioural-rate"]);
    }

    [Fact]
    public async Task ARevisionAndItsUndo_TakenInFromTheImportsRowsAlone_GiveWhatReadingEverythingAgainGives()
    {
        await fixture.Factory.DashboardsCaughtUpAsync();
        var cache = fixture.Factory.Services.GetRequiredService<DashboardCache>();
        var original = Stored(cache.Current!, "esa-mental-behavioural-rate");
        var countShown = await LatestEsaCountAsync(fixture.Viewer);
        var csv = "indicator_key,area_code,period_label,value,count,denominator\n" +
            Row("esa-mental-behavioural-rate", Islington, "2019/20", 4_321, 200_000, 1000);
        var id = (await fixture.AnalystApi.UploadAndValidateAsync(await WriteAsync(csv), "islington-revision.csv")).GetProperty("id").GetInt32();

        (await fixture.AnalystApi.CommitAsync(id)).GetProperty("status").GetString().Should().Be("committed");
        await fixture.Factory.DashboardsCaughtUpAsync();
        try
        {
            fixture.Reloads.LastChanged!.Imports.Should().Equal([new ImportChange(id, Undone: false)], "the commit is taken in from its own rows");
            var revised = Stored(cache.Current!, "esa-mental-behavioural-rate");
            revised.Single(v => v.AreaCode == Islington && v.PeriodLabel == "2019/20").Count.Should().Be(4_321);
            revised.Should().HaveSameCount(original, "a revision replaces a value rather than adding one");
            Stored(await cache.ReloadAllAsync(), "esa-mental-behavioural-rate").Should().Equal(revised);
            (await LatestEsaCountAsync(fixture.Viewer)).Should().Be("4,321");
        }
        finally
        {
            await UndoAsync(id);
        }
        fixture.Reloads.LastChanged!.Imports.Should().Equal([new ImportChange(id, Undone: true)], "the undo is taken in from the rows it put back");
        Stored(cache.Current!, "esa-mental-behavioural-rate").Should().Equal(original);
        (await LatestEsaCountAsync(fixture.Viewer)).Should().Be(countShown);
    }

    /// <summary>Every value the snapshot holds for the indicator, in a stable order.</summary>
    private static List<SnapshotValue> Stored(ValueSnapshot snapshot, string indicatorKey) =>
        [.. snapshot.IndicatorsByKey[indicatorKey].Slices.Values.SelectMany(s => s.Periods).SelectMany(p => p.ByArea.Values)
            .OrderBy(v => v.Slice.Sex).ThenBy(v => v.Slice.AgeBand, StringComparer.Ordinal).ThenBy(v => v.Period).ThenBy(v => v.AreaCode, StringComparer.Ordinal)];

    private static async Task<string> LatestEsaCountAsync(HttpClient client)
    {
        var (_, page) = await client.GetPageAsync($"/areas/{Islington}");
        return RowFor(page, "esa-mental-behavioural-rate").QuerySelectorAll("td")[1].Text();
    }

    [Fact]
    public async Task ARequestWhoseClientGoesAway_IsLoggedAsSuch_NotAsAServerError()
    {
        var (id, hold) = await CommitWithReloadHeldAsync();
        try
        {
            // The job tells the dashboards whose change it is just after the import reads "committed".
            var versions = fixture.Factory.Services.GetRequiredService<DataVersion>();
            await CommitWatcher.UntilAsync(() => versions.ExpectedBy(Accounts.EmailFor(Roles.Analyst)) is not null);
            versions.ExpectedBy(Accounts.EmailFor(Roles.Analyst)).Should().NotBeNull("the analyst's own page waits for their change");
            var before = fixture.Logs.Events.Count;
            using var leaving = new CancellationTokenSource();
            var watched = fixture.Requests.Next($"/areas/{Islington}");

            // The analyst's own page waits for their figures, which the held reload keeps back; they give up.
            var request = fixture.AnalystPages.GetAsync(new Uri($"/areas/{Islington}", UriKind.Relative), leaving.Token);
            await watched.Started.WaitAsync(TimeSpan.FromSeconds(30));
            await Task.Delay(100);
            await leaving.CancelAsync();
            await request.Invoking(r => r).Should().ThrowAsync<OperationCanceledException>();

            (await watched.Finished.WaitAsync(TimeSpan.FromSeconds(5))).Should().Be(499, "the app stops waiting at once and ends the request as closed by the client");
            fixture.Logs.Events.Skip(before).Should().NotContain(e => e.Level >= LogEventLevel.Error, "a client that goes away is not a server error");
        }
        finally
        {
            hold.Release();
            await UndoAsync(id);
        }
    }

    /// <summary>Commits Islington's 2020/21 values with the dashboards' reload of them held once it has read them.</summary>
    private async Task<(int Id, ReloadGate.Hold Hold)> CommitWithReloadHeldAsync()
    {
        await fixture.Factory.DashboardsCaughtUpAsync();
        var id = await UploadIslington2020Async();
        var hold = fixture.Reloads.HoldNextReload();
        try
        {
            (await fixture.AnalystApi.CommitAsync(id)).GetProperty("status").GetString().Should().Be("committed");
            await hold.Reading.WaitAsync(TimeSpan.FromSeconds(30));
            return (id, hold);
        }
        catch
        {
            hold.Release();
            throw;
        }
    }

    /// <summary>Undoes a test's import and waits until every reader sees it undone, so that the next test starts from the known values.</summary>
    private async Task UndoAsync(int id)
    {
        (await fixture.AnalystApi.PostAsync(new Uri($"/api/v1/imports/{id}/undo", UriKind.Relative), null)).StatusCode.Should().Be(HttpStatusCode.OK);
        await fixture.Factory.DashboardsCaughtUpAsync();
    }

    private async Task<int> UploadIslington2020Async()
    {
        var csv = "indicator_key,area_code,period_label,value,count,denominator\n" +
            Row("esa-mental-behavioural-rate", Islington, "2020/21", 5_000, 200_000, 1000) +
            Row("esa-mental-behavioural-rate", England, "2020/21", 1_085_000, 35_000_000, 1000);
        var import = await fixture.AnalystApi.UploadAndValidateAsync(await WriteAsync(csv), "islington-2020.csv");
        return import.GetProperty("id").GetInt32();
    }

    /// <summary>What <paramref name="read"/> gives once it gives <paramref name="expected"/>, or after 10 s, whatever it gives then.</summary>
    private static async Task<string> EventuallyAsync(Func<Task<string>> read, string expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        string seen;
        while ((seen = await read()) != expected && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }
        return seen;
    }

    private static async Task<string> LatestEsaPeriodAsync(HttpClient client)
    {
        var (_, page) = await client.GetPageAsync($"/areas/{Islington}");
        return RowFor(page, "esa-mental-behavioural-rate").QuerySelectorAll("td")[0].Text();
    }
}
[Collection(SqliteDashboardCollection.Name)]
public sealed class SqliteDashboardTests(SqliteDashboardFixture fixture) : DashboardTests(fixture);

[Collection(PostgresDashboardCollection.Name)]
public sealed class PostgresDashboardTests(PostgresDashboardFixture fixture) : DashboardTests(fixture);
