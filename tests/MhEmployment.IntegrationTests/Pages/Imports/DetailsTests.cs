using System.Net;
using AngleSharp.Html.Dom;
using MhEmployment.IntegrationTests.Imports;
using MhEmployment.IntegrationTests.Infrastructure;
using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace MhEmployment.IntegrationTests.Pages.Imports;

/// <summary>An import's page: what it says about the file, what it offers to do next, and for whom.</summary>
public abstract class DetailsTests(AppFixture fixture) : IDisposable
{
    private readonly HttpClient _analyst = fixture.PageClient(Roles.Analyst);
    private readonly HttpClient _admin = fixture.PageClient(Roles.Admin);
    private readonly HttpClient _api = fixture.ApiClient(Roles.Analyst);
    private readonly string _folder = Directory.CreateTempSubdirectory("mhe-import-pages-").FullName;

    public void Dispose()
    {
        Directory.Delete(_folder, recursive: true);
        GC.SuppressFinalize(this);
    }

    private async Task<string> ValidatedAsync(string path, string? mapping = null)
    {
        var import = await _api.UploadAndValidateAsync(path, mapping: mapping);
        return $"/imports/{import.GetProperty("id").GetInt32()}";
    }

    [Fact]
    public async Task UnmatchedSeries_SayWhatIsWrong_NotReadyToCommit_AndOfferNoCommit()
    {
        var details = await ValidatedAsync(await GeneratedImports.UnmatchedNomisAsync(_folder, "unmatched.csv"));

        var (_, page) = await _analyst.GetPageAsync(details);

        page.QuerySelector("#import-status")!.Text().Should().Be("Series to match");
        page.QuerySelector("#commit-blocker")!.Text().Should().Contain("not matched to the catalogue");
        page.QuerySelector("form[action*='handler=Commit']").Should().BeNull();
    }

    [Fact]
    public async Task AFileOfWhichNothingMatched_SaysNothingToCommit_AndOffersNoCommit()
    {
        var details = await ValidatedAsync(await GeneratedImports.UnmatchedNomisAsync(_folder, "skipped.csv"), mapping: """{"*":"skip"}""");

        var (_, page) = await _analyst.GetPageAsync(details);

        page.QuerySelector("#import-status")!.Text().Should().Be("Nothing to commit");
        page.QuerySelector("#commit-blocker")!.Text().Should().Contain("Nothing in this file can be committed");
        page.QuerySelector("form[action*='handler=Commit']").Should().BeNull();
        (await _analyst.GetPageAsync("/imports")).Document.QuerySelector($"a[href='{details}']")!.ParentElement!.ParentElement!.Text()
            .Should().Contain("Nothing to commit", "the history says it too");
    }

    [Fact]
    public async Task OneRowAndOneError_AreCountedInTheSingular()
    {
        var path = await GeneratedImports.TemplateAsync(_folder, "one-of-each.csv", GeneratedImports.TemplateHeader,
            "depression-qof-prevalence,E10000006,2038/39,2038-04-01,2039-03-31,Persons,18+ yrs,12.5",
            "depression-qof-prevalence,E09999999,2038/39,2038-04-01,2039-03-31,Persons,18+ yrs,12.5");
        var details = await ValidatedAsync(path);

        var (_, page) = await _analyst.GetPageAsync(details);

        page.QuerySelectorAll("ul.notes li").Should().ContainSingle().Which.Text().Should().EndWith(": 1 row");
        page.QuerySelector("#commit-blocker")!.Text().Should().Contain("The file has 1 error.");
        page.Body!.TextContent.Should().NotContain("1 rows").And.NotContain("1 errors").And.NotContain("(s)");
    }

    [Fact]
    public async Task ARecodedArea_IsCalledRecoded_AndAnAbolishedOneAbolished()
    {
        var path = await GeneratedImports.TemplateAsync(_folder, "old-codes.csv", GeneratedImports.TemplateHeader,
            "depression-qof-prevalence,E08000016,2020/21,2020-04-01,2021-03-31,Persons,18+ yrs,12.5",
            "depression-qof-prevalence,E10000006,2020/21,2020-04-01,2021-03-31,Persons,18+ yrs,11.5");
        var details = await ValidatedAsync(path);

        var (_, page) = await _analyst.GetPageAsync(details);

        var notes = page.QuerySelectorAll("ul.notes li").Select(li => li.Text()).ToList();
        notes.Single(n => n.Contains("Barnsley", StringComparison.Ordinal)).Should()
            .Contain("recoded").And.Contain("E08000038").And.Contain("1 April 2025").And.NotContain("abolished");
        notes.Single(n => n.Contains("Cumbria", StringComparison.Ordinal)).Should().Contain("abolished on 1 April 2023");
    }

    [Fact]
    public async Task ManyNewIndicators_AreCommittedOnlyWithTheCheckboxTicked()
    {
        var (path, firstId) = await GeneratedImports.FingertipsAsync(_folder, "six.csv", 6);
        var details = await ValidatedAsync(path);
        var (_, page) = await _analyst.GetPageAsync(details);
        page.QuerySelector("label[for=ConfirmNewIndicators]")!.Text().Should().Be("Add these 6 new indicators to the catalogue");

        var unticked = await _analyst.SubmitFormAsync(details, [], "form[action*='handler=Commit']");

        unticked.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var error = (await Html.ParseAsync(unticked)).QuerySelector(".error-summary a")!;
        error.GetAttribute("href").Should().Be("#ConfirmNewIndicators");
        error.Text().Should().Contain("adds 6 new indicators");
        (await fixture.Factory.WithDbAsync(db => db.Indicators.CountAsync(i => i.FingertipsId >= firstId && i.FingertipsId < firstId + 6))).Should().Be(0);

        var ticked = await _analyst.SubmitFormAsync(details, new() { ["ConfirmNewIndicators"] = "true" }, "form[action*='handler=Commit']");

        ticked.StatusCode.Should().Be(HttpStatusCode.Redirect);
        await _analyst.WaitForStatusAsync(details, "Committed");
        (await fixture.Factory.WithDbAsync(db => db.Indicators.CountAsync(i => i.FingertipsId >= firstId && i.FingertipsId < firstId + 6))).Should().Be(6);
    }

    /// <summary>
    /// Why an Admin's "check again" and "save choices" answered 400 just after an Analyst's: both had the page open;
    /// the Analyst's post sent the import back to validation, and the Admin's, arriving while it ran, was refused as
    /// "not waiting for commit". Not antiforgery (each client posts its own token) nor roles (both may analyse).
    /// </summary>
    [Fact]
    public async Task CheckAgainAndSaveChoices_ByAnAdminRightAfterAnAnalyst_AreBothAccepted()
    {
        var details = await ValidatedAsync(await GeneratedImports.UnmatchedNomisAsync(_folder, "both-roles.csv"));
        var id = int.Parse(details.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        var analystPage = (await _analyst.GetPageAsync(details)).Document;
        var adminPage = (await _admin.GetPageAsync(details)).Document;
        var choice = new Dictionary<string, string> { ["Choices[0].Value"] = "ni151-employment-rate" };

        var analystMap = await _analyst.SubmitAsync(Form(analystPage, "Map"), choice, details);
        await StillValidatingAsync(id);
        var adminMap = await _admin.SubmitAsync(Form(adminPage, "Map"), choice, details);

        analystMap.StatusCode.Should().Be(HttpStatusCode.Redirect);
        adminMap.StatusCode.Should().Be(HttpStatusCode.Redirect, "the Admin's choices are kept and checked after the Analyst's");
        var mapped = await _analyst.WaitForStatusAsync(details, "Ready to commit");
        mapped.QuerySelector("table[aria-labelledby=series] tbody tr a[href='/indicators/ni151-employment-rate']").Should().NotBeNull();

        analystPage = (await _analyst.GetPageAsync(details)).Document;
        adminPage = (await _admin.GetPageAsync(details)).Document;
        var analystCheck = await _analyst.SubmitAsync(Form(analystPage, "Revalidate"), [], details);
        await StillValidatingAsync(id);
        var adminCheck = await _admin.SubmitAsync(Form(adminPage, "Revalidate"), [], details);

        analystCheck.StatusCode.Should().Be(HttpStatusCode.Redirect);
        adminCheck.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var (_, flashed) = await _admin.GetPageAsync(adminCheck.Headers.Location!.OriginalString);
        flashed.QuerySelector(".flash")!.Text().Should().Contain("already being checked again");
    }

    private static IHtmlFormElement Form(AngleSharp.Dom.IDocument page, string handler) =>
        (IHtmlFormElement)page.QuerySelector($"form[action*='handler={handler}']")!;

    /// <summary>
    /// The Analyst's validation may already have finished on a fast machine: the import is put back as it is while one
    /// runs, on some instance whose lease has a few seconds left (after which it is taken for stopped, and what was
    /// queued behind it runs).
    /// </summary>
    private async Task StillValidatingAsync(int id)
    {
        await _api.WaitForAsync(id, "ready");
        await fixture.Factory.WithDbAsync(async db =>
        {
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (await db.ImportJobs.AnyAsync(j => j.ImportId == id) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }
            await db.Imports.Where(i => i.Id == id).ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, ImportStatus.Validating));
            db.ImportJobs.Add(new ImportJob
            {
                ImportId = id, Kind = ImportJobKind.Validate, QueuedUtc = DateTime.UtcNow, Owner = "another instance", LeaseExpiresUtc = DateTime.UtcNow.AddSeconds(3),
            });
            return await db.SaveChangesAsync();
        });
    }
}

[Collection(SqliteCollection.Name)]
public sealed class DetailsOnSqlite(SqliteAppFixture fixture) : DetailsTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class DetailsOnPostgres(PostgresAppFixture fixture) : DetailsTests(fixture);
