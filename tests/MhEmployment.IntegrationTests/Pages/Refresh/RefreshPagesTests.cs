using System.Net;
using AngleSharp.Html.Dom;
using MhEmployment.IntegrationTests.Infrastructure;
using MhEmployment.IntegrationTests.Refresh;

namespace MhEmployment.IntegrationTests.Pages.Refresh;

/// <summary>/refresh and /refresh/{id}: the sources, a refresh asked for on the page, its progress and its imports.</summary>
public abstract class RefreshPagesTests(RefreshFixture fixture)
{
    private readonly HttpClient _analyst = fixture.Analyst;

    [Fact]
    public async Task RefreshingAnIndicator_FromItsPage_ShowsTheRunThenLinksItsImport_WhichSaysWhereItCameFrom()
    {
        await fixture.UseTestSourcesAsync();
        fixture.Sources.FailWith(SourceFault.None);
        var (_, list) = await _analyst.GetPageAsync("/refresh");
        list.QuerySelectorAll("#sources tbody th").Select(t => t.Text().Trim()).Should().HaveCount(2, "only the indicators with a source are listed");
        var (_, indicator) = await _analyst.GetPageAsync($"/indicators/{RefreshFixture.Population}");
        indicator.QuerySelector("#fetches")!.Text().Should().StartWith(fixture.Sources.NomisBaseUrl.AbsoluteUri + "dataset/NM_2002_1.data.csv?");
        var refreshUrl = indicator.QuerySelector("#refresh-link")!.GetAttribute("href")!;
        var (_, chosen) = await _analyst.GetPageAsync(refreshUrl);
        var form = (IHtmlFormElement)chosen.QuerySelector("form#refresh-one")!;

        var posted = await _analyst.SubmitAsync(form, [], refreshUrl);

        posted.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var runUrl = posted.Headers.Location!.OriginalString;
        runUrl.Should().MatchRegex("^/refresh/[0-9]+$");
        await fixture.AnalystApi.WaitForRefreshAsync(int.Parse(runUrl["/refresh/".Length..], System.Globalization.CultureInfo.InvariantCulture));
        var (response, run) = await _analyst.GetPageAsync(runUrl);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        run.QuerySelector("h1")!.Text().Should().Be($"Refresh of {RefreshFixture.Population}");
        run.QuerySelector("meta[http-equiv=refresh]").Should().BeNull("a finished refresh does not reload itself");
        var row = run.QuerySelector("#items tbody tr")!;
        row.QuerySelectorAll("td")[0].Text().Should().Be("Fetched, to check and commit");
        var importLink = row.QuerySelector("a[href^='/imports/']")!.GetAttribute("href")!;

        var (_, import) = await _analyst.GetPageAsync(importLink);

        import.QuerySelector("#source-url")!.Text().Should().StartWith(fixture.Sources.NomisBaseUrl.AbsoluteUri);
    }

    [Fact]
    public async Task RefreshingAnIndicatorWithoutASource_RerendersWith400_SayingWhy()
    {
        await fixture.UseTestSourcesAsync();
        var (_, list) = await _analyst.GetPageAsync("/refresh");
        var form = list.QuerySelectorAll("#sources form").OfType<IHtmlFormElement>().First();

        var response = await _analyst.SubmitAsync(form, new() { ["indicator"] = "smi-qof-prevalence" }, "/refresh");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var page = await Html.ParseAsync(response);
        page.QuerySelector(".error-summary")!.Text().Should().Contain("has no source to refresh from");
    }

    [Fact]
    public async Task ARunThatDoesNotExist_IsNotFound()
    {
        var (response, _) = await _analyst.GetPageAsync("/refresh/99999");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}

public sealed class RefreshPagesOnSqlite(RefreshOnSqliteFixture fixture) : RefreshPagesTests(fixture), IClassFixture<RefreshOnSqliteFixture>;

public sealed class RefreshPagesOnPostgres(RefreshOnPostgresFixture fixture) : RefreshPagesTests(fixture), IClassFixture<RefreshOnPostgresFixture>;
