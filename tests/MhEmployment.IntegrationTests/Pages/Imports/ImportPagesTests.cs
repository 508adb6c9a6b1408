using System.Net;
using MhEmployment.IntegrationTests.Infrastructure;
using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Accounts;
using MhEmployment.Web.Features.Imports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MhEmployment.IntegrationTests.Pages.Imports;

public abstract class ImportPagesTests(AppFixture fixture)
{
    private readonly HttpClient _analyst = fixture.PageClient(Roles.Analyst);

    [Fact]
    public async Task Analyst_UploadsPreviewsCommitsAndUndoes_ThroughThePages()
    {
        var upload = await _analyst.UploadThroughThePageAsync(await File.ReadAllBytesAsync(ImportClient.Sample("fingertips-unmet-alcohol-need.csv")), $"alcohol-{Guid.NewGuid():N}.csv");

        upload.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var details = upload.Headers.Location!.OriginalString;
        var preview = await _analyst.WaitForStatusAsync(details, "Ready to commit");
        preview.QuerySelector("h1")!.Text().Should().StartWith("alcohol-");
        preview.QuerySelector("#count-errors")!.Text().Should().Be("0");
        preview.QuerySelectorAll("table[aria-labelledby=series] tbody tr").Should().ContainSingle()
            .Which.Text().Should().Contain("Proportion of dependent drinkers not in treatment");

        var commit = await _analyst.SubmitFormAsync(details, [], "form[action*='handler=Commit']");
        commit.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var committed = await _analyst.WaitForStatusAsync(details, "Committed");
        // New here, or unchanged where another test of this app committed the same file first: all 17 are there.
        (int.Parse(committed.QuerySelector("#count-new")!.Text(), System.Globalization.CultureInfo.InvariantCulture)
            + int.Parse(committed.QuerySelector("#count-unchanged")!.Text(), System.Globalization.CultureInfo.InvariantCulture)).Should().Be(17);

        var (_, indicator) = await _analyst.GetPageAsync("/indicators/fingertips-93532");
        indicator.QuerySelectorAll("table[aria-labelledby=values] tbody tr").Should().NotBeEmpty();
        indicator.QuerySelector(".notice")!.Text().Should().Contain("added from an imported file");

        var undo = await _analyst.SubmitFormAsync($"{details}/undo", []);
        undo.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await _analyst.WaitForStatusAsync(details, "Undone")).Should().NotBeNull();
    }

    [Fact]
    public async Task UploadPage_RefusesABinaryFile_WithTheReasonBesideTheField()
    {
        var response = await _analyst.UploadThroughThePageAsync([0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x34, 0x0A, 0x00, 0x01, 0x02], "report.csv");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var error = (await Html.ParseAsync(response)).QuerySelector(".error-summary a")!;
        error.GetAttribute("href").Should().Be("#Input_File");
        error.Text().Should().Contain("report.csv");
    }

    [Fact]
    public async Task AnInterruptedOnePassCommit_IsCommittedAgainFromItsPage_WhichChecksTheFileAgain()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory().FullName, "interrupted.csv");
        await File.WriteAllTextAsync(path, "indicator_key,area_code,period_label,period_start,period_end,sex,age_band,value\n" +
            "iapt-access,E09000001,2031/32,2031-04-01,2032-03-31,Persons,18+ yrs,5\n" +
            "iapt-access,E09000002,2031/32,2031-04-01,2032-03-31,Persons,18+ yrs,6\n");
        int id;
        await using (var scope = fixture.Factory.Services.CreateAsyncScope())
        {
            await using var content = File.OpenRead(path);
            var upload = await scope.ServiceProvider.GetRequiredService<ImportUploads>()
                .UploadAsync(content, "interrupted.csv", null, null, "test", CancellationToken.None, validateInBackground: false);
            id = upload.Import!.Id;
        }
        // As 'import --commit' killed in the middle of its pass leaves an import, once the next start has marked it.
        await fixture.Factory.WithDbAsync(async db =>
        {
            var import = await db.Imports.SingleAsync(i => i.Id == id);
            (import.Status, import.CommitWhenValid, import.ValidationComplete) = (ImportStatus.Interrupted, true, false);
            import.Message = "The app stopped while committing this import. Nothing of it was written; commit it again.";
            db.ImportJobs.RemoveRange(db.ImportJobs.Where(j => j.ImportId == id)); // the killed instance's job, released by the mark
            return await db.SaveChangesAsync();
        });
        var details = $"/imports/{id}";

        var (_, interrupted) = await _analyst.GetPageAsync(details);
        interrupted.QuerySelector("form[action*='handler=Commit']")!.Text().Should().Contain("checks the file again");
        var commit = await _analyst.SubmitFormAsync(details, [], "form[action*='handler=Commit']");

        commit.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var committed = await _analyst.WaitForStatusAsync(details, "Committed");
        committed.QuerySelector("#count-new")!.Text().Should().Be("2");
    }

    [Fact]
    public async Task IssuesDownload_ListsEveryProblemAsCsv()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory().FullName, "two-bad-areas.csv");
        await File.WriteAllTextAsync(path, "indicator_key,area_code,period_label,period_start,period_end,sex,age_band,value\n" +
            "iapt-access,E09999998,2032/33,2032-04-01,2033-03-31,Persons,18+ yrs,5\n" +
            "iapt-access,E09999999,2032/33,2032-04-01,2033-03-31,Persons,18+ yrs,6\n");
        var import = await fixture.ApiClient(Roles.Analyst).UploadAndValidateAsync(path);

        var csv = await _analyst.GetStringAsync($"/imports/{import.GetProperty("id").GetInt32()}?handler=Issues");

        csv.Should().StartWith("line,column,value,rule,severity,message").And.Contain("2,area,E09999998,unknown-area,error").And.Contain("3,area,E09999999,unknown-area,error");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ImportPagesOnSqlite(SqliteAppFixture fixture) : ImportPagesTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class ImportPagesOnPostgres(PostgresAppFixture fixture) : ImportPagesTests(fixture);
