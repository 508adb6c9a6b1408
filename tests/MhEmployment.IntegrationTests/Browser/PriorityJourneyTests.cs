using System.Net.Http.Json;
using System.Text;
using MhEmployment.IntegrationTests.Dashboards;
using MhEmployment.IntegrationTests.Infrastructure;
using MhEmployment.Web.Features.Accounts;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace MhEmployment.IntegrationTests.Browser;

/// <summary>
/// From the London comparison to a priority on Hackney's page and into Hackney's needs summary, as an Officer does it,
/// checked with axe-core on every page. The journey needs values and assets of its own, so it runs on an app of its own: the other journeys' pages
/// stay as they expect them.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PriorityJourneyTests(BrowserFixture fixture)
{
    private const string Officer = "priorities-officer@test.local";
    private const string Hackney = "E09000012";

    [Fact]
    public async Task Officer_DrillsIntoHackneysReemploymentCell_ProposesScaleUpIps_AndFindsItOnHackneysPriorities()
    {
        await using var app = await AppFactory.CreateAsync(Provider.Sqlite);
        app.UseKestrel(0);
        app.StartServer();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()
            .Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
        await app.CreateUserAsync(Officer, Accounts.PasswordFor(Roles.Officer), Roles.Officer);
        await LoadNeedAndAnIpsServiceAsync(app, address);
        await using var context = await fixture.Browser.NewContextAsync(new() { BaseURL = address.ToString(), BypassCSP = true });
        var page = await context.NewPageAsync();
        await BrowserFixture.SignInAsync(page, Officer, Accounts.PasswordFor(Roles.Officer));

        await page.GotoAsync("/needs-assets?region=E12000007");
        await BrowserFixture.ExpectAccessibleAsync(page);
        var hackney = page.Locator(".needs-matrix tbody tr", new() { Has = page.Locator($"th a[href='/areas/{Hackney}']") });
        await hackney.Locator("td").Nth(2).Locator("a").ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("3. Supporting (re)employment for people with longer-term mental illness");
        var esa = page.Locator("#indicators ~ .table-scroll tbody tr", new() { Has = page.Locator("a[href^='/indicators/esa-mental-behavioural-rate']") });
        await Assertions.Expect(esa).ToContainTextAsync("Worse");
        var ips = page.Locator("#assets ~ table tbody tr", new() { HasText = "Hackney IPS (journey)" });
        await Assertions.Expect(ips).ToContainTextAsync("2: partly covered");
        await BrowserFixture.ExpectAccessibleAsync(page);
        await ips.GetByRole(AriaRole.Link, new() { Name = "Propose a priority for 3.1" }).ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Hackney");
        await Assertions.Expect(page.GetByLabel("Checklist item (optional)")).ToHaveValueAsync("cmht-ips");
        await Assertions.Expect(page.GetByRole(AriaRole.Radio, new() { Name = "Scale up or target", Exact = false })).ToBeCheckedAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = "Hackney IPS (journey)", Exact = false })).ToBeCheckedAsync();
        await BrowserFixture.ExpectAccessibleAsync(page);

        // Without an owner first: the error summary links to the field, and the page stays accessible.
        await page.GetByLabel("Description").FillAsync("Scale up IPS");
        await page.GetByRole(AriaRole.Radio, new() { Name = "Medium term" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the priority" }).ClickAsync();
        await Assertions.Expect(page.Locator(".error-summary")).ToContainTextAsync("Enter who owns the priority");
        await BrowserFixture.ExpectAccessibleAsync(page);

        await page.GetByLabel("Owner").FillAsync("Hackney ICB mental health lead");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the priority" }).ClickAsync();

        await Assertions.Expect(page.Locator(".flash")).ToHaveTextAsync("Priority recorded.");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Priorities and next steps");
        var row = page.Locator("table.priorities tbody tr", new() { Has = page.GetByRole(AriaRole.Link, new() { Name = "Scale up IPS", Exact = true }) });
        await Assertions.Expect(row).ToContainTextAsync("Scale up or target");
        await Assertions.Expect(row).ToContainTextAsync("Hackney ICB mental health lead");
        await Assertions.Expect(row).ToContainTextAsync("Medium term");
        await BrowserFixture.ExpectAccessibleAsync(page);

        await row.GetByRole(AriaRole.Link, new() { Name = "Scale up IPS", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#history ~ table tbody tr")).ToContainTextAsync("Recorded as proposed");
        await BrowserFixture.ExpectAccessibleAsync(page);

        // Then the needs summary for the board paper, with the new priority in it.
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Exports" }).ClickAsync();
        await page.GetByLabel("A borough or other upper-tier authority").SelectOptionAsync(Hackney);
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview its summary" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Needs summary: Hackney");
        await Assertions.Expect(page.Locator($"[aria-labelledby=priorities-{Hackney}]")).ToContainTextAsync("Scale up IPS");
        await BrowserFixture.ExpectAccessibleAsync(page);
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Headline indicators" }).UncheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Update the preview" }).ClickAsync();
        await Assertions.Expect(page.Locator($"#headlines-{Hackney}")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator($"#redred-{Hackney}")).ToHaveCountAsync(1);
        await BrowserFixture.ExpectAccessibleAsync(page);
    }

    /// <summary>
    /// ESA claimants with mental and behavioural disorders (domain 3's evidence) for six London boroughs, Hackney's the
    /// highest; and an IPS service for
    /// Hackney rated 2.
    /// </summary>
    private static async Task LoadNeedAndAnIpsServiceAsync(AppFactory app, Uri address)
    {
        await app.CreateUserAsync("priorities-analyst@test.local", Accounts.PasswordFor(Roles.Analyst), Roles.Analyst);
        using var analyst = await app.ApiClientAsync("priorities-analyst@test.local");
        using var officer = await app.ApiClientAsync(Officer);
        analyst.BaseAddress = officer.BaseAddress = address; // the app listens on Kestrel here
        var csv = new StringBuilder("indicator_key,area_code,period_label,value,count,denominator\n");
        csv.Append(DashboardFixture.Row("esa-mental-behavioural-rate", "E92000001", "2022/23", 1_085_000, 35_000_000, 1000));
        foreach (var (area, count) in new[] { (Hackney, 8000), ("E09000019", 7000), ("E09000025", 6000), ("E09000022", 5000), ("E09000007", 4000), ("E09000033", 3000) })
        {
            csv.Append(DashboardFixture.Row("esa-mental-behavioural-rate", area, "2022/23", count, 200_000, 1000));
        }
        var import = await analyst.UploadAndValidateAsync(await DashboardFixture.WriteAsync(csv.ToString()), "priorities-journey.csv");
        await analyst.CommitAsync(import.GetProperty("id").GetInt32());
        var created = await analyst.PostAsJsonAsync("/api/v1/assets",
            new { name = "Hackney IPS (journey)", provider = "East London NHS Foundation Trust", sector = "nhs", items = new[] { "cmht-ips" }, areas = new[] { Hackney } });
        created.EnsureSuccessStatusCode();
        var id = (await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetInt32();
        (await officer.PostAsJsonAsync($"/api/v1/assets/{id}/rating", new { rating = 2, rationale = "Short of demand" })).EnsureSuccessStatusCode();
        await app.DashboardsCaughtUpAsync();
    }
}
