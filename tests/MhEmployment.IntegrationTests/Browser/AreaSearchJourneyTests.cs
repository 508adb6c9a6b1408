using Deque.AxeCore.Playwright;
using MhEmployment.IntegrationTests.Infrastructure;
using MhEmployment.Web.Features.Accounts;
using Microsoft.Playwright;

namespace MhEmployment.IntegrationTests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class AreaSearchJourneyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Commissioner_SearchesHackney_AndOpensItsAreaPage()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await BrowserFixture.SignInAsync(page, Accounts.EmailFor(Roles.Viewer), Accounts.PasswordFor(Roles.Viewer));

        await page.GotoAsync("/");
        await page.GetByLabel("Search by name or code").FillAsync("Hackney");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Hackney", Exact = true }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Uri(fixture.BaseAddress, "/areas/E09000012").ToString());
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Hackney");
        var summary = page.Locator(".summary-list");
        await Assertions.Expect(summary).ToContainTextAsync("E09000012");
        await Assertions.Expect(summary.Locator("div", new() { HasText = "Region" })).ToContainTextAsync("London");
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/areas?q=Tower")]
    [InlineData("/areas/E10000006")]
    [InlineData("/indicators")]
    [InlineData("/indicators/ni150-secondary-mh-employment")]
    [InlineData("/assets/checklist")]
    [InlineData("/Account")]
    [InlineData("/Account/ChangePassword")]
    public async Task Page_HasNoSeriousOrCriticalAccessibilityViolations(string path)
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await BrowserFixture.SignInAsync(page, Accounts.EmailFor(Roles.Viewer), Accounts.PasswordFor(Roles.Viewer));
        await page.GotoAsync(path);

        var results = await page.RunAxe();

        results.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))})")
            .Should().BeEmpty();
    }
}
