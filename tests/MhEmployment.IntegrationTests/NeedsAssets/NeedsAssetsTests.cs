using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MhEmployment.IntegrationTests.Infrastructure;
using MhEmployment.Web.Data;
using MhEmployment.Web.Features.Accounts;
using MhEmployment.Web.Features.Assets;
using Microsoft.Extensions.DependencyInjection;

namespace MhEmployment.IntegrationTests.NeedsAssets;

/// <summary>
/// The comparison worked by hand, over the API and the pages. Across the five boroughs (the only upper-tier areas
/// with values), z-scores signed so that more need is higher:
///   ESA:   Hackney +1.4142, Islington +0.7071, Newham 0, Lambeth −0.7071, Camden −1.4142 (mean 30, SD √50)
///   ASCOF: Hackney +0.7071, Camden −1.4142, Islington −0.7071, Lambeth 0, Newham +1.4142 (mean 7, SD √2)
/// Domain 3's composites (equal weights): Hackney +1.0607, Newham +0.7071, Islington 0, Lambeth −0.3536, Camden −1.4142,
/// so Hackney is high, Newham and Islington medium, Lambeth and Camden low; the shares of areas with less need are
/// 1, 0.75, 0.5, 0.25, 0. Coverage of domain 3's 8 items: Hackney 1.5 / 8 = 0.1875, the others nothing (a full gap),
/// so the gaps are 0.8125, 0.75, 0.5, 0.25, 0 in that order. With ASCOF left out ("ESA only"), Islington (0.75) passes Newham (0.5).
/// </summary>
public abstract class NeedsAssetsTests(NeedsAssetsFixture fixture)
{
    [Fact]
    public async Task Api_GivesTheHandWorkedNeedCoverageAndPriorityOrder()
    {
        var areas = await DomainThreeAsync("/api/v1/comparison?region=E12000007");

        Score(areas[NeedsAssetsFixture.Hackney]).Should().BeApproximately(1.0607, 1e-4);
        Score(areas[NeedsAssetsFixture.Newham]).Should().BeApproximately(0.7071, 1e-4);
        Score(areas[NeedsAssetsFixture.Islington]).Should().BeApproximately(0, 1e-9);
        Score(areas[NeedsAssetsFixture.Lambeth]).Should().BeApproximately(-0.3536, 1e-4);
        Score(areas[NeedsAssetsFixture.Camden]).Should().BeApproximately(-1.4142, 1e-4);
        Level(areas, NeedsAssetsFixture.Hackney).Should().Be("high");
        Level(areas, NeedsAssetsFixture.Newham).Should().Be("medium");
        Level(areas, NeedsAssetsFixture.Islington).Should().Be("medium");
        Level(areas, NeedsAssetsFixture.Lambeth).Should().Be("low");
        Level(areas, NeedsAssetsFixture.Camden).Should().Be("low");
        areas[NeedsAssetsFixture.Hackney].GetProperty("coverage").GetDouble().Should().Be(0.1875);
        areas[NeedsAssetsFixture.Hackney].GetProperty("confidence").GetString().Should().Be("2 of 2 indicators");
        areas[NeedsAssetsFixture.Hackney].GetProperty("highNeedLowCoverage").GetBoolean().Should().BeTrue();
        areas[NeedsAssetsFixture.Newham].GetProperty("highNeedLowCoverage").GetBoolean().Should().BeFalse();
        // A borough with no assets is a full gap, not an error.
        areas[NeedsAssetsFixture.Camden].GetProperty("coverage").GetDouble().Should().Be(0);
        areas[NeedsAssetsFixture.Camden].GetProperty("coverageGaps").GetInt32().Should().Be(8);
        string[] order = [NeedsAssetsFixture.Hackney, NeedsAssetsFixture.Newham, NeedsAssetsFixture.Islington, NeedsAssetsFixture.Lambeth, NeedsAssetsFixture.Camden];
        order.Select(code => areas[code].GetProperty("gap").GetDouble()).Should().Equal([0.8125, 0.75, 0.5, 0.25, 0], (a, b) => Math.Abs(a - b) < 1e-9);
        order.Select(code => areas[code].GetProperty("gapRank").GetInt32()).Should().BeInAscendingOrder();
        var evidence = areas[NeedsAssetsFixture.Hackney].GetProperty("evidence").EnumerateArray()
            .Single(e => e.GetProperty("indicator").GetString() == "esa-mental-behavioural-rate");
        evidence.GetProperty("value").GetDouble().Should().Be(40);
        evidence.GetProperty("comparison").GetString().Should().Be("Worse");
        evidence.GetProperty("score").GetDouble().Should().BeApproximately(1.4142, 1e-4);
    }

    [Fact]
    public async Task ADomainWithoutData_SaysInsufficientData_AndIsNotRanked()
    {
        var response = await fixture.Api.GetFromJsonAsync<JsonElement>("/api/v1/comparison?region=E12000007");
        var hackney = response.GetProperty("areas").EnumerateArray().Single(a => a.GetProperty("code").GetString() == NeedsAssetsFixture.Hackney);
        var workplace = hackney.GetProperty("domains").EnumerateArray().Single(d => d.GetProperty("domain").GetInt32() == 1);

        workplace.GetProperty("needLevel").GetString().Should().Be("insufficient-data");
        workplace.GetProperty("compositeScore").ValueKind.Should().Be(JsonValueKind.Null);
        workplace.GetProperty("gapRank").ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Fact]
    public async Task AnotherScheme_ReordersAsItsWeightsSay()
    {
        var areas = await DomainThreeAsync($"/api/v1/comparison?region=E12000007&scheme={Uri.EscapeDataString(NeedsAssetsFixture.EsaOnly)}");

        areas[NeedsAssetsFixture.Islington].GetProperty("needPercentile").GetDouble().Should().Be(0.75);
        areas[NeedsAssetsFixture.Newham].GetProperty("needPercentile").GetDouble().Should().Be(0.5);
        areas[NeedsAssetsFixture.Hackney].GetProperty("confidence").GetString().Should().Be("1 of 1 indicator");
        // Scheme names are unique whatever their case, so a name is found whatever its case (the example says "default").
        (await DomainThreeAsync("/api/v1/comparison?region=E12000007&scheme=esa%20ONLY"))[NeedsAssetsFixture.Islington]
            .GetProperty("needPercentile").GetDouble().Should().Be(0.75);
        (await fixture.Api.GetAsync("/api/v1/comparison?region=E12000007&scheme=default")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ChosenAreas_LeaveOutWhatCannotBeCompared_WithAClearMessage()
    {
        var response = await fixture.Api.GetAsync("/api/v1/comparison?areas=E09000012,E10000006,E99999999");
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadAsStringAsync();
        problem.Should().Contain("has been abolished, so it is not compared with current areas").And.Contain("'E99999999' is not a known area code");

        var unknownScheme = await fixture.Api.GetAsync("/api/v1/comparison?scheme=nope");
        (await unknownScheme.Content.ReadAsStringAsync()).Should().Contain("There is no weighting scheme 'nope'");
    }

    [Fact]
    public async Task ComparisonPage_ShowsTheMatrixChartsAndPriorities_AndEachCellDrillsDown()
    {
        var (response, page) = await fixture.Viewer.GetPageAsync("/needs-assets?region=E12000007");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        page.QuerySelector("h1")!.Text().Should().Be("Upper-tier authorities in London: need beside provision");
        var hackneyRow = page.QuerySelectorAll(".needs-matrix tbody tr").Single(r => r.QuerySelector("th")!.Text() == "Hackney");
        var hackneyEmployment = hackneyRow.QuerySelectorAll("td")[2].Text(); // domain 3
        hackneyEmployment.Should().Contain("High need").And.Contain("score +1.06, 2 of 2 indicators")
            .And.Contain("19% covered (6 gaps of 8 items)").And.Contain("High need, low coverage").And.Contain("priority 1 of 5");
        hackneyRow.QuerySelectorAll("td")[0].Text().Should().Contain("Insufficient data");
        page.QuerySelector("svg#need-coverage-3, svg[aria-labelledby^='need-coverage-3']").Should().NotBeNull();
        page.QuerySelectorAll("svg[aria-labelledby^='need-coverage-3'] .point.flagged").Should().ContainSingle();
        var priorities = page.QuerySelectorAll("#priorities ~ .table-scroll tbody tr").Select(r => r.QuerySelector("th")!.Text()).ToList();
        priorities.Should().Equal("Hackney", "Newham", "Islington", "Lambeth", "Camden");
        hackneyRow.QuerySelector("td a")!.GetAttribute("href").Should().Be($"/needs-assets/{NeedsAssetsFixture.Hackney}/1?scheme=Default&benchmark=E92000001");

        var (cellResponse, cell) = await fixture.Viewer.GetPageAsync($"/needs-assets/{NeedsAssetsFixture.Hackney}/3");
        cellResponse.StatusCode.Should().Be(HttpStatusCode.OK);
        cell.QuerySelector("h1")!.Text().Should().Be("3. Supporting (re)employment for people with longer-term mental illness");
        var esa = cell.QuerySelectorAll("#indicators ~ .table-scroll tbody tr").Single(r => r.QuerySelector("th a")!.GetAttribute("href")!.StartsWith("/indicators/esa-", StringComparison.Ordinal));
        esa.QuerySelectorAll("td").Select(td => td.Text()).Should().Contain(["Worse", "+1.41"]);
        var items = cell.QuerySelectorAll("#assets ~ table tbody tr").Select(r => r.Text()).ToList();
        items.Should().HaveCount(8);
        items.Should().ContainSingle(i => i.Contains("Hackney cmht-ips", StringComparison.Ordinal) && i.EndsWith("100%", StringComparison.Ordinal));
        items.Count(i => i.Contains("No asset.", StringComparison.Ordinal)).Should().Be(6);

        (await fixture.Viewer.GetAsync("/needs-assets/E10000006/3")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await fixture.Viewer.GetAsync($"/needs-assets/{NeedsAssetsFixture.Hackney}/9")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ANewAssetOrRagAnalysis_ShowsInTheNextComparison()
    {
        // Domain 1 (no data, so never in the priority order the other tests check) for Lambeth and Camden.
        (await Coverage(NeedsAssetsFixture.Lambeth, 1)).Should().Be(0);
        var analyst = await fixture.Factory.ApiClientAsync(Accounts.EmailFor(Roles.Analyst));
        var created = await analyst.PostAsJsonAsync("/api/v1/assets", new
        {
            name = "Lambeth wellbeing at work", provider = "Lambeth Council", sector = "council", items = new[] { "workplace-wellbeing-initiatives" },
            areas = new[] { NeedsAssetsFixture.Lambeth },
        });
        created.EnsureSuccessStatusCode();
        (await Coverage(NeedsAssetsFixture.Lambeth, 1)).Should().Be(0.1, "an unrated asset counts half of one of the domain's five items");

        (await Coverage(NeedsAssetsFixture.Camden, 1)).Should().Be(0);
        await using (var scope = fixture.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var items = (await CoverageService.ChecklistAsync(db, CancellationToken.None)).SelectMany(d => d.Items).Where(i => !i.IsRetired).ToList();
            var entries = items.Select(i => new RagEntry(i.Id, i.Key == "workplace-wellbeing-initiatives" ? "1" : "none", "Agreed at the board")).ToList();
            var (id, errors) = await scope.ServiceProvider.GetRequiredService<RagAnalyses>()
                .SaveAsync(NeedsAssetsFixture.Camden, new DateOnly(2026, 11, 1), items, entries, "officer@test");
            errors.Should().BeEmpty();
            id.Should().NotBeNull();
        }
        await fixture.Factory.DashboardsCaughtUpAsync();
        (await Coverage(NeedsAssetsFixture.Camden, 1)).Should().Be(0.2, "the analysis rated one of the domain's five items 1");
    }

    private async Task<double> Coverage(string code, int domain)
    {
        await fixture.Factory.DashboardsCaughtUpAsync();
        var response = await fixture.Api.GetFromJsonAsync<JsonElement>("/api/v1/comparison?region=E12000007");
        return response.GetProperty("areas").EnumerateArray().Single(a => a.GetProperty("code").GetString() == code)
            .GetProperty("domains").EnumerateArray().Single(d => d.GetProperty("domain").GetInt32() == domain).GetProperty("coverage").GetDouble();
    }

    private async Task<Dictionary<string, JsonElement>> DomainThreeAsync(string url)
    {
        var response = await fixture.Api.GetFromJsonAsync<JsonElement>(url);
        return response.GetProperty("areas").EnumerateArray().ToDictionary(
            a => a.GetProperty("code").GetString()!,
            a => a.GetProperty("domains").EnumerateArray().Single(d => d.GetProperty("domain").GetInt32() == 3));
    }

    private static double Score(JsonElement cell) => cell.GetProperty("compositeScore").GetDouble();

    private static string Level(Dictionary<string, JsonElement> areas, string code) => areas[code].GetProperty("needLevel").GetString()!;
}

public sealed class SqliteNeedsAssetsTests(SqliteNeedsAssetsFixture fixture) : NeedsAssetsTests(fixture), IClassFixture<SqliteNeedsAssetsFixture>;

public sealed class PostgresNeedsAssetsTests(PostgresNeedsAssetsFixture fixture) : NeedsAssetsTests(fixture), IClassFixture<PostgresNeedsAssetsFixture>;
