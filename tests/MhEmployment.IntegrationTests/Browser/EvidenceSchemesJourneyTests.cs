using MhEmployment.IntegrationTests.Infrastructure;
using MhEmployment.Web.Features.Accounts;
using Microsoft.Playwright;

namespace MhEmployment.IntegrationTests.Browser;

/// <summary>An Analyst keeps the evidence links and weighting schemes in the browser, checked with axe-core on every page.</summary>
[Collection(BrowserCollection.Name)]
public sealed class EvidenceSchemesJourneyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Analyst_ReadsTheEvidence_CorrectsASchemeTheFormRefuses_AndFindsItOnTheComparison()
    {
        await fixture.Factory.CreateUserAsync("schemes-analyst@test.local", Accounts.PasswordFor(Roles.Analyst), Roles.Analyst);
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "schemes-analyst@test.local", Accounts.PasswordFor(Roles.Analyst));

        await page.GotoAsync("/needs-assets");
        await page.GetByRole(AriaRole.Link, new() { Name = "the evidence page" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Evidence of need for each checklist domain");
        await BrowserFixture.ExpectAccessibleAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Change the indicators linked to domain 3" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("ESA claimants", new() { Exact = false }).First).ToBeVisibleAsync();
        await BrowserFixture.ExpectAccessibleAsync(page);

        await page.GotoAsync("/needs-assets/schemes");
        await BrowserFixture.ExpectAccessibleAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Create a scheme" }).ClickAsync();
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Employment first");
        await page.GetByLabel("By thresholds").CheckAsync();
        await page.GetByLabel("High need from (thresholds only)").FillAsync("0.5");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the scheme" }).ClickAsync();

        var summary = page.Locator(".error-summary");
        await Assertions.Expect(summary).ToContainTextAsync("Enter the score up to which need is low: thresholds need both");
        await BrowserFixture.ExpectAccessibleAsync(page);
        await summary.GetByRole(AriaRole.Link).First.ClickAsync();
        await Assertions.Expect(page.GetByLabel("Low need up to (thresholds only)")).ToBeFocusedAsync();
        await page.GetByLabel("Low need up to (thresholds only)").FillAsync("-0.5");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the scheme" }).ClickAsync();

        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("Created the scheme 'Employment first'.");
        await Assertions.Expect(page.Locator(".summary-list")).ToContainTextAsync("By thresholds: high from +0.50, low up to −0.50");
        await BrowserFixture.ExpectAccessibleAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "See the comparison with this scheme" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Weighting scheme")).ToHaveValueAsync("Employment first");
    }
}
