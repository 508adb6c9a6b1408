using MhEmployment.IntegrationTests.Infrastructure;
using MhEmployment.Web.Features.Accounts;
using Microsoft.Playwright;

namespace MhEmployment.IntegrationTests.Browser;

/// <summary>A commissioner's walk through the dashboards, on real Fingertips data for London, checked with axe-core on every page.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DashboardJourneyTests(BrowserFixture fixture)
{
    /// <summary>No sideways scrolling of the page itself (WCAG 1.4.10); a wide table may scroll inside its own box.</summary>
    private static async Task ExpectNoHorizontalScrollAsync(IPage page)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        widths[0].Should().BeLessThanOrEqualTo(widths[1], $"{page.Url} at {widths[1]} px must not scroll sideways");
    }

    [Theory]
    [InlineData(1366, 768)]
    [InlineData(320, 640)] // 1,280 px at 400% zoom
    public async Task DashboardAndIndicatorPage_FitTheScreen_AreAccessible_AndReadable(int width, int height)
    {
        await fixture.EnsureSuicideDataAsync();
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SetViewportSizeAsync(width, height);
        await BrowserFixture.SignInAsync(page, Accounts.EmailFor(Roles.Viewer), Accounts.PasswordFor(Roles.Viewer));

        await page.GotoAsync("/areas/E09000012");
        await ExpectNoHorizontalScrollAsync(page);
        await BrowserFixture.ExpectAccessibleAsync(page);
        var spine = page.Locator("table.profile svg.spine").First;
        var spineWidth = (await spine.BoundingBoxAsync())!.Width;
        if (width >= 1366)
        {
            spineWidth.Should().BeGreaterThanOrEqualTo(250, "a spine chart must be wide enough to read (Fingertips': about 300 px)");
            (await page.Locator(".table-scroll").First.EvaluateAsync<bool>("e => e.scrollWidth <= e.clientWidth"))
                .Should().BeTrue("the whole dashboard table fits a laptop's screen");
        }
        else
        {
            spineWidth.Should().BeInRange(150, width, "on a phone each row is a card with the spine across it");
        }
        // Every badge the table shows is explained in the key (which badges depend on the catalogue's choices, and
        // another journey edits the suicide rate's).
        var keys = await page.Locator(".keys").InnerTextAsync();
        foreach (var badge in (await page.Locator("table.profile span.sig").AllInnerTextsAsync()).Distinct())
        {
            keys.Should().Contain(badge);
        }
        await Assertions.Expect(page.Locator("table.profile tbody tr").First).ToContainTextAsync("fewer than 5 time points (only 1)");

        // The themes summary (checked by axe above) leads to a page of one theme, which must pass as well.
        var firstTheme = page.Locator("table.themes tbody th a").First;
        var themeName = await firstTheme.InnerTextAsync();
        await firstTheme.ClickAsync();
        await Assertions.Expect(page.Locator("table.themes a[aria-current=page]")).ToHaveTextAsync(themeName);
        await Assertions.Expect(page.Locator(".themes-shown")).ToContainTextAsync($"Shown below: {themeName},");
        await ExpectNoHorizontalScrollAsync(page);
        await BrowserFixture.ExpectAccessibleAsync(page);

        await page.GotoAsync("/indicators/fingertips-91390?area=E09000012");
        await ExpectNoHorizontalScrollAsync(page);
        await BrowserFixture.ExpectAccessibleAsync(page);
        await Assertions.Expect(page.Locator("#compare ~ .chart-with-table svg g.bar-row[data-code=E09000001] path.whisker-clip")).ToHaveCountAsync(1);

        await page.GotoAsync("/overview?region=E12000007");
        await ExpectNoHorizontalScrollAsync(page);
    }

    [Fact]
    public async Task Commissioner_DownloadsTheDashboardTable_AsCsv()
    {
        await fixture.EnsureSuicideDataAsync();
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await BrowserFixture.SignInAsync(page, Accounts.EmailFor(Roles.Viewer), Accounts.PasswordFor(Roles.Viewer));
        await page.GotoAsync("/areas/E09000012?Compare=region");

        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Link, new() { Name = "Download this table (CSV)" }).ClickAsync());

        download.SuggestedFilename.Should().Be("hackney-e09000012-vs-london-upper-tier.csv");
        var path = await download.PathAsync();
        var lines = await File.ReadAllLinesAsync(path);
        lines.Should().HaveCount(1 + await page.Locator("table.profile tbody tr").CountAsync());
        await download.DeleteAsync();
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
        await BrowserFixture.ExpectAccessibleAsync(page);

        await page.GetByLabel("London", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Update dashboard" }).ClickAsync();
        await Assertions.Expect(page.Locator("h2#profile")).ToHaveTextAsync("How Hackney compares with London");
        await Assertions.Expect(page.Locator(".narratives")).ToContainTextAsync("London's");
        await BrowserFixture.ExpectAccessibleAsync(page);

        await suicideRow.Locator("a[href^='/indicators/fingertips-41001?']").ClickAsync();
        await Assertions.Expect(page.Locator("h2#compare")).ToBeVisibleAsync();
        var firstRow = page.Locator("table[aria-labelledby=compare] tbody tr:not(.benchmark-row)").First;
        await page.GetByRole(AriaRole.Link, new() { Name = "name", Exact = true }).ClickAsync();
        await Assertions.Expect(firstRow.Locator("th")).ToHaveTextAsync("Barking and Dagenham");
        await Assertions.Expect(page.Locator("#compare ~ .chart-with-table svg[role=group]")).ToBeVisibleAsync();
        await BrowserFixture.ExpectAccessibleAsync(page);

        var londonMap = page.Locator(".maps figure.map").First;
        await londonMap.ScrollIntoViewIfNeededAsync();
        await Assertions.Expect(londonMap.Locator("svg[role=group]")).ToBeVisibleAsync();
        await londonMap.Locator("svg a[href='/areas/E09000012']").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/areas/E09000012$"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Hackney");

        await page.GotoAsync("/overview?region=E12000007");
        await Assertions.Expect(page.Locator("table.heatmap")).ToBeVisibleAsync();
        await BrowserFixture.ExpectAccessibleAsync(page);
    }
}
