using System.Net;
using MhEmployment.IntegrationTests.Infrastructure;
using MhEmployment.Web.Features.Accounts;

namespace MhEmployment.IntegrationTests.Pages.Indicators;

/// <summary>The indicator catalogue (Pages/Indicators/Index).</summary>
public abstract class IndexTests(AppFixture fixture)
{
    private readonly HttpClient _client = fixture.PageClient(Roles.Viewer);

    [Fact]
    public async Task IndicatorCatalogue_GroupsIndicatorsByTheme_AndEachHasAMetadataPage()
    {
        var (_, catalogue) = await _client.GetPageAsync("/indicators");
        catalogue.QuerySelectorAll("h2").Select(h => h.Text()).Should()
            .Equal("Prevalence of mental ill-health", "Benefits and worklessness", "Employment", "Services and experience");
        var link = catalogue.QuerySelectorAll("table a").Single(a => a.Text().StartsWith("NI150", StringComparison.Ordinal));

        var (response, indicator) = await _client.GetPageAsync(link.GetAttribute("href")!);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        indicator.SummaryValue("Unit").Should().Be("%");
        indicator.SummaryValue("Better when").Should().Be("Higher is better");
        indicator.SummaryValue("Confidence intervals").Should().StartWith("Wilson");
        indicator.QuerySelector(".lead")!.Text().Should().Contain("secondary mental health");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class IndexTestsOnSqlite(SqliteAppFixture fixture) : IndexTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class IndexTestsOnPostgres(PostgresAppFixture fixture) : IndexTests(fixture);
