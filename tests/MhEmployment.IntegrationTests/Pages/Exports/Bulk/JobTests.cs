using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using MhEmployment.IntegrationTests.Infrastructure;
using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Accounts;
using MhEmployment.Web.Features.Audit;
using MhEmployment.Web.Features.Exports;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MhEmployment.IntegrationTests.Pages.Exports.Bulk;

/// <summary>A bulk export's page (/exports/bulk/{id}): progress, cancelling, the zip, and its removal after a day.</summary>
public abstract class JobTests(AppFixture fixture)
{
    private readonly HttpClient _officer = fixture.PageClient(Roles.Officer);

    [Theory]
    [InlineData("docx")]
    [InlineData("xlsx")]
    [InlineData("csv")]
    public async Task Export_OfARegion_ZipsOneValidFilePerBorough_AndTheDownloadIsAudited(string format)
    {
        var boroughs = await fixture.Factory.BoroughsAsync(BulkExportPages.EastMidlands);
        boroughs.Should().HaveCountGreaterThan(5);

        var id = await _officer.RequestAsync(BulkExportPages.EastMidlands, format);
        var done = await _officer.WatchAsync(id, v => v.StatusText != "Queued" && v.StatusText != "Running");

        done.StatusText.Should().Be("Ready to download", done.ProgressText);
        done.ProgressText.Should().Be($"All {boroughs.Count} boroughs done.");
        done.RefreshesItself.Should().BeFalse("a finished export's page stays still");
        done.Page.QuerySelector("form[action*=Cancel]").Should().BeNull();
        done.Page.Body!.Text().Should().Contain("Kept until");
        var response = await _officer.GetAsync(new Uri(done.DownloadLink!, UriKind.Relative));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/zip");
        response.Content.Headers.ContentDisposition!.FileNameStar.Should().Be($"east-midlands-needs-summaries-{format}-vs-england.zip");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        response.Content.Headers.ContentLength.Should().Be(bytes.Length);
        using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        zip.Entries.Select(e => e.Name).Should().OnlyHaveUniqueItems().And.HaveCount(boroughs.Count);
        foreach (var borough in boroughs)
        {
            var entry = zip.Entries.Should().ContainSingle(e => e.Name.Contains(borough.Code.ToLowerInvariant(), StringComparison.Ordinal)
                && e.Name.EndsWith("." + format, StringComparison.Ordinal), borough.Name).Subject;
            ShouldBeValid(entry, format, borough);
        }
        var downloads = await fixture.Factory.WithDbAsync(db => db.AuditEvents.AsNoTracking()
            .Where(e => e.Action == AuditActions.BulkExportDownloaded && e.Target == $"export {id}").ToListAsync());
        downloads.Should().ContainSingle().Which.Actor.Should().Be(Accounts.EmailFor(Roles.Officer));
    }

    [Fact]
    public async Task Export_WhileRunning_ShowsItsProgressAdvancing_AndCancellingStopsIt_WithNoZip()
    {
        var london = (await fixture.Factory.BoroughsAsync(BulkExportPages.London)).Count;
        london.Should().Be(33);
        // A PDF takes LibreOffice seconds a borough, so the export is watched well before its end.
        var id = await _officer.RequestAsync(BulkExportPages.London, "pdf");

        var first = await _officer.WatchAsync(id, v => v.StatusText == "Running" && v.ProgressBar is not null && v.Max == london);
        var later = await _officer.WatchAsync(id, v => v.Done > first.Done, TimeSpan.FromSeconds(90));
        later.StatusText.Should().Be("Running");
        later.RefreshesItself.Should().BeTrue("without JavaScript the page reloads itself while the export runs");
        // PDFs are made eight boroughs at a time: the Word files one by one, then one LibreOffice run.
        later.Done.Should().Be(first.Done + 8);
        later.ProgressText.Should().MatchRegex($@"^{later.Done} of 33 boroughs: now ([A-Z][\w ,&-]+|the PDFs of [A-Z][\w ,&-]+ to [A-Z][\w ,&-]+)$");
        // With JavaScript the page's script reads the same progress and updates the bar in place.
        var status = await _officer.GetFromJsonAsync<JsonElement>(later.Page.QuerySelector("[data-job-status]")!.GetAttribute("data-job-status"));
        status.GetProperty("running").GetBoolean().Should().BeTrue();
        status.GetProperty("total").GetInt32().Should().Be(33);
        status.GetProperty("done").GetInt32().Should().BeGreaterThanOrEqualTo(later.Done);
        status.GetProperty("progress").GetString().Should().MatchRegex(@"^\d+ of 33 boroughs: now ");
        var cancel = later.Page.QuerySelector("form[action*=Cancel]") as AngleSharp.Html.Dom.IHtmlFormElement;
        cancel.Should().NotBeNull();
        var cancelled = await _officer.SubmitAsync(cancel!, [], $"/exports/bulk/{id}");
        cancelled.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var (_, afterCancel) = await _officer.GetPageAsync(cancelled.Headers.Location!.OriginalString);
        afterCancel.QuerySelector(".flash")!.Text().Should().StartWith("Export cancelled.");

        var end = await _officer.WatchAsync(id, v => v.StatusText == "Cancelled", TimeSpan.FromSeconds(90));
        end.DownloadLink.Should().BeNull();
        end.ProgressText.Should().MatchRegex(@"^Cancelled after \d+ of 33 boroughs\.$");
        var job = await fixture.Factory.WithDbAsync(db => db.ExportJobs.AsNoTracking().SingleAsync(j => j.Id == id));
        job.Done.Should().BeLessThan(33);
        (await fixture.Factory.WithDbAsync(db => db.ExportJobChunks.CountAsync(c => c.JobId == id))).Should().Be(0);
        (await _officer.GetAsync(new Uri($"/exports/bulk/{id}?handler=Download", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await fixture.Factory.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == AuditActions.BulkExportCancelled && e.Target == $"export {id}"))).Should().Be(1);
    }

    [Fact]
    public async Task ExpiredExport_IsRemovedWithItsZip()
    {
        var id = await AddFinishedJobAsync(Roles.Officer, expires: DateTime.UtcNow.AddMinutes(-1));

        fixture.Factory.WakeWorker();

        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (await fixture.Factory.WithDbAsync(db => db.ExportJobs.AnyAsync(j => j.Id == id)))
        {
            clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(30), "the worker removes expired exports");
            await Task.Delay(100);
        }
        (await fixture.Factory.WithDbAsync(db => db.ExportJobChunks.CountAsync(c => c.JobId == id))).Should().Be(0);
        (await _officer.JobAsync(id)).Status.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ExportLeftRunningByAStoppedApp_IsMarkedFailed_AndOfferedAgain()
    {
        var id = await AddFinishedJobAsync(Roles.Officer, expires: DateTime.UtcNow.AddHours(1), ExportJobStatus.Running);
        await fixture.Factory.WithDbAsync(db => db.ExportJobs.Where(j => j.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.Done, 4).SetProperty(j => j.HeartbeatUtc, DateTime.UtcNow.AddHours(-1))));

        fixture.Factory.WakeWorker();

        var failed = await _officer.WatchAsync(id, v => v.StatusText != "Running", TimeSpan.FromSeconds(30));
        failed.StatusText.Should().Be("Failed");
        failed.ProgressText.Should().Be("Failed: The app stopped while making this export. Ask for it again.");
        failed.DownloadLink.Should().BeNull();
        failed.Page.QuerySelector("a[href='/exports/bulk?region=E12000007']")!.Text().Should().Be("Ask for it again");
    }

    [Fact]
    public async Task AnothersExport_IsNotFound_ButAnAdminSeesAndServesIt()
    {
        var id = await AddFinishedJobAsync(Roles.Admin, expires: DateTime.UtcNow.AddHours(1));
        var mine = await AddFinishedJobAsync(Roles.Officer, expires: DateTime.UtcNow.AddHours(1));

        (await _officer.JobAsync(id)).Status.Should().Be(HttpStatusCode.NotFound);
        (await _officer.GetAsync(new Uri($"/exports/bulk/{id}?handler=Download", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var admin = fixture.PageClient(Roles.Admin);
        var view = await admin.JobAsync(mine);
        view.StatusText.Should().Be("Ready to download");
        var download = await admin.GetAsync(new Uri(view.DownloadLink!, UriKind.Relative));
        (await download.Content.ReadAsByteArrayAsync()).Should().Equal(StoredZip);
    }

    /// <summary>Bytes of two pieces, to show a download puts the pieces back together in order.</summary>
    private static readonly byte[] StoredZip = [.. Enumerable.Range(0, ExportJobChunk.Size + 10).Select(i => (byte)(i % 251))];

    /// <summary>A job as the worker leaves it (with its zip when done), added straight to the database.</summary>
    private async Task<int> AddFinishedJobAsync(string role, DateTime expires, ExportJobStatus status = ExportJobStatus.Done)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(Accounts.EmailFor(role));
        return await fixture.Factory.WithDbAsync(async db =>
        {
            var job = new ExportJob
            {
                RegionCode = BulkExportPages.London, RegionName = "London", Format = ExportFormat.Csv, Benchmark = "E92000001", Scheme = "Default",
                Sections = "headlines", RequestedBy = user!.Email!, RequestedByUserId = user.Id, Status = status, Done = 33, Total = 33,
                CreatedUtc = expires.AddDays(-1), FinishedUtc = expires.AddDays(-1), ExpiresUtc = expires, FileName = "london.zip", ZipBytes = StoredZip.Length,
            };
            db.ExportJobs.Add(job);
            await db.SaveChangesAsync();
            if (status == ExportJobStatus.Done)
            {
                db.ExportJobChunks.Add(new ExportJobChunk { JobId = job.Id, Index = 0, Bytes = StoredZip[..ExportJobChunk.Size] });
                db.ExportJobChunks.Add(new ExportJobChunk { JobId = job.Id, Index = 1, Bytes = StoredZip[ExportJobChunk.Size..] });
                await db.SaveChangesAsync();
            }
            return job.Id;
        });
    }

    private static void ShouldBeValid(ZipArchiveEntry entry, string format, Area borough)
    {
        using var content = new MemoryStream();
        using (var stream = entry.Open())
        {
            stream.CopyTo(content);
        }
        content.Position = 0;
        switch (format)
        {
            case "docx":
                using (var document = WordprocessingDocument.Open(content, false))
                {
                    document.MainDocumentPart!.Document.Body!.InnerText.Should().Contain(borough.Name);
                }
                break;
            case "xlsx":
                using (var workbook = SpreadsheetDocument.Open(content, false))
                {
                    workbook.WorkbookPart!.WorksheetParts.Should().NotBeEmpty(entry.Name);
                    workbook.WorkbookPart.SharedStringTablePart!.SharedStringTable.InnerText.Should().Contain(borough.Name);
                }
                break;
            default:
                var rows = Csv.Parse(Encoding.UTF8.GetString(content.ToArray()).TrimStart('\uFEFF'));
                rows.Should().NotBeEmpty(entry.Name);
                rows[0].Should().Contain("area_code", "the file starts with its header");
                rows.Should().OnlyContain(r => r.Count == rows[0].Count, "every row of {0} has the header's columns", entry.Name);
                break;
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class JobTestsOnSqlite(SqliteAppFixture fixture) : JobTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class JobTestsOnPostgres(PostgresAppFixture fixture) : JobTests(fixture);
