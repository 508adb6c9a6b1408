using Deque.AxeCore.Playwright;
using MhEmployment.IntegrationTests.Infrastructure;
using MhEmployment.Web.Features.Accounts;
using Microsoft.Playwright;

namespace MhEmployment.IntegrationTests.Browser;

/// <summary>A commissioner's walk through the dashboards, on real Fingertips data for London, checked with axe-core on every page.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DashboardJourneyTests(BrowserFixture fixture)
{
    private static async Task ExpectAccessibleAsync(IPage page)
    {
        var results = await page.RunAxe();
        results.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{page.Url} {v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))})")
            .Should().BeEmpty();
    }

    [Fact]
    public async Task Commissioner_OpensHackney_SwitchesToLondon_OpensAnIndicator_SortsTheChart_AndUsesTheMap()
    {
        await fixture.EnsureSuicideDataAsync();
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await BrowserFixture.SignInAsync(page, Accounts.EmailFor(Roles.Viewer), Accounts.PasswordFor(Roles.Viewer));

        await page.GotoAsync("/areas/E09000012");
        await Assertions.Expect(page.Locator("h2#profile")).ToHaveTextAsync("How Hackney compares with England");
        var suicideRow = page.Locator("table.profile tbody tr", new() { Has = page.Locator("a[href^='/indicators/fingertips-41001?']") });
        await Assertions.Expect(suicideRow).ToHaveCountAsync(1);
        await Assertions.Expect(suicideRow.Locator("svg[role=img]")).ToBeVisibleAsync();
        await ExpectAccessibleAsync(page);

        await page.GetByLabel("London", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Update dashboard" }).ClickAsync();
        await Assertions.Expect(page.Locator("h2#profile")).ToHaveTextAsync("How Hackney compares with London");
        await Assertions.Expect(page.Locator(".narratives")).ToContainTextAsync("London's");
        await ExpectAccessibleAsync(page);

        await suicideRow.Locator("a[href^='/indicators/fingertips-41001?']").ClickAsync();
        await Assertions.Expect(page.Locator("h2#compare")).ToBeVisibleAsync();
        var firstRow = page.Locator("table[aria-labelledby=compare] tbody tr:not(.benchmark-row)").First;
        await page.GetByRole(AriaRole.Link, new() { Name = "name", Exact = true }).ClickAsync();
        await Assertions.Expect(firstRow.Locator("th")).ToHaveTextAsync("Barking and Dagenham");
        await Assertions.Expect(page.Locator("#compare ~ .chart-with-table svg[role=group]")).ToBeVisibleAsync();
        await ExpectAccessibleAsync(page);

        var londonMap = page.Locator(".maps figure.map").First;
        await londonMap.ScrollIntoViewIfNeededAsync();
        await Assertions.Expect(londonMap.Locator("svg[role=group]")).ToBeVisibleAsync();
        await londonMap.Locator("svg a[href='/areas/E09000012']").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/areas/E09000012$"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Hackney");

        await page.GotoAsync("/overview?region=E12000007");
        await Assertions.Expect(page.Locator("table.heatmap")).ToBeVisibleAsync();
        await ExpectAccessibleAsync(page);
    }
}
