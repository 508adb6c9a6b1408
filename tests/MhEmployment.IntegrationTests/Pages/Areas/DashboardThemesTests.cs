using System.Net;
using AngleSharp.Dom;
using MhEmployment.IntegrationTests.Infrastructure;
using MhEmployment.Web.Features.Accounts;
using static MhEmployment.IntegrationTests.Pages.DashboardPagesFixture;

namespace MhEmployment.IntegrationTests.Pages.Areas;

/// <summary>
/// An area's dashboard a theme at a time (Pages/Areas/Details with ?theme=): the themes summary, the theme shown, and
/// links between themes that keep the reader's benchmark. Hackney has 10 indicators in the fixture, in four themes
/// (six of them in Prevalence: five from the Fingertips suicide file and the common mental disorder estimate).
/// </summary>
public abstract class DashboardThemesTests(DashboardPagesFixture fixture)
{
    private const string Prevalence = "Prevalence of mental ill-health";
    private const string Benefits = "Benefits and worklessness";
    private const string Employment = "Employment";
    private const string Services = "Services and experience";

    /// <summary>The summary's rows by theme: indicators, better, similar, worse, higher or lower, in quintiles, not compared.</summary>
    private static Dictionary<string, int[]> Summary(IDocument page) =>
        page.QuerySelectorAll("table.themes tbody tr").ToDictionary(
            r => r.QuerySelector("th a")!.Text(),
            r => r.QuerySelectorAll("td").Select(c => int.Parse(c.Text(), System.Globalization.CultureInfo.InvariantCulture)).ToArray());

    private static List<string> ThemeHeadings(IDocument page) =>
        [.. page.QuerySelectorAll("h3[id^='theme-']").Where(h => h.ParentElement!.QuerySelector($"table.profile[aria-labelledby='{h.Id}']") is not null).Select(h => h.Text())];

    private static IElement ThemeLink(IDocument page, string theme) =>
        page.QuerySelectorAll("table.themes tbody th a").Single(a => a.Text() == theme);

    private static string ShownLine(IDocument page) => page.QuerySelector(".themes-shown")!.Text();

    [Fact]
    public async Task WithFewIndicators_TheDashboardShowsEveryTheme_UnderASummaryOfThem()
    {
        var (_, page) = await fixture.Viewer.GetPageAsync($"/areas/{Hackney}");

        ThemeHeadings(page).Should().Equal(Prevalence, Benefits, Employment, Services);
        page.QuerySelector("table.themes caption")!.Text().Should().Be("Hackney's indicators by theme, and how many are better, similar or worse than England");
        page.QuerySelectorAll("table.themes thead th").Select(h => h.Text()).Should().Equal("Theme", "Indicators", "Better", "Similar", "Worse",
            "Higher or lower where neither is better", "In quintiles not tested against the benchmark", "Not compared");
        var summary = Summary(page);
        summary.Keys.Should().Equal(Prevalence, Benefits, Employment, Services);
        summary[Benefits].Should().Equal([1, 0, 0, 1, 0, 0, 0], "the ESA rate is significantly worse than England's");
        summary[Employment].Should().Equal([2, 0, 0, 0, 0, 1, 1], "the employment gap is banded in quintiles; sickness absence has no interval");
        summary[Services].Should().Equal([1, 1, 0, 0, 0, 0, 0], "IAPT recovery is better");
        summary.Values.Sum(counts => counts[0]).Should().Be(page.QuerySelectorAll("table.profile tbody tr").Length);
        summary.Values.Should().OnlyContain(counts => counts.Skip(1).Sum() == counts[0], "every indicator is counted once");
        page.QuerySelector("table.themes thead .sig-better")!.Text().Should().Be("Better", "the badge has the key's colour");
        page.QuerySelectorAll("table.themes a[aria-current]").Should().BeEmpty();
        page.QuerySelector(".themes-all a[aria-current=page]")!.Text().Should().Be("All themes");
        ShownLine(page).Should().Be("Shown below: all 10 indicators, in 4 themes.");
    }

    [Fact]
    public async Task ATheme_ShowsThatThemeOnly_MarkedCurrentInTheSummary()
    {
        var (response, page) = await fixture.Viewer.GetPageAsync($"/areas/{Hackney}?theme=employment");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        ThemeHeadings(page).Should().Equal(Employment);
        page.QuerySelectorAll("table.profile tbody tr th a").Select(a => a.GetAttribute("href")!.Split('?')[0])
            .Should().BeEquivalentTo("/indicators/phof-secondary-mh-employment-gap", "/indicators/sickness-absence-employees");
        page.QuerySelectorAll(".narratives li").Should().HaveCount(2);
        Summary(page).Keys.Should().Equal(Prevalence, Benefits, Employment, Services);
        var current = page.QuerySelectorAll("table.themes a[aria-current=page]").Should().ContainSingle().Subject;
        current.Text().Should().Be(Employment);
        current.ParentElement!.Text().Should().Contain("shown below", "the current theme is marked in words, not by weight alone");
        page.QuerySelector(".themes-all a")!.HasAttribute("aria-current").Should().BeFalse();
        ShownLine(page).Should().Be("Shown below: Employment, 2 of the 10 indicators. The other themes are listed above.");
        page.QuerySelector(".download .hint")!.Text().Should().StartWith("All 10 indicators", "the CSV still has every indicator");
        page.QuerySelector("form.filters input[type=hidden][name=Theme]")!.GetAttribute("value")
            .Should().Be("employment", "updating the benchmark keeps the theme");
        page.QuerySelectorAll("table.profile svg.spine").Should().HaveCount(2);
        page.QuerySelectorAll("[id]").Select(e => e.Id).Should().OnlyHaveUniqueItems("the spine charts' ids are numbered on the page");
    }

    [Fact]
    public async Task AllThemes_ShowsEveryTheme_AndIsKeptByTheSettingsForm()
    {
        var (_, page) = await fixture.Viewer.GetPageAsync($"/areas/{Hackney}?theme=all");

        ThemeHeadings(page).Should().HaveCount(4);
        page.QuerySelector(".themes-all a[aria-current=page]").Should().NotBeNull();
        page.QuerySelector("form.filters input[type=hidden][name=Theme]")!.GetAttribute("value").Should().Be("all");
        var (_, plain) = await fixture.Viewer.GetPageAsync($"/areas/{Hackney}");
        plain.QuerySelector("form.filters input[name=Theme]").Should().BeNull("a page at its default keeps no theme");
    }

    [Fact]
    public async Task AnUnknownTheme_SaysSo_AndShowsTheDefault()
    {
        var (response, page) = await fixture.Viewer.GetPageAsync($"/areas/{Hackney}?theme=jobs");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        page.QuerySelector(".error-summary[role=alert]")!.Text().Should().Contain(
            "'jobs' is not a theme; choose one of prevalence, benefits, employment, services or all, so every theme is shown.");
        ThemeHeadings(page).Should().HaveCount(4);
        page.QuerySelector("form.filters input[name=Theme]").Should().BeNull("the unknown value is not carried on");
    }

    [Fact]
    public async Task TheSummaryLinks_KeepTheBenchmarkGroupAndChosenAreas()
    {
        var (_, region) = await fixture.Viewer.GetPageAsync($"/areas/{Hackney}?Compare=region&Group=lower-tier");

        var link = ThemeLink(region, Benefits).GetAttribute("href")!;
        link.Should().Be($"/areas/{Hackney}?group=lower-tier&compare=region&theme=benefits#profile");
        region.QuerySelector(".themes-all a")!.GetAttribute("href").Should().Be($"/areas/{Hackney}?group=lower-tier&compare=region&theme=all#profile");
        var (_, benefits) = await fixture.Viewer.GetPageAsync(link.Split('#')[0]);
        benefits.QuerySelector("h2#profile")!.Text().Should().Be("How Hackney compares with London");
        benefits.QuerySelector("#Group option[selected]")!.GetAttribute("value").Should().Be("lower-tier");
        ThemeHeadings(benefits).Should().Equal(Benefits);

        var (_, group) = await fixture.Viewer.GetPageAsync($"/areas/{Hackney}?Compare=group&Members={Camden}&Members={Islington}&theme=services");
        ThemeLink(group, Prevalence).GetAttribute("href").Should().Be(
            $"/areas/{Hackney}?compare=group&members={Camden}&members={Islington}&theme=prevalence#profile");
        var (_, benchmark) = await fixture.Viewer.GetPageAsync($"/areas/{Hackney}?benchmark={London}");
        ThemeLink(benchmark, Services).GetAttribute("href").Should().Be($"/areas/{Hackney}?benchmark={London}&theme=services#profile");
    }

    [Fact]
    public async Task EachThemesPage_IsCachedApart()
    {
        await fixture.Factory.DashboardsCaughtUpAsync(); // no reload from an earlier test's change drops the cache midway
        var url = $"/areas/{Camden}?theme=services";
        var first = await fixture.Viewer.GetAsync(new Uri(url, UriKind.Relative));
        var again = await fixture.Viewer.GetAsync(new Uri(url, UriKind.Relative));
        var other = await fixture.Viewer.GetAsync(new Uri($"/areas/{Camden}?theme=employment", UriKind.Relative));

        again.Headers.Age.Should().NotBeNull("the repeat is the cached response");
        (await again.Content.ReadAsStringAsync()).Should().Be(await first.Content.ReadAsStringAsync());
        other.Headers.Age.Should().BeNull("another theme is rendered for itself");
        ThemeHeadings(await Html.ParseAsync(other)).Should().Equal(Employment);
        ThemeHeadings(await Html.ParseAsync(again)).Should().Equal(Services);
    }

    [Fact]
    public async Task AboveTheLimit_TheDashboardOpensAtItsFirstTheme_WithEveryThemeInTheSummary()
    {
        var (_, everyTheme) = await fixture.Viewer.GetPageAsync($"/areas/{Hackney}");
        // The same database, served by an app that shows every theme only up to 3 indicators.
        await using var app = new AppFactory(fixture.Factory.Provider, fixture.Factory.ConnectionString, new Dictionary<string, string>
        {
            ["Dashboards:AllThemesUpTo"] = "3",
            ["Security:SessionRevalidationSeconds"] = "3600",
        });
        using var viewer = await app.SignedInClientAsync(Accounts.EmailFor(Roles.Viewer), Accounts.PasswordFor(Roles.Viewer));

        var (response, page) = await viewer.GetPageAsync($"/areas/{Hackney}");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        ThemeHeadings(page).Should().Equal(Prevalence);
        page.QuerySelectorAll("table.profile tbody tr").Should().HaveCount(6);
        Summary(page).Should().BeEquivalentTo(Summary(everyTheme), "the summary lists every theme with its counts");
        Summary(page).Keys.Should().Equal(Prevalence, Benefits, Employment, Services);
        page.QuerySelector("table.themes a[aria-current=page]")!.Text().Should().Be(Prevalence);
        ShownLine(page).Should().Be($"Shown below: {Prevalence}, 6 of the 10 indicators. The other themes are listed above.");
        var csv = await viewer.GetCsvAsync(page.QuerySelectorAll("a").Single(a => a.Text() == "Download this table (CSV)").GetAttribute("href")!);
        csv.Rows.Should().HaveCount(10, "the download has every indicator, whichever theme the page shows");

        var (_, all) = await viewer.GetPageAsync(page.QuerySelector(".themes-all a")!.GetAttribute("href")!.Split('#')[0]);
        ThemeHeadings(all).Should().Equal(Prevalence, Benefits, Employment, Services);
        var (_, unknown) = await viewer.GetPageAsync($"/areas/{Hackney}?theme=jobs");
        unknown.QuerySelector(".error-summary")!.Text().Should().Contain($"'jobs' is not a theme; choose one of prevalence, benefits, employment, services or all, so {Prevalence} is shown.");
        ThemeHeadings(unknown).Should().Equal(Prevalence);
    }
}

[Collection(SqliteDashboardPagesCollection.Name)]
public sealed class DashboardThemesTestsOnSqlite(SqliteDashboardPagesFixture fixture) : DashboardThemesTests(fixture);

[Collection(PostgresDashboardPagesCollection.Name)]
public sealed class DashboardThemesTestsOnPostgres(PostgresDashboardPagesFixture fixture) : DashboardThemesTests(fixture);
