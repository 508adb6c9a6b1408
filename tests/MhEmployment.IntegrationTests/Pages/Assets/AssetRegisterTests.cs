using System.Net;
using MhEmployment.IntegrationTests.Infrastructure;
using MhEmployment.Web.Features.Accounts;

namespace MhEmployment.IntegrationTests.Pages.Assets;

public abstract class AssetRegisterTests(AppFixture fixture)
{
    private readonly HttpClient _analyst = fixture.PageClient(Roles.Analyst);
    private readonly HttpClient _officer = fixture.PageClient(Roles.Officer);
    private readonly HttpClient _viewer = fixture.PageClient(Roles.Viewer);

    [Fact]
    public async Task Add_WithMissingNameUnknownAreaAndFundingEndBeforeStart_Is400_WithEachErrorLinkedToItsField()
    {
        var fields = AssetPages.Fields("", area: "E09999999");
        fields["Form.FundingStart"] = "2026-04-01";
        fields["Form.FundingEnd"] = "2025-04-01";

        var response = await _analyst.SubmitFormAsync("/assets/add", fields);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var page = await Html.ParseAsync(response);
        var links = page.QuerySelectorAll(".error-summary a").Select(a => (a.GetAttribute("href"), a.Text())).ToList();
        links.Should().Contain(("#Form_Name", "Enter the asset's name"));
        links.Should().Contain(l => l.Item1 == "#Form_Areas" && l.Item2.Contains("No area has the code 'E09999999'"));
        links.Should().Contain(l => l.Item1 == "#Form_FundingEnd" && l.Item2.Contains("must be on or after its start"));
        foreach (var (href, _) in links)
        {
            page.QuerySelector(href!).Should().NotBeNull($"{href} must point at a field");
        }
        page.QuerySelector("#Form_Areas")!.TextContent.Should().Be("E09999999", "what was typed is kept");
    }

    [Fact]
    public async Task Add_AnUnknownChecklistItem_Or_ADuplicateForTheSameProviderAndItem_Is400()
    {
        var name = AssetPages.Unique("Duplicate check");
        await AssetPages.AddAsync(_analyst, AssetPages.Fields(name));

        var duplicate = await _analyst.SubmitFormAsync("/assets/add", AssetPages.Fields(name.ToUpperInvariant()));
        var unknownItem = await _analyst.SubmitFormAsync("/assets/add", AssetPages.Fields(AssetPages.Unique("Unknown item"), item: "no-such-item"));

        duplicate.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await Html.ParseAsync(duplicate)).QuerySelector(".error-summary")!.Text().Should().Contain("already has").And.Contain("edit that asset instead");
        unknownItem.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await Html.ParseAsync(unknownItem)).QuerySelector(".error-summary")!.Text().Should().Contain("'no-such-item' is not a checklist item");
    }

    [Fact]
    public async Task EditAndRating_AreKeptInTheHistory_WithWhoWhenAndWhatChanged()
    {
        var id = await AssetPages.AddAsync(_analyst, AssetPages.Fields(AssetPages.Unique("History")));
        var edit = AssetPages.Fields(AssetPages.Unique("History renamed"));
        edit["Form.CapacityPerYear"] = "80";
        (await _analyst.SubmitFormAsync($"/assets/{id}/edit", edit)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        await AssetPages.RateAsync(_officer, id, 2, "Waiting list of 40 against 80 places");
        await AssetPages.RateAsync(_officer, id, 1, "Funding confirmed for three years");

        var (_, page) = await _viewer.GetPageAsync($"/assets/{id}");

        page.SummaryValue("Rating").Should().Contain("1: good");
        page.SummaryValue("Rationale").Should().Be("Funding confirmed for three years");
        page.SummaryValue("Rated by").Should().StartWith(Accounts.EmailFor(Roles.Officer));
        var history = page.QuerySelectorAll("table[aria-labelledby=history] tbody tr").Select(r => r.Text()).ToList();
        history.Should().HaveCount(4);
        history[0].Should().Contain(Accounts.EmailFor(Roles.Officer)).And.Contain("Rating: 2 → 1").And.Contain("Funding confirmed");
        history[1].Should().Contain("Rated 2").And.Contain("Waiting list of 40");
        history[2].Should().Contain(Accounts.EmailFor(Roles.Analyst)).And.Contain("Edited").And.Contain("Capacity per year: (empty) → '80'");
        history[3].Should().Contain("Created");
    }

    [Fact]
    public async Task Rating_OutsideOneToThree_Is400_AndAnAnalystCannotRate()
    {
        var id = await AssetPages.AddAsync(_analyst, AssetPages.Fields(AssetPages.Unique("Rating rules")));

        var outside = await _officer.SubmitFormAsync($"/assets/{id}/rate", new() { ["Rating"] = "4", ["Rationale"] = "Too good" });
        var byAnalyst = await _analyst.GetAsync(new Uri($"/assets/{id}/rate", UriKind.Relative));

        outside.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await Html.ParseAsync(outside)).QuerySelector(".error-summary a[href='#Rating']")!.Text().Should().Be("'4' is not a rating; a rating is 1, 2 or 3");
        byAnalyst.StatusCode.Should().Be(HttpStatusCode.Redirect);
        byAnalyst.Headers.Location!.OriginalString.Should().Contain("/Account/AccessDenied");
        var (_, page) = await _viewer.GetPageAsync($"/assets/{id}");
        page.SummaryValue("Rating").Should().Be("Not rated");
    }

    [Fact]
    public async Task Register_FiltersByAreaItemSectorAndRating_CountsWhatMatches_AndIncludesRegionWideAssets()
    {
        var tag = AssetPages.Unique("Filter");
        var own = await AssetPages.AddAsync(_analyst, AssetPages.Fields($"{tag} own", area: "E09000002", item: "volunteering"));
        var regional = await AssetPages.AddAsync(_analyst, AssetPages.Fields($"{tag} London-wide", area: "London", item: "volunteering"));
        await AssetPages.AddAsync(_analyst, AssetPages.Fields($"{tag} elsewhere", area: "E09000003", item: "volunteering"));
        await AssetPages.RateAsync(_officer, own, 3, "Closing");

        var (_, all) = await _viewer.GetPageAsync($"/assets?q={Uri.EscapeDataString(tag)}&area=Barking+and+Dagenham&item=volunteering");
        var (_, rated) = await _viewer.GetPageAsync($"/assets?q={Uri.EscapeDataString(tag)}&area=E09000002&rating=3&sector=voluntary&domain=3");

        all.QuerySelector(".result-count")!.Text().Should().Be("2 assets match.");
        all.QuerySelectorAll("table tbody tr a").Select(a => a.GetAttribute("href")).Should().BeEquivalentTo($"/assets/{own}", $"/assets/{regional}");
        rated.QuerySelector(".result-count")!.Text().Should().Be("1 asset matches.");
    }

    [Fact]
    public async Task Register_ABadFilter_Is400WithTheProblemLinkedToTheField()
    {
        var response = await _viewer.GetAsync(new Uri("/assets?rating=5&area=Atlantis", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var links = (await Html.ParseAsync(response)).QuerySelectorAll(".error-summary a").Select(a => a.GetAttribute("href")).ToList();
        links.Should().Contain("#rating");
    }

    [Fact]
    public async Task HtmlAndFormulaText_InEveryFreeTextField_IsInertOnThePagesAndInTheExport()
    {
        const string script = "<script>alert('x')</script>";
        const string formula = "=HYPERLINK(\"http://evil\",\"x\")";
        var fields = AssetPages.Fields(AssetPages.Unique("Inert") + script, provider: "+SUM(1)" + script);
        foreach (var field in new[] { "Description", "TargetGroup", "Eligibility", "FundingSource", "Commissioner", "Contact" })
        {
            fields[$"Form.{field}"] = field.Length % 2 == 0 ? script + " " + field : formula;
        }
        var id = await AssetPages.AddAsync(_analyst, fields);
        await AssetPages.RateAsync(_officer, id, 2, "@SUM(1) " + script);

        foreach (var url in new[] { $"/assets/{id}", $"/assets?q=Inert", "/assets/coverage/E09000012" })
        {
            var html = await (await _viewer.GetAsync(new Uri(url, UriKind.Relative))).Content.ReadAsStringAsync();
            html.Should().NotContain("<script>alert", url);
            html.Should().Contain("&lt;script&gt;alert", url);
        }
        var csv = await _viewer.GetStringAsync(new Uri($"/assets/export?q={Uri.EscapeDataString("Inert")}", UriKind.Relative));
        csv.Should().Contain("'+SUM(1)").And.Contain("'=HYPERLINK").And.Contain("'@SUM(1)");
        csv.Split('\n').Should().NotContain(line => line.Contains(",=", StringComparison.Ordinal) || line.Contains(",+", StringComparison.Ordinal) || line.Contains(",@", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Coverage_BoroughWithItsOwnAsset_ShowsItsBestRatingAndTheNextStep()
    {
        var id = await AssetPages.AddAsync(_analyst, AssetPages.Fields(AssetPages.Unique("Islington IPS"), area: "E09000019"));
        await AssetPages.RateAsync(_officer, id, 2, "Capacity short of demand");

        var (response, page) = await _viewer.GetPageAsync("/assets/coverage/E09000019");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var row = page.QuerySelector("#item-cmht-ips")!;
        row.Text().Should().Contain("Partly covered").And.Contain("Best rating 2").And.Contain("This area");
        row.QuerySelector(".next-step")!.Text().Should().StartWith("Options to scale up or target");
    }

    [Fact]
    public async Task Coverage_BoroughWithOnlyRegionWideOrIcbWideAssets_CountsThemMarkedAsSuch()
    {
        // Darlington: North East region; Cornwall: NHS Cornwall and the Isles of Scilly ICB. No other test serves these.
        await AssetPages.AddAsync(_analyst, AssetPages.Fields(AssetPages.Unique("North East IPS"), area: "E12000001"));
        await AssetPages.AddAsync(_analyst, AssetPages.Fields(AssetPages.Unique("Kernow IPS"), area: "E54000036"));

        var (_, darlington) = await _viewer.GetPageAsync("/assets/coverage/E06000005");
        var (_, cornwall) = await _viewer.GetPageAsync("/assets/coverage/E06000052");

        darlington.QuerySelector("#item-cmht-ips .served-through")!.Text().Should().Be("Region-wide (North East)");
        darlington.QuerySelector("#item-cmht-ips")!.Text().Should().Contain("Assets not yet rated");
        cornwall.QuerySelector("#item-cmht-ips .served-through")!.Text().Should().Be("ICB-wide (NHS Cornwall and the Isles of Scilly Integrated Care Board)");
        darlington.QuerySelector("#item-volunteering")!.Text().Should().Contain("Gap");
    }

    [Fact]
    public async Task Coverage_OfADistrict_CountsIcbWideAssetsThroughItsCountysNhsAreas_WhichTheCountyLiesPartlyIn()
    {
        // Chelmsford is a district of Essex, whose care locations lie in three ICBs. No other test serves these.
        await AssetPages.AddAsync(_analyst, AssetPages.Fields(AssetPages.Unique("Mid and South Essex IPS"), area: "E54000026"));

        var (_, chelmsford) = await _viewer.GetPageAsync("/assets/coverage/E07000070");
        var (_, essex) = await _viewer.GetPageAsync("/assets/coverage/E10000012");

        const string midAndSouthEssex = "ICB-wide (NHS Mid and South Essex Integrated Care Board)";
        chelmsford.QuerySelector("#item-cmht-ips .served-through")!.Text()
            .Should().Be($"{midAndSouthEssex}, through its county's NHS areas: Essex lies partly in it");
        essex.QuerySelector("#item-cmht-ips .served-through")!.Text().Should().Be($"{midAndSouthEssex}: Essex lies partly in it");
        essex.QuerySelectorAll("ul.serving-areas li").Select(li => li.Text()).Where(t => t.StartsWith("ICB-wide", StringComparison.Ordinal))
            .Should().BeEquivalentTo(
            [
                $"{midAndSouthEssex}: Essex lies partly in it",
                "ICB-wide (NHS Suffolk and North East Essex Integrated Care Board): Essex lies partly in it",
                "ICB-wide (NHS Hertfordshire and West Essex Integrated Care Board): Essex lies partly in it",
            ]);
    }

    [Fact]
    public async Task Coverage_ListsTheNhsAreasCounted_WhollyOrPartly_AndAPredecessorsAsItsOwn()
    {
        var (_, hackney) = await _viewer.GetPageAsync("/assets/coverage/E09000012");
        var (_, cumberland) = await _viewer.GetPageAsync("/assets/coverage/E06000063");

        hackney.QuerySelectorAll("ul.serving-areas li").Select(li => li.Text()).Should().Equal(
            "This area",
            "Region-wide (London)",
            "Sub-ICB location (NHS North East London ICB - A3A8R)",
            "ICB-wide (NHS North East London Integrated Care Board)");
        cumberland.QuerySelectorAll("ul.serving-areas li").Select(li => li.Text()).Should().Contain(
            "ICB-wide (NHS Lancashire and South Cumbria Integrated Care Board), through its predecessor Cumbria's NHS areas: Cumbria lay partly in it");
    }

    [Fact]
    public async Task Coverage_BoroughWithNoAssets_MarksEveryItemAsAGap_AndTheDashboardSaysSo()
    {
        // Rutland (East Midlands; Leicester, Leicestershire and Rutland ICB): no test adds assets there.
        var (_, page) = await _viewer.GetPageAsync("/assets/coverage/E06000017");
        var (_, dashboard) = await _viewer.GetPageAsync("/areas/E06000017");

        var rows = page.QuerySelectorAll("table.coverage tbody tr");
        rows.Should().NotBeEmpty().And.OnlyContain(r => r.ClassList.Contains("gap"));
        page.SummaryValue("Items with an asset").Should().StartWith("0 of");
        dashboard.QuerySelector("section.assets-summary")!.Text().Should().Contain("Gaps (no asset)");
        dashboard.QuerySelector("section.assets-summary a[href='/assets/coverage/E06000017']").Should().NotBeNull();
    }

    [Fact]
    public async Task Coverage_OfAnUnknownOrAbolishedArea_Is404()
    {
        (await _viewer.GetAsync(new Uri("/assets/coverage/E09999999", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await _viewer.GetAsync(new Uri("/assets/coverage/E10000006", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class AssetRegisterOnSqlite(SqliteAppFixture fixture) : AssetRegisterTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class AssetRegisterOnPostgres(PostgresAppFixture fixture) : AssetRegisterTests(fixture);
