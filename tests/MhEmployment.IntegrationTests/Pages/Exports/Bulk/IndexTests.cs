using System.Net;
using MhEmployment.IntegrationTests.Infrastructure;
using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Accounts;
using MhEmployment.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace MhEmployment.IntegrationTests.Pages.Exports.Bulk;

/// <summary>The bulk export form (/exports/bulk): what it offers, what it refuses, and who may use it.</summary>
public abstract class IndexTests(AppFixture fixture)
{
    private readonly HttpClient _officer = fixture.PageClient(Roles.Officer);

    [Fact]
    public async Task Form_OffersEveryRegionAndFormat_WithPdfWhereLibreOfficeIsInstalled()
    {
        var (response, page) = await _officer.GetPageAsync("/exports/bulk");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        page.QuerySelectorAll("#Form_Region option[value^=E12]").Select(o => o.Text()).Should().HaveCount(9).And.Contain(["London", "North East"]);
        page.QuerySelectorAll("input[name='Form.Format']").Select(i => i.GetAttribute("value")).Should().Equal("docx", "xlsx", "csv", "pdf");
        page.QuerySelector("#format-pdf")!.HasAttribute("disabled").Should().BeFalse("scripts/test.sh installs LibreOffice");
        page.QuerySelector("label[for=format-pdf]")!.Text().Should().Be("PDF");
        page.QuerySelector("#benchmark-england")!.HasAttribute("checked").Should().BeTrue();
        page.QuerySelectorAll("input[name='Form.Sections']").Should().HaveCount(9).And.OnlyContain(i => i.HasAttribute("checked"));
        page.QuerySelector("#Form_Scheme option[selected]")!.Text().Should().Be(WeightingScheme.DefaultName);
    }

    [Fact]
    public async Task Request_WithMistakes_RerendersWith400_AndAnErrorSummaryLinkedToEachField_AndQueuesNothing()
    {
        var before = await fixture.Factory.WithDbAsync(db => db.ExportJobs.CountAsync());

        var response = await _officer.SubmitFormAsync("/exports/bulk",
            new() { ["Form.Region"] = "E99999999", ["Form.Format"] = "exe", ["Form.Benchmark"] = "england", ["Form.Sections"] = "" });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var page = await Html.ParseAsync(response);
        var links = page.QuerySelectorAll(".error-summary a").ToDictionary(a => a.GetAttribute("href")!, a => a.Text());
        links.Should().BeEquivalentTo(new Dictionary<string, string>
        {
            ["#Form_Region"] = "'E99999999' is not an English region's code; choose a region from the list.",
            ["#Form_Format"] = "'exe' is not a format of the export; choose Word, Excel, CSV or PDF.",
            ["#Form_Sections"] = "Choose at least one section.",
        });
        links.Keys.Should().OnlyContain(href => page.QuerySelector(href) != null, "each link leads to its field");
        page.QuerySelector("#Form_Region-error")!.Text().Should().Contain("E99999999");
        (await fixture.Factory.WithDbAsync(db => db.ExportJobs.CountAsync())).Should().Be(before);
    }

    [Fact]
    public async Task Request_QueuesTheExport_RecordsItInTheAuditLog_AndListsItAmongTheOfficersExports()
    {
        var id = await _officer.RequestAsync(BulkExportPages.EastMidlands, "csv", benchmark: "region");

        var job = await fixture.Factory.WithDbAsync(db => db.ExportJobs.AsNoTracking().SingleAsync(j => j.Id == id));
        job.Should().BeEquivalentTo(new
        {
            RegionCode = BulkExportPages.EastMidlands, RegionName = "East Midlands", Benchmark = BulkExportPages.EastMidlands, Scheme = WeightingScheme.DefaultName,
            Sections = "headlines,narrative,spine-chart,key-charts,red-red,assets,rag-analysis,gaps,priorities", RequestedBy = Accounts.EmailFor(Roles.Officer),
        });
        job.ExpiresUtc.Should().BeCloseTo(job.CreatedUtc.AddDays(1), TimeSpan.FromSeconds(1));
        var audit = await fixture.Factory.WithDbAsync(db => db.AuditEvents.AsNoTracking()
            .SingleAsync(e => e.Action == AuditActions.BulkExportRequested && e.Target == $"export {id}"));
        audit.Actor.Should().Be(Accounts.EmailFor(Roles.Officer));
        audit.Details.Should().Be("East Midlands (E12000004) as CSV against East Midlands, scheme Default, sections " + job.Sections);
        var (_, list) = await _officer.GetPageAsync("/exports/bulk");
        list.QuerySelectorAll("table[aria-labelledby=recent] a").Select(a => a.GetAttribute("href")).Should().Contain($"/exports/bulk/{id}");
        var (_, admins) = await fixture.PageClient(Roles.Admin).GetPageAsync("/exports/bulk");
        admins.QuerySelectorAll("table[aria-labelledby=recent] a").Select(a => a.GetAttribute("href")).Should().NotContain($"/exports/bulk/{id}", "the list is each person's own");
    }

    [Theory]
    [InlineData(Roles.Viewer)]
    [InlineData(Roles.Analyst)]
    public async Task Pages_AreForbidden_ToViewersAndAnalysts(string role)
    {
        var client = fixture.PageClient(role);

        foreach (var url in new[] { "/exports/bulk", "/exports/bulk/1", "/exports/bulk/1?handler=Download" })
        {
            var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            response.StatusCode.Should().Be(HttpStatusCode.Redirect, url);
            response.Headers.Location!.OriginalString.Should().Contain("/Account/AccessDenied");
            (await client.GetAsync(response.Headers.Location)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        }
        var post = await client.PostAsync(new Uri("/exports/bulk", UriKind.Relative), new FormUrlEncodedContent([new("Form.Region", BulkExportPages.London)]));
        post.Headers.Location!.OriginalString.Should().Contain("/Account/AccessDenied");
    }

    [Fact]
    public async Task WithoutLibreOffice_ThePdfChoiceSaysWhatToInstall_AndEverythingElseWorks()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-libreoffice-here", "soffice");
        await using var factory = await AppFactory.CreateAsync(fixture.Factory.Provider, new Dictionary<string, string> { ["Exports:LibreOffice"] = missing });
        factory.StartServer();
        await factory.CreateUserAsync(Accounts.EmailFor(Roles.Officer), Accounts.PasswordFor(Roles.Officer), Roles.Officer);
        var officer = await factory.SignedInClientAsync(Accounts.EmailFor(Roles.Officer), Accounts.PasswordFor(Roles.Officer));

        var (_, page) = await officer.GetPageAsync("/exports/bulk");

        page.QuerySelector("#format-pdf")!.HasAttribute("disabled").Should().BeTrue();
        page.QuerySelector("#format-pdf-hint")!.Text().Should().Contain("apt-get install libreoffice-writer-nogui").And.Contain(missing);
        page.QuerySelector("#format-pdf")!.GetAttribute("aria-describedby").Should().Be("format-pdf-hint");
        var refused = await officer.SubmitFormAsync("/exports/bulk", new() { ["Form.Region"] = BulkExportPages.London, ["Form.Format"] = "pdf", ["Form.Benchmark"] = "england" });
        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await Html.ParseAsync(refused)).QuerySelector("#Form_Format-error")!.Text().Should().StartWith("PDF is not available on this server.");
        (await officer.RequestAsync(BulkExportPages.London, "docx")).Should().BePositive();
    }
}

[Collection(SqliteCollection.Name)]
public sealed class IndexTestsOnSqlite(SqliteAppFixture fixture) : IndexTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class IndexTestsOnPostgres(PostgresAppFixture fixture) : IndexTests(fixture);
