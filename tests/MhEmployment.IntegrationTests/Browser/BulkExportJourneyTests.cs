using MhEmployment.IntegrationTests.Infrastructure;
using MhEmployment.Web.Features.Accounts;
using Microsoft.Playwright;

namespace MhEmployment.IntegrationTests.Browser;

/// <summary>An Officer exports the North East's boroughs as a zip of CSV files, checked with axe-core on every page.</summary>
[Collection(BrowserCollection.Name)]
public sealed class BulkExportJourneyTests(BrowserFixture fixture)
{
    private const string Officer = "bulk-officer@test.local";

    [Fact]
    public async Task Officer_AsksForTheNorthEastsSummaries_CorrectsAMistake_WatchesItRun_AndDownloadsTheZip()
    {
        await fixture.Factory.CreateUserAsync(Officer, Accounts.PasswordFor(Roles.Officer), Roles.Officer);
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await BrowserFixture.SignInAsync(page, Officer, Accounts.PasswordFor(Roles.Officer));

        await page.GotoAsync("/exports/bulk");
        await BrowserFixture.ExpectAccessibleAsync(page);
        await page.GetByLabel("Region", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "North East" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Make the zip" }).ClickAsync();

        // No format chosen: the summary links to the field, which keeps the region chosen.
        await Assertions.Expect(page.Locator(".error-summary")).ToContainTextAsync("Choose a format.");
        await Assertions.Expect(page.GetByLabel("Region", new() { Exact = true })).ToHaveValueAsync("E12000001");
        await BrowserFixture.ExpectAccessibleAsync(page);
        await page.Locator(".error-summary a[href='#Form_Format']").ClickAsync();
        await page.GetByRole(AriaRole.Radio, new() { Name = "CSV" }).CheckAsync();
        await page.GetByRole(AriaRole.Radio, new() { Name = "The region chosen above" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Make the zip" }).ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Needs summaries for North East");
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("Export requested.");
        await BrowserFixture.ExpectAccessibleAsync(page);
        // The page reloads itself until the zip is ready.
        await Assertions.Expect(page.Locator("#job-status")).ToHaveTextAsync("Ready to download", new() { Timeout = 60_000 });
        await BrowserFixture.ExpectAccessibleAsync(page);
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("a#download").ClickAsync());
        download.SuggestedFilename.Should().Be("north-east-needs-summaries-csv-vs-north-east.zip");

        await page.GotoAsync("/exports/bulk");
        var row = page.Locator("table[aria-labelledby=recent] tbody tr").First;
        await Assertions.Expect(row).ToContainTextAsync("North East");
        await Assertions.Expect(row).ToContainTextAsync("Ready to download");
    }
}
