using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using MhEmployment.IntegrationTests.Infrastructure;
using MhEmployment.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace MhEmployment.IntegrationTests.Exports;

/// <summary>GET /api/v1/areas/{code}/summary: the same numbers as the dashboard and the comparison, for Officers and Admins only.</summary>
public abstract class SummaryApiTests(ExportsFixture fixture)
{
    private const string HackneySummary = $"/api/v1/areas/{ExportsFixture.Hackney}/summary";

    [Fact]
    public async Task Summary_HeadlinesEqualTheDashboards_ForTheSameBenchmark()
    {
        var summary = await fixture.OfficerApi.GetFromJsonAsync<JsonElement>(HackneySummary + "?benchmark=E12000007");
        var profile = await fixture.ViewerApi.GetFromJsonAsync<JsonElement>($"/api/v1/areas/{ExportsFixture.Hackney}/profile?benchmark=E12000007");

        var headlines = Area(summary).GetProperty("headlines").EnumerateArray().ToDictionary(h => h.GetProperty("indicatorKey").GetString()!);
        var rows = profile.GetProperty("indicators").EnumerateArray().ToList();
        headlines.Keys.Should().BeEquivalentTo(rows.Select(r => r.GetProperty("indicator").GetString()));
        foreach (var row in rows)
        {
            var headline = headlines[row.GetProperty("indicator").GetString()!];
            headline.GetProperty("value").GetDouble().Should().Be(row.GetProperty("value").GetDouble());
            headline.GetProperty("benchmarkValue").ToString().Should().Be(row.GetProperty("benchmarkValue").ToString());
            headline.GetProperty("significance").GetString().Should().Be(row.GetProperty("comparison").GetString());
            headline.GetProperty("trend").GetString().Should().Be(row.GetProperty("trend").GetString());
            headline.GetProperty("rank").ToString().Should().Be(row.GetProperty("rank").ToString());
            headline.GetProperty("narrative").GetString().Should().Be(row.GetProperty("narrative").GetString());
        }
        summary.GetProperty("benchmarkName").GetString().Should().Be("London");
    }

    [Fact]
    public async Task Summary_CoverageAndNeedEqualTheComparisons()
    {
        var summary = await fixture.OfficerApi.GetFromJsonAsync<JsonElement>(HackneySummary);
        var comparison = await fixture.ViewerApi.GetFromJsonAsync<JsonElement>($"/api/v1/comparison?areas={ExportsFixture.Hackney}");

        var cells = comparison.GetProperty("areas")[0].GetProperty("domains").EnumerateArray().ToDictionary(d => d.GetProperty("domain").GetInt32());
        var domains = Area(summary).GetProperty("domains").EnumerateArray().ToList();
        domains.Select(d => d.GetProperty("number").GetInt32()).Should().Equal(cells.Keys.Order());
        foreach (var domain in domains)
        {
            var cell = cells[domain.GetProperty("number").GetInt32()];
            domain.GetProperty("coverageShare").ToString().Should().Be(cell.GetProperty("coverage").ToString());
            domain.GetProperty("needPercentile").ToString().Should().Be(cell.GetProperty("needPercentile").ToString());
            domain.GetProperty("highNeedLowCoverage").GetBoolean().Should().Be(cell.GetProperty("highNeedLowCoverage").GetBoolean());
        }
        var employment = domains.Single(d => d.GetProperty("number").GetInt32() == 3);
        employment.GetProperty("covered").GetInt32().Should().Be(2);
        employment.GetProperty("needLevel").GetString().Should().Be("High need");
    }

    [Fact]
    public async Task Summary_ListsTheRedRedIndicator_TheRagAnalysis_TheGapsAndThePriorities()
    {
        var area = Area(await fixture.OfficerApi.GetFromJsonAsync<JsonElement>(HackneySummary));

        area.GetProperty("headlines").EnumerateArray().Single(h => h.GetProperty("indicatorKey").GetString() == ExportsFixture.Ni173).GetProperty("trend").GetString()
            .Should().Be("Increasing and getting worse");
        area.GetProperty("redRed").EnumerateArray().Select(r => r.GetProperty("indicatorKey").GetString()).Should().Equal(ExportsFixture.Ni173);
        area.GetProperty("rag").GetProperty("ratings")[0].GetProperty("rationale").GetString().Should().Be("Commissioned to 2028");
        area.GetProperty("gaps").GetArrayLength().Should().BeGreaterThan(0);
        area.GetProperty("gaps").EnumerateArray().Should().NotContain(g => g.GetProperty("text").GetString()!.Contains("IPS", StringComparison.Ordinal));
        area.GetProperty("priorities").EnumerateArray().Select(p => p.GetProperty("description").GetString())
            .Should().BeEquivalentTo(ExportsFixture.Formula, "Keep the IPS service");
        var charts = area.GetProperty("charts").EnumerateArray().ToList();
        charts.Should().HaveCount(2, "the spine panel and the trend of the red-red indicator");
        charts.Should().OnlyContain(c => c.GetProperty("altText").GetString()!.Length > 40 && c.GetProperty("svg").GetString()!.StartsWith("<svg", StringComparison.Ordinal));
        var values = area.GetProperty("values").EnumerateArray().ToList();
        values.Count(v => v.GetProperty("indicatorKey").GetString() == ExportsFixture.Ni173).Should().Be(5, "every period, not just the latest");
    }

    [Fact]
    public async Task Summary_ChosenSectionsAndIndicators_LeaveTheRestOut()
    {
        var summary = await fixture.OfficerApi.GetFromJsonAsync<JsonElement>(HackneySummary + $"?sections=headlines,red-red&indicators={ExportsFixture.Ascof}");

        summary.GetProperty("sections").EnumerateArray().Select(s => s.GetString()).Should().BeEquivalentTo("Headlines", "RedRed");
        var area = Area(summary);
        area.GetProperty("headlines").EnumerateArray().Select(h => h.GetProperty("indicatorKey").GetString()).Should().Equal(ExportsFixture.Ascof);
        area.GetProperty("charts").GetArrayLength().Should().Be(0);
        summary.GetProperty("sources").EnumerateArray().Select(s => s.GetProperty("indicatorKey").GetString()).Should().Equal(ExportsFixture.Ascof);
    }

    [Fact]
    public async Task Summary_OfABoroughWithNothing_IsStillASummary()
    {
        var area = Area(await fixture.OfficerApi.GetFromJsonAsync<JsonElement>($"/api/v1/areas/{ExportsFixture.Bexley}/summary"));

        area.GetProperty("name").GetString().Should().Be("Bexley");
        area.GetProperty("headlines").GetArrayLength().Should().Be(0);
        area.GetProperty("priorities").GetArrayLength().Should().Be(0);
        area.GetProperty("domains").EnumerateArray().Should().OnlyContain(d => d.GetProperty("covered").GetInt32() == 0);
    }

    [Theory]
    [InlineData("?sections=headlines,tables", "'tables' is not a section")]
    [InlineData("?indicators=no-such-indicator", "'no-such-indicator' is not an indicator")]
    [InlineData("?benchmark=E99999999", "E99999999")]
    public async Task Summary_WithABadQuery_Is400NamingWhatIsWrong(string query, string message)
    {
        var response = await fixture.OfficerApi.GetAsync(HackneySummary + query);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain(message);
    }

    [Fact]
    public async Task Summary_OfAnUnknownAreaOrFormat_Is404_AndAnUnknownAcceptIs406()
    {
        (await fixture.OfficerApi.GetAsync("/api/v1/areas/E09999999/summary")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await fixture.OfficerApi.GetAsync(HackneySummary + ".txt")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        using var request = new HttpRequestMessage(HttpMethod.Get, HackneySummary);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("image/png"));
        (await fixture.OfficerApi.SendAsync(request)).StatusCode.Should().Be(HttpStatusCode.NotAcceptable);
    }

    [Fact]
    public async Task Summary_IsForOfficersAndAdmins_NotViewersOrAnalysts()
    {
        (await fixture.ViewerApi.GetAsync(HackneySummary)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await fixture.AnalystApi.GetAsync(HackneySummary + ".csv")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task EveryExport_IsInTheAuditLog()
    {
        var before = DateTime.UtcNow.AddSeconds(-1);
        (await fixture.OfficerApi.GetAsync($"/api/v1/areas/{ExportsFixture.Bexley}/summary.json?sections=gaps")).EnsureSuccessStatusCode();

        var entries = await fixture.Factory.WithDbAsync(db => db.AuditEvents.AsNoTracking()
            .Where(e => e.Action == AuditActions.SummaryExported && e.Target == ExportsFixture.Bexley).ToListAsync());
        entries.Should().ContainSingle(e => e.OccurredUtc >= before && e.Details!.StartsWith("JSON", StringComparison.Ordinal) && e.Details.EndsWith("sections gaps", StringComparison.Ordinal))
            .Which.Actor.Should().Be(Accounts.EmailFor(Web.Features.Accounts.Roles.Officer));
    }

    [Fact]
    public async Task ASummaryBuiltForOneReader_IsProducedForTheNext_AndAPriorityRecordedSinceIsInIt()
    {
        const string camden = "E09000007", description = "Open an employment advice clinic in Camden's CMHTs";
        var url = $"/api/v1/areas/{camden}/summary?sections=priorities";
        var admin = Accounts.EmailFor(Web.Features.Accounts.Roles.Admin);
        await fixture.Factory.CreateUserAsync(admin, Accounts.PasswordFor(Web.Features.Accounts.Roles.Admin), Web.Features.Accounts.Roles.Admin);
        var adminApi = await fixture.Factory.ApiClientAsync(admin);

        var first = await fixture.OfficerApi.GetFromJsonAsync<JsonElement>(url);
        var second = await adminApi.GetFromJsonAsync<JsonElement>(url);

        first.GetProperty("producedBy").GetString().Should().Be(Accounts.EmailFor(Web.Features.Accounts.Roles.Officer));
        second.GetProperty("producedBy").GetString().Should().Be(admin, "each download is produced for its own reader");
        second.GetProperty("producedUtc").GetDateTime().Should().BeOnOrAfter(first.GetProperty("producedUtc").GetDateTime());
        second.GetProperty("dataVersion").GetInt64().Should().Be(first.GetProperty("dataVersion").GetInt64());

        (await fixture.OfficerApi.PostAsJsonAsync($"/api/v1/areas/{camden}/priorities", new
        {
            domain = 3, action = "new-priority-action", description, owner = "Head of Commissioning", timescale = "short-term", status = "agreed",
        })).EnsureSuccessStatusCode();
        await fixture.Factory.DashboardsCaughtUpAsync();
        var after = await adminApi.GetFromJsonAsync<JsonElement>(url);

        after.GetProperty("dataVersion").GetInt64().Should().BeGreaterThan(second.GetProperty("dataVersion").GetInt64());
        Area(after).GetProperty("priorities").EnumerateArray().Select(p => p.GetProperty("description").GetString()).Should().Contain(description,
            "a summary built for an earlier data version is not given out once a newer one is served");
    }

    [Fact]
    public async Task ManyDownloadsAtOnce_AreEachAnswered_AndEachInTheAuditLogOnce()
    {
        const int downloads = 40;
        var before = DateTime.UtcNow.AddSeconds(-1);
        const string marker = "sections rag-analysis gaps";

        var answers = await Task.WhenAll(Enumerable.Range(0, downloads).Select(_ =>
            fixture.OfficerApi.GetAsync($"/api/v1/areas/{ExportsFixture.Bexley}/summary.csv?sections=gaps,rag-analysis")));

        answers.Should().OnlyContain(a => a.StatusCode == HttpStatusCode.OK);
        var entries = await fixture.Factory.WithDbAsync(db => db.AuditEvents.AsNoTracking()
            .Where(e => e.Action == AuditActions.SummaryExported && e.Target == ExportsFixture.Bexley && e.OccurredUtc >= before).ToListAsync());
        entries.Where(e => e.Details!.StartsWith("CSV", StringComparison.Ordinal) && e.Details.EndsWith(marker, StringComparison.Ordinal))
            .Should().HaveCount(downloads, "every download is audited, once, by the time it is answered");
    }

    [Fact]
    public async Task Xlsx_HeadlinesEqualTheDashboards_StoredAsNumbers_AndNothingIsAFormula()
    {
        var response = await fixture.OfficerApi.GetAsync(HackneySummary + ".xlsx?benchmark=E12000007");
        var profile = await fixture.ViewerApi.GetFromJsonAsync<JsonElement>($"/api/v1/areas/{ExportsFixture.Hackney}/profile?benchmark=E12000007");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.Content.Headers.ContentDisposition!.FileNameStar.Should().Be("hackney-e09000012-needs-summary-vs-london.xlsx");
        var xlsx = await response.Content.ReadAsByteArrayAsync();
        OpenedFiles.XlsxErrors(xlsx).Should().BeEmpty();
        var rows = OpenedFiles.SheetRows(xlsx, "Headlines").ToDictionary(r => (string)r["Indicator key"]!);
        foreach (var indicator in profile.GetProperty("indicators").EnumerateArray())
        {
            var row = rows[indicator.GetProperty("indicator").GetString()!];
            row["Value"].Should().BeOfType<double>().Which.Should().Be(indicator.GetProperty("value").GetDouble());
            row["Compared with London"].Should().Be(indicator.GetProperty("comparison").GetString());
        }
        OpenedFiles.HasFormulas(xlsx).Should().BeFalse();
        OpenedFiles.SheetRows(xlsx, "Priorities").Select(r => (string)r["Description"]!).Should().Contain($"'{ExportsFixture.Formula}");
    }

    [Fact]
    public async Task Docx_HasTheHeadings_TheDashboardsFigures_AndChartsWithAltText()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, HackneySummary);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/vnd.openxmlformats-officedocument.wordprocessingml.document"));
        var response = await fixture.OfficerApi.SendAsync(request);
        var profile = await fixture.ViewerApi.GetFromJsonAsync<JsonElement>($"/api/v1/areas/{ExportsFixture.Hackney}/profile");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentDisposition!.FileNameStar.Should().Be("hackney-e09000012-needs-summary-vs-england.docx");
        var (headings, tables, altTexts, errors) = OpenedFiles.Docx(await response.Content.ReadAsByteArrayAsync());
        errors.Should().BeEmpty();
        headings.Should().Contain(("Heading1", "Hackney"));
        headings.Select(h => h.Text).Should().Contain(["Headline indicators", "Worse than England and getting worse", "Priorities and next steps", "Sources and methods"]);
        var cells = tables.SelectMany(t => t).Select(r => string.Join(" | ", r)).ToList();
        foreach (var indicator in profile.GetProperty("indicators").EnumerateArray())
        {
            var value = indicator.GetProperty("value").GetDouble().ToString("#,0.0", System.Globalization.CultureInfo.InvariantCulture);
            cells.Should().Contain(row => row.Contains(indicator.GetProperty("name").GetString()!, StringComparison.Ordinal)
                && row.Contains(value, StringComparison.Ordinal) && row.Contains(indicator.GetProperty("comparison").GetString()!, StringComparison.Ordinal));
        }
        altTexts.Should().HaveCount(2, "the spine panel and the red-red indicator's trend").And.OnlyContain(a => a.Length > 40);
    }

    [Fact]
    public async Task Pdf_IsTheWordDocumentConvertedOnTheServer()
    {
        var response = await fixture.OfficerApi.GetAsync(HackneySummary + ".pdf");

        response.StatusCode.Should().Be(HttpStatusCode.OK, "the test command installs LibreOffice");
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/pdf");
        response.Content.Headers.ContentDisposition!.FileNameStar.Should().Be("hackney-e09000012-needs-summary-vs-england.pdf");
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        pdf.NumberOfPages.Should().BeInRange(3, 12, "a title page, Hackney's chapter and the sources");
        var text = string.Join(" ", pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
        text.Should().Contain("Hackney").And.Contain("NI173:").And.Contain("Sources");
        pdf.GetPages().Sum(p => p.GetImages().Count()).Should().BeGreaterThanOrEqualTo(2, "both charts come through as images");
    }

    [Fact]
    public async Task Csv_HasEveryValueOfTheSummary_OneRowEach()
    {
        var response = await fixture.OfficerApi.GetAsync(HackneySummary + ".csv");
        var summary = await fixture.OfficerApi.GetFromJsonAsync<JsonElement>(HackneySummary);

        response.Content.Headers.ContentType!.ToString().Should().Be("text/csv; charset=utf-8");
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().StartWith("area_code,area_name,indicator_key,indicator,sex,age,period,");
        lines.Length.Should().Be(1 + Area(summary).GetProperty("values").GetArrayLength());
        lines.Count(l => l.Contains(ExportsFixture.Ni173, StringComparison.Ordinal)).Should().Be(5);
    }

    private static JsonElement Area(JsonElement summary) => summary.GetProperty("areas")[0];
}

public sealed class SummaryApiTestsOnSqlite(SqliteExportsFixture fixture) : SummaryApiTests(fixture), IClassFixture<SqliteExportsFixture>;

public sealed class SummaryApiTestsOnPostgres(PostgresExportsFixture fixture) : SummaryApiTests(fixture), IClassFixture<PostgresExportsFixture>;
