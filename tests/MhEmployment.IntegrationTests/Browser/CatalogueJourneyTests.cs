using MhEmployment.IntegrationTests.Infrastructure;
using MhEmployment.Web.Features.Accounts;
using Microsoft.Playwright;

namespace MhEmployment.IntegrationTests.Browser;

/// <summary>An analyst reviews an imported indicator in the browser, and the region's dashboard judges it at once.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CatalogueJourneyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Analyst_FindsAnIndicatorNeedingReview_FixesAMistakeTheFormPointsOut_AndTheDashboardJudgesItAtOnce()
    {
        await fixture.EnsureSuicideDataAsync();
        await fixture.Factory.CreateUserAsync("catalogue-analyst@test.local", Accounts.PasswordFor(Roles.Analyst), Roles.Analyst);
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "catalogue-analyst@test.local", Accounts.PasswordFor(Roles.Analyst));
        var suicideRow = page.Locator("table.profile tbody tr", new() { Has = page.Locator("a[href^='/indicators/fingertips-41001?']") });

        // Fingertips' file says neither unit nor polarity: the suicide rate (a DSR) came in as a count, and counts are not compared.
        await page.GotoAsync("/areas/E12000007");
        await Assertions.Expect(suicideRow.Locator(".sig")).ToHaveTextAsync("Not compared");
        await Assertions.Expect(suicideRow).ToContainTextAsync("Counts are not compared: areas differ in size.");

        await page.GotoAsync("/indicators");
        await page.GetByRole(AriaRole.Link, new() { Name = "Show only the indicators needing review" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Only the")).ToBeCheckedAsync();
        await BrowserFixture.ExpectAccessibleAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Suicide rate", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Edit this indicator" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Suicide rate");
        await BrowserFixture.ExpectAccessibleAsync(page);

        await page.GetByLabel("Directly standardised rate", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Rate per 100,000", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Multiplier", new() { Exact = true }).FillAsync("1000");
        await page.GetByLabel("Lower is better", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Dobson (directly standardised rates)", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Confidence intervals overlapping the benchmark (95% and 99.8%)", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("This indicator still needs review").UncheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();

        var summary = page.Locator(".error-summary");
        await Assertions.Expect(summary).ToContainTextAsync("The multiplier for 'Rate per 100,000' is 100,000, not 1,000");
        await Assertions.Expect(page.GetByLabel("Directly standardised rate", new() { Exact = true })).ToBeCheckedAsync();
        await Assertions.Expect(page.GetByLabel("Lower is better", new() { Exact = true })).ToBeCheckedAsync();
        await BrowserFixture.ExpectAccessibleAsync(page);
        await summary.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("#Input_Multiplier$"));
        await page.GetByLabel("Multiplier", new() { Exact = true }).FillAsync("100000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();

        await Assertions.Expect(page.Locator(".flash")).ToHaveTextAsync(
            "Saved your changes to value type, unit, multiplier, polarity, interval method, comparison method, needs review. The dashboards show them now.");
        await page.GotoAsync("/areas/E12000007");
        await Assertions.Expect(suicideRow.Locator(".sig")).ToHaveTextAsync("Better", new() { Timeout = 10_000 });
    }
}
