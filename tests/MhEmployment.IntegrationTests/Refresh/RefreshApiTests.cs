using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MhEmployment.IntegrationTests.Infrastructure;
using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace MhEmployment.IntegrationTests.Refresh;

/// <summary>Refreshes through the API, against recorded Fingertips and NOMIS responses served on loopback.</summary>
public abstract class RefreshApiTests(RefreshFixture fixture)
{
    private readonly HttpClient _api = fixture.AnalystApi;

    private Task<List<Import>> ImportsAsync() => fixture.Factory.WithDbAsync(db => db.Imports.AsNoTracking().OrderBy(i => i.Id).ToListAsync());

    private List<string> StorageFiles() => Directory.Exists(fixture.Factory.ImportStoragePath)
        ? [.. Directory.EnumerateFiles(fixture.Factory.ImportStoragePath, "*", SearchOption.AllDirectories)]
        : [];

    private async Task<JsonElement> ProfileIndicatorAsync(string area, string indicator)
    {
        await fixture.Factory.DashboardsCaughtUpAsync();
        var profile = await _api.GetFromJsonAsync<JsonElement>($"/api/v1/areas/{area}/profile");
        return profile.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("indicator").GetString() == indicator);
    }

    [Fact]
    public async Task RefreshingTheCatalogue_WithCommit_FetchesBothIndicators_AndTheirValuesReachTheDashboards()
    {
        await fixture.UseTestSourcesAsync();
        fixture.Sources.FailWith(SourceFault.None);
        var requestsBefore = fixture.Sources.Requests.Count;

        var run = await _api.RefreshAsync(commit: true);

        run.GetProperty("status").GetString().Should().Be("done");
        run.GetProperty("items").GetArrayLength().Should().Be(2, "only the indicators with a source are refreshed");
        foreach (var key in new[] { RefreshFixture.Unemployment, RefreshFixture.Population })
        {
            run.Item(key).GetProperty("status").GetString().Should().Be("committed", run.Item(key).ToString());
        }
        var nomisPages = fixture.Sources.Requests.Skip(requestsBefore).Count(r => r.AbsolutePath.Contains("/nomis/", StringComparison.Ordinal));
        nomisPages.Should().Be(3, "lad.csv's 621 rows come in pages of 250");

        var imports = await ImportsAsync();
        var nomis = imports.Single(i => i.Id == run.Item(RefreshFixture.Population).GetProperty("importId").GetInt32());
        nomis.Status.Should().Be(ImportStatus.Committed);
        nomis.SourceUrl.Should().StartWith(fixture.Sources.NomisBaseUrl.AbsoluteUri + "dataset/NM_2002_1.data.csv?");
        nomis.Format.Should().Be("NomisApi");
        nomis.RowCount.Should().Be(621, "the three pages make one file with one header");
        nomis.CreatedBy.Should().Be(Infrastructure.Accounts.EmailFor(Web.Features.Accounts.Roles.Analyst));

        (await ProfileIndicatorAsync(RefreshFixture.Nottingham, RefreshFixture.Unemployment)).GetProperty("value").GetDouble().Should().Be(8.4);
        var westminster = await ProfileIndicatorAsync(RefreshFixture.Westminster, RefreshFixture.Population);
        westminster.GetProperty("value").GetDouble().Should().Be(205087);
        westminster.GetProperty("period").GetString().Should().Contain("2021");
    }

    [Fact]
    public async Task OldCodesFromTheSource_GoThroughTheAreaSuccessions_AndWhatCannotBePlacedIsReported()
    {
        await fixture.UseTestSourcesAsync();
        fixture.Sources.FailWith(SourceFault.None);

        var run = await _api.RefreshAsync(RefreshFixture.Population);

        var import = await _api.GetFromJsonAsync<JsonElement>($"/api/v1/imports/{run.Item(RefreshFixture.Population).GetProperty("importId").GetInt32()}");
        var notes = import.GetProperty("notes").EnumerateArray().Select(n => n.GetProperty("message").GetString()).ToList();
        notes.Should().Contain(n => n!.Contains("Allerdale (E07000026), abolished on 1 April 2023, merged into Cumberland", StringComparison.Ordinal));
        notes.Should().Contain(n => n!.Contains("Rows for W06", StringComparison.Ordinal) && n.Contains("skipped", StringComparison.Ordinal),
            "Welsh councils cannot be placed, and the preview says so");
    }

    [Fact]
    public async Task WithoutCommit_EachFileWaitsAtItsPreview_AndTheSameResponseAgainIsNotImportedTwice()
    {
        await fixture.UseTestSourcesAsync();
        fixture.Sources.FailWith(SourceFault.None);

        var first = await _api.RefreshAsync(RefreshFixture.Unemployment);

        var item = first.Item(RefreshFixture.Unemployment);
        item.GetProperty("status").GetString().Should().Be("fetched");
        var importId = item.GetProperty("importId").GetInt32();
        (await _api.GetFromJsonAsync<JsonElement>($"/api/v1/imports/{importId}")).GetProperty("status").GetString().Should().Be("ready");

        var second = await _api.RefreshAsync(RefreshFixture.Unemployment);

        var again = second.Item(RefreshFixture.Unemployment);
        again.GetProperty("status").GetString().Should().Be("unchanged");
        again.GetProperty("importId").GetInt32().Should().Be(importId);
        again.GetProperty("message").GetString().Should().Contain($"same data as import #{importId}");
        (await ImportsAsync()).Count(i => i.SourceUrl == item.GetProperty("sourceUrl").GetString() && i.Status != ImportStatus.Undone).Should().Be(1);
    }

    [Theory]
    [InlineData(SourceFault.ServerError, "500")]
    [InlineData(SourceFault.HtmlPageOk, "web page")]
    [InlineData(SourceFault.TruncatedBody, "cut short")]
    [InlineData(SourceFault.Hang, "did not answer within")]
    public async Task WhenTheSourceFails_TheRefreshSaysWhy_AndWritesNothing(SourceFault fault, string reason)
    {
        await fixture.UseTestSourcesAsync();
        fixture.Sources.FailWith(fault);
        var before = await ImportsAsync();
        var values = await fixture.Factory.WithDbAsync(db => db.IndicatorValues.CountAsync());
        var files = StorageFiles();
        try
        {
            var run = await _api.RefreshAsync(RefreshFixture.Population, commit: true);

            var item = run.Item(RefreshFixture.Population);
            item.GetProperty("status").GetString().Should().Be("failed");
            item.GetProperty("message").GetString().Should().Contain("NOMIS").And.Contain(reason);
            item.GetProperty("importId").ValueKind.Should().Be(JsonValueKind.Null);
        }
        finally
        {
            fixture.Sources.FailWith(SourceFault.None);
        }
        (await ImportsAsync()).Should().HaveCount(before.Count, "nothing is recorded for a failed fetch");
        (await fixture.Factory.WithDbAsync(db => db.IndicatorValues.CountAsync())).Should().Be(values);
        StorageFiles().Should().BeEquivalentTo(files, "no partial file is left in the import storage");
        (await fixture.Factory.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == AuditActions.RefreshFailed))).Should().BeTrue();
    }

    [Fact]
    public async Task AnIndicatorWithoutASource_OrUnknown_IsRefusedSayingWhy()
    {
        await fixture.UseTestSourcesAsync();

        var none = await _api.PostAsync(new Uri("/api/v1/indicators/smi-qof-prevalence/refresh", UriKind.Relative), null);
        var unknown = await _api.PostAsync(new Uri("/api/v1/indicators/no-such-indicator/refresh", UriKind.Relative), null);
        var missing = await _api.GetAsync(new Uri("/api/v1/refresh/99999", UriKind.Relative));

        none.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await none.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString().Should().Contain("has no source to refresh from");
        unknown.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString().Should().Contain("no-such-indicator");
        missing.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Viewers_CannotRefresh()
    {
        var response = await fixture.ViewerApi.PostAsync(new Uri("/api/v1/refresh", UriKind.Relative), null);

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }
}

public sealed class RefreshApiOnSqlite(RefreshOnSqliteFixture fixture) : RefreshApiTests(fixture), IClassFixture<RefreshOnSqliteFixture>;

public sealed class RefreshApiOnPostgres(RefreshOnPostgresFixture fixture) : RefreshApiTests(fixture), IClassFixture<RefreshOnPostgresFixture>;
