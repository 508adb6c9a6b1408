using MhEmployment.IntegrationTests.Infrastructure;
using MhEmployment.Web.Features.Accounts;

namespace MhEmployment.IntegrationTests.Pages.Assets;

/// <summary>The guidance's asset checklist (Pages/Assets/Checklist).</summary>
public abstract class ChecklistTests(AppFixture fixture)
{
    private readonly HttpClient _client = fixture.PageClient(Roles.Viewer);

    [Fact]
    public async Task AssetChecklist_ShowsTheFourDomainsOfAppendixII()
    {
        var (_, page) = await _client.GetPageAsync("/assets/checklist");

        page.QuerySelectorAll("h2").Select(h => h.Text()).Should().Equal(
            "1. Promoting workplace wellbeing",
            "2. Facilitating retention or early return",
            "3. Supporting (re)employment for people with longer-term mental illness",
            "4. Other local assets and resources");
        page.QuerySelector("#cmht-ips")!.Text().Should().StartWith("3.1").And.Contain("Individual Placement and Support");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ChecklistTestsOnSqlite(SqliteAppFixture fixture) : ChecklistTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class ChecklistTestsOnPostgres(PostgresAppFixture fixture) : ChecklistTests(fixture);
