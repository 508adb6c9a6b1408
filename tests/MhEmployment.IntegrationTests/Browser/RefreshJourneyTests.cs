using MhEmployment.IntegrationTests.Infrastructure;
using MhEmployment.IntegrationTests.Refresh;
using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace MhEmployment.IntegrationTests.Browser;

/// <summary>An Analyst refreshes an indicator from NOMIS from its page, watches the refresh and opens its import, checked with axe-core.</summary>
[Collection(BrowserCollection.Name)]
public sealed class RefreshJourneyTests(BrowserFixture fixture)
{
    private const string Analyst = "refresh-analyst@test.local";

    [Fact]
    public async Task Analyst_RefreshesAnIndicatorFromItsPage_WatchesTheRefresh_AndOpensTheFetchedImport()
    {
        await fixture.Factory.CreateUserAsync(Analyst, Accounts.PasswordFor(Roles.Analyst), Roles.Analyst);
        await fixture.Factory.WithDbAsync(db => db.Indicators.Where(i => i.Key == RefreshFixture.Population).ExecuteUpdateAsync(s => s
            .SetProperty(i => i.RefreshSource, IndicatorSourceKind.Nomis)
            .SetProperty(i => i.NomisDataset, "NM_2002_1")
            .SetProperty(i => i.NomisQuery, "geography=TYPE464&date=latest&measures=20100")));
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await BrowserFixture.SignInAsync(page, Analyst, Accounts.PasswordFor(Roles.Analyst));

        await page.GotoAsync($"/indicators/{RefreshFixture.Population}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Refresh from source" }).ClickAsync();
        await Assertions.Expect(page.Locator("#refresh-one h2")).ToContainTextAsync("Refresh ESA");
        await BrowserFixture.ExpectAccessibleAsync(page);
        await page.Locator("#refresh-one button").ClickAsync();

        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("Refresh started.");
        // The page follows the refresh until it ends (in place with JavaScript), then shows what it fetched.
        await Assertions.Expect(page.Locator("#items tbody tr td").First).ToHaveTextAsync("Fetched, to check and commit", new() { Timeout = 60_000 });
        await BrowserFixture.ExpectAccessibleAsync(page);
        await page.Locator("#items a[href^='/imports/']").ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("nomis-NM_2002_1.csv");
        await Assertions.Expect(page.Locator("#source-url")).ToContainTextAsync("dataset/NM_2002_1.data.csv?geography=TYPE464");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Commit" })).ToBeVisibleAsync();
        await BrowserFixture.ExpectAccessibleAsync(page);
    }
}
