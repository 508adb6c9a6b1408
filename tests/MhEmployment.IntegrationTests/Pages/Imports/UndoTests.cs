using System.Net;
using MhEmployment.IntegrationTests.Imports;
using MhEmployment.IntegrationTests.Infrastructure;
using MhEmployment.Web.Features.Accounts;

namespace MhEmployment.IntegrationTests.Pages.Imports;

/// <summary>Undo asks first, on a page of its own that works without JavaScript: what it takes away and puts back.</summary>
public abstract class UndoTests(AppFixture fixture) : IDisposable
{
    private readonly HttpClient _analyst = fixture.PageClient(Roles.Analyst);
    private readonly HttpClient _api = fixture.ApiClient(Roles.Analyst);
    private readonly string _folder = Directory.CreateTempSubdirectory("mhe-undo-pages-").FullName;

    public void Dispose()
    {
        Directory.Delete(_folder, recursive: true);
        GC.SuppressFinalize(this);
    }

    private async Task<int> CommittedAsync(string name, double value)
    {
        var path = await GeneratedImports.TemplateAsync(_folder, name, GeneratedImports.TemplateHeader,
            $"depression-qof-prevalence,E09000025,2039/40,2039-04-01,2040-03-31,Persons,18+ yrs,{value}",
            $"depression-qof-prevalence,E09000026,2039/40,2039-04-01,2040-03-31,Persons,18+ yrs,{value}");
        var import = await _api.UploadAndValidateAsync(path);
        var committed = await _api.CommitAsync(import.GetProperty("id").GetInt32());
        committed.GetProperty("status").GetString().Should().Be("committed", committed.ToString());
        return import.GetProperty("id").GetInt32();
    }

    [Fact]
    public async Task Undo_AsksForConfirmationSayingWhatItDoes_ThenUndoes()
    {
        var id = await CommittedAsync("to-undo.csv", 12.5);
        var details = $"/imports/{id}";
        var (_, page) = await _analyst.GetPageAsync(details);
        page.QuerySelector("form[action*='handler=Undo']").Should().BeNull("nothing is undone in one click");
        page.QuerySelector($"a[href='{details}/undo']")!.Text().Should().Be("Undo this import");

        var (response, confirmation) = await _analyst.GetPageAsync($"{details}/undo");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        confirmation.QuerySelector("h1")!.Text().Should().Be("Undo to-undo.csv?");
        confirmation.QuerySelector("#undo-effects")!.Text().Should().Contain("removes the 2 values it added");
        confirmation.QuerySelector($"form a.cancel-link[href='{details}']")!.Text().Should().Be("No, keep it");

        var undone = await _analyst.SubmitFormAsync($"{details}/undo", []);

        undone.StatusCode.Should().Be(HttpStatusCode.Redirect);
        undone.Headers.Location!.OriginalString.Should().Be(details);
        (await _analyst.WaitForStatusAsync(details, "Undone")).QuerySelector(".flash")!.Text().Should().StartWith("Undone");
        (await _api.ValuesAsync("indicator=depression-qof-prevalence&from=2039-04-01")).Should().NotContain(v => v.GetProperty("importId").GetInt32() == id);
    }

    [Fact]
    public async Task Undo_OfAnImportWhoseValuesALaterOneReplaced_SaysWhichToUndoFirst_AndOffersNoButton()
    {
        var earlier = await CommittedAsync("earlier.csv", 10.5);
        var later = await CommittedAsync("later.csv", 11.5);

        var (_, page) = await _analyst.GetPageAsync($"/imports/{earlier}/undo");

        page.QuerySelector("#undo-blocker")!.Text().Should().Be($"Later import #{later} replaced some of these values; undo it first.");
        page.QuerySelector("main form[method=post]").Should().BeNull();
        (await _api.PostAsync(new Uri($"/api/v1/imports/{later}/undo", UriKind.Relative), null)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await _api.PostAsync(new Uri($"/api/v1/imports/{earlier}/undo", UriKind.Relative), null)).StatusCode.Should().Be(HttpStatusCode.OK);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class UndoOnSqlite(SqliteAppFixture fixture) : UndoTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class UndoOnPostgres(PostgresAppFixture fixture) : UndoTests(fixture);
