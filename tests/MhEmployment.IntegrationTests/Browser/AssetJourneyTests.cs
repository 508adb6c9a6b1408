using MhEmployment.IntegrationTests.Infrastructure;
using MhEmployment.Web.Features.Accounts;
using Microsoft.Playwright;

namespace MhEmployment.IntegrationTests.Browser;

/// <summary>The asset register as an Analyst and an Officer use it, checked with axe-core on every page.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AssetJourneyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task AnalystAddsAnIpsServiceForHackney_OfficerRatesIt2_CoverageShowsPartlyCovered_AndTheOfficerCompletesTheRagAnalysis()
    {
        await fixture.Factory.CreateUserAsync("assets-analyst@test.local", Accounts.PasswordFor(Roles.Analyst), Roles.Analyst);
        await fixture.Factory.CreateUserAsync("assets-officer@test.local", Accounts.PasswordFor(Roles.Officer), Roles.Officer);

        await using (var analystContext = await fixture.NewContextAsync())
        {
            var page = await analystContext.NewPageAsync();
            await BrowserFixture.SignInAsync(page, "assets-analyst@test.local", Accounts.PasswordFor(Roles.Analyst));
            await page.GotoAsync("/assets");
            await BrowserFixture.ExpectAccessibleAsync(page);
            await page.GetByRole(AriaRole.Link, new() { Name = "Add an asset" }).ClickAsync();
            await BrowserFixture.ExpectAccessibleAsync(page);

            // First without a name: the error summary links to the field.
            await page.GetByRole(AriaRole.Button, new() { Name = "Add the asset" }).ClickAsync();
            await Assertions.Expect(page.Locator(".error-summary")).ToContainTextAsync("Enter the asset's name");
            await BrowserFixture.ExpectAccessibleAsync(page);

            await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Hackney IPS employment service");
            await page.GetByLabel("Provider organisation").FillAsync("East London NHS Foundation Trust");
            await page.GetByLabel("Provider's sector").SelectOptionAsync("nhs");
            await page.GetByLabel("Community mental health teams with integrated Individual Placement and Support", new() { Exact = false }).CheckAsync();
            await page.GetByLabel("Areas it serves").FillAsync("Hackney");
            await page.GetByLabel("Capacity (places or referrals a year)").FillAsync("120");
            await page.GetByRole(AriaRole.Button, new() { Name = "Add the asset" }).ClickAsync();

            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Hackney IPS employment service");
            await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("added to the register");
            await BrowserFixture.ExpectAccessibleAsync(page);
        }

        await using var officerContext = await fixture.NewContextAsync();
        var officer = await officerContext.NewPageAsync();
        await BrowserFixture.SignInAsync(officer, "assets-officer@test.local", Accounts.PasswordFor(Roles.Officer));
        await officer.GotoAsync("/assets?area=Hackney&item=cmht-ips");
        await officer.GetByRole(AriaRole.Link, new() { Name = "Hackney IPS employment service" }).ClickAsync();
        await officer.GetByRole(AriaRole.Link, new() { Name = "Rate" }).ClickAsync();
        await BrowserFixture.ExpectAccessibleAsync(officer);
        await officer.GetByLabel("2: Good or adequate", new() { Exact = false }).CheckAsync();
        await officer.GetByLabel("Rationale").FillAsync("120 places against about 200 referrals a year; funding agreed year by year.");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Save rating" }).ClickAsync();
        await Assertions.Expect(officer.Locator(".flash")).ToHaveTextAsync("Rated 2.");

        await officer.GotoAsync("/areas/E09000012");
        await officer.GetByRole(AriaRole.Link, new() { Name = "Asset coverage of Hackney, item by item" }).ClickAsync();
        var ips = officer.Locator("#item-cmht-ips");
        await Assertions.Expect(ips).ToContainTextAsync("Partly covered");
        await Assertions.Expect(ips.Locator(".next-step")).ToContainTextAsync("Options to scale up or target");
        await BrowserFixture.ExpectAccessibleAsync(officer);

        await officer.GotoAsync("/assets/analysis/E09000012");
        await officer.GetByRole(AriaRole.Link, new() { Name = "Start a new analysis" }).ClickAsync();
        await BrowserFixture.ExpectAccessibleAsync(officer);
        var items = officer.Locator("fieldset.rag-item");
        var count = await items.CountAsync();
        count.Should().BeGreaterThan(20);
        for (var i = 0; i < count; i++)
        {
            var item = items.Nth(i);
            var isIps = await item.Locator("a[href$='#item-cmht-ips']").CountAsync() == 1;
            await item.Locator($"input[type=radio][value='{(isIps ? "2" : "3")}']").CheckAsync();
            await item.Locator("textarea").FillAsync(isIps ? "One IPS service, short of demand" : "Not mapped yet: treat as a gap");
        }
        await officer.GetByRole(AriaRole.Button, new() { Name = "Save the analysis" }).ClickAsync();

        await Assertions.Expect(officer.Locator(".flash")).ToContainTextAsync($"{count} items rated");
        await Assertions.Expect(officer.Locator("#item-cmht-ips")).ToContainTextAsync("2: partly covered");
        await BrowserFixture.ExpectAccessibleAsync(officer);
    }
}
