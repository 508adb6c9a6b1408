using MhEmployment.IntegrationTests.Infrastructure;
using MhEmployment.Web.Features.Accounts;
using Microsoft.Playwright;

namespace MhEmployment.IntegrationTests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class ImportJourneyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Analyst_UploadsANomisFile_WatchesProgress_MapsAndCommits_SeesTheValues_ThenUndoes()
    {
        await fixture.Factory.CreateUserAsync("journey-analyst@test.local", Accounts.PasswordFor(Roles.Analyst), Roles.Analyst);
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "journey-analyst@test.local", Accounts.PasswordFor(Roles.Analyst));

        await page.GotoAsync("/imports");
        await page.GetByLabel("CSV file").SetInputFilesAsync(ImportClient.Sample("nomis-aps-employment-rate.csv"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload and check" }).ClickAsync();

        // The page refreshes itself while validating, then shows the preview: nothing to commit until the series is matched.
        await Assertions.Expect(page.Locator("#import-status")).ToHaveTextAsync("Series to match", new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByText("not yet matched to the catalogue")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Commit" })).ToHaveCountAsync(0);
        // The indicator drop-down lists the whole catalogue; the page still fits a 1,366 px window.
        await page.SetViewportSizeAsync(1366, 768);
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).Should().BeLessThanOrEqualTo(1366);
        await page.GetByLabel("Indicator for Employment rate - aged 16-64", new() { Exact = false }).SelectOptionAsync("ni151-employment-rate");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save choices and check again" }).ClickAsync();
        await Assertions.Expect(page.Locator("#import-status")).ToHaveTextAsync("Ready to commit", new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("#count-new")).ToHaveTextAsync("2");

        await page.GetByRole(AriaRole.Button, new() { Name = "Commit" }).ClickAsync();
        await Assertions.Expect(page.Locator("#import-status")).ToHaveTextAsync("Committed", new() { Timeout = 30_000 });

        await page.GotoAsync("/indicators/ni151-employment-rate");
        var values = page.Locator("table[aria-labelledby=values] tbody tr");
        await Assertions.Expect(values).ToHaveCountAsync(2);
        await Assertions.Expect(values.First).ToContainTextAsync("Barking and Dagenham");
        await Assertions.Expect(values.First).ToContainTextAsync("67");

        await values.First.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^#") }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Undo this import" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Undo nomis-aps-employment-rate.csv?");
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Yes, undo import") }).ClickAsync();
        await Assertions.Expect(page.Locator("#import-status")).ToHaveTextAsync("Undone");
        await page.GotoAsync("/indicators/ni151-employment-rate");
        await Assertions.Expect(page.GetByText("No values are stored for this indicator yet")).ToBeVisibleAsync();
    }
}
