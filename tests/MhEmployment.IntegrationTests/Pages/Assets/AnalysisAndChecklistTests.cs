using System.Net;
using AngleSharp.Html.Dom;
using MhEmployment.IntegrationTests.Infrastructure;
using MhEmployment.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace MhEmployment.IntegrationTests.Pages.Assets;

public abstract class AnalysisAndChecklistTests(AppFixture fixture)
{
    private readonly HttpClient _analyst = fixture.PageClient(Roles.Analyst);
    private readonly HttpClient _officer = fixture.PageClient(Roles.Officer);
    private readonly HttpClient _admin = fixture.PageClient(Roles.Admin);
    private readonly HttpClient _viewer = fixture.PageClient(Roles.Viewer);

    /// <summary>Every item of the analysis form rated alike, with one item overridden.</summary>
    private static async Task<HttpResponseMessage> SubmitAnalysisAsync(HttpClient client, string code, string date, string rating, string? ipsRating = null, bool leaveIpsEmpty = false)
    {
        var (_, page) = await client.GetPageAsync($"/assets/analysis/{code}/new");
        var form = (IHtmlFormElement)page.QuerySelector("main form[method=post]")!;
        var fields = new Dictionary<string, string> { ["Date"] = date };
        foreach (var fieldset in page.QuerySelectorAll("fieldset.rag-item"))
        {
            var prefix = fieldset.QuerySelector("input[type=hidden]")!.GetAttribute("name")!.Replace(".ItemId", "", StringComparison.Ordinal);
            var isIps = fieldset.QuerySelector("a")!.GetAttribute("href")!.EndsWith("#item-cmht-ips", StringComparison.Ordinal);
            if (isIps && leaveIpsEmpty)
            {
                continue;
            }
            fields[$"{prefix}.Rating"] = isIps && ipsRating is not null ? ipsRating : rating;
            fields[$"{prefix}.Rationale"] = $"Reason {rating}";
        }
        // Only the hidden inputs (item ids, antiforgery token) and our choices: the form's radio buttons are not all sent.
        var values = form.QuerySelectorAll("input[type=hidden]").Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? ""))
            .Concat(fields);
        return await client.PostAsync(new Uri($"/assets/analysis/{code}/new", UriKind.Relative), new FormUrlEncodedContent(values));
    }

    [Fact]
    public async Task RagAnalysis_EveryItemRatedInOneSitting_IsSavedTogether_AndEarlierAnalysesStayReadableWithWhatChanged()
    {
        var first = await SubmitAnalysisAsync(_officer, "E09000022", "2025-03-31", "3", ipsRating: "none");
        first.StatusCode.Should().Be(HttpStatusCode.Redirect, await first.Content.ReadAsStringAsync());
        var second = await SubmitAnalysisAsync(_officer, "E09000022", "2026-03-31", "3", ipsRating: "2");
        second.StatusCode.Should().Be(HttpStatusCode.Redirect);

        var (_, list) = await _viewer.GetPageAsync("/assets/analysis/E09000022");
        var (_, latest) = await _viewer.GetPageAsync(second.Headers.Location!.OriginalString);
        var (_, coverage) = await _viewer.GetPageAsync("/assets/coverage/E09000022");

        list.QuerySelectorAll("table[aria-labelledby=analyses] tbody tr a").Select(a => a.Text()).Should().Equal("31 March 2026", "31 March 2025");
        latest.QuerySelector("main p")!.Text().Should().Contain("Compared with the analysis of 31 March 2025: 1 rating(s) changed");
        var ips = latest.QuerySelector("#item-cmht-ips")!;
        ips.Text().Should().Contain("2: partly covered").And.Contain("Options to scale up or target").And.Contain("No provision (changed)");
        coverage.QuerySelector("#item-cmht-ips .analysis-rating")!.Text().Should().Be("RAG analysis: 2: partly covered");
    }

    [Fact]
    public async Task RagAnalysis_WithAnItemLeftUnrated_Is400_AndNothingIsSaved()
    {
        var before = await fixture.Factory.WithDbAsync(db => db.RagAnalyses.CountAsync(a => a.AreaCode == "E09000023"));

        var response = await SubmitAnalysisAsync(_officer, "E09000023", "2026-01-15", "1", leaveIpsEmpty: true);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var page = await Html.ParseAsync(response);
        var link = page.QuerySelectorAll(".error-summary a").Single();
        link.Text().Should().Be("Rate item 3.1: 1, 2, 3 or no provision");
        page.QuerySelector(link.GetAttribute("href")!).Should().NotBeNull();
        (await fixture.Factory.WithDbAsync(db => db.RagAnalyses.CountAsync(a => a.AreaCode == "E09000023"))).Should().Be(before);
    }

    [Fact]
    public async Task RagAnalysis_IsForOfficers_AnalystsAndViewersOnlyReadIt()
    {
        var response = await _analyst.GetAsync(new Uri("/assets/analysis/E09000012/new", UriKind.Relative));

        response.Headers.Location!.OriginalString.Should().Contain("/Account/AccessDenied");
        (await _viewer.GetAsync(new Uri("/assets/analysis/E09000012", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Checklist_AdminAddsRenamesReordersAndRetiresAnItem_WhichKeepsItsAssets()
    {
        var wording = AssetPages.Unique("Peer mentoring at work");
        (await _admin.SubmitFormAsync("/assets/checklist/edit", new() { ["DomainNumber"] = "4", ["Text"] = wording }, "main form[action*='handler=Add']"))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);
        var item = await fixture.Factory.WithDbAsync(db => db.AssetChecklistItems.AsNoTracking().SingleAsync(i => i.Text == wording));
        var assetId = await AssetPages.AddAsync(_analyst, AssetPages.Fields(AssetPages.Unique("Mentors"), area: "E09000024", item: item.Key));

        await _admin.SubmitFormAsync("/assets/checklist/edit", new() { ["ItemId"] = item.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Text"] = wording + " (renamed)" }, "main form[action*='handler=Rename']");
        await _admin.SubmitFormAsync("/assets/checklist/edit", new() { ["ItemId"] = item.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, "main form[action*='handler=Up']");
        var retire = await _admin.SubmitFormAsync("/assets/checklist/edit", new() { ["ItemId"] = item.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, "main form[action*='handler=Retire']");

        retire.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var after = await fixture.Factory.WithDbAsync(db => db.AssetChecklistItems.AsNoTracking().SingleAsync(i => i.Id == item.Id));
        after.Text.Should().EndWith("(renamed)");
        after.Number.Should().Be(item.Number - 1);
        after.RetiredUtc.Should().NotBeNull();
        var (_, add) = await _analyst.GetPageAsync("/assets/add");
        add.QuerySelector($"#item-{item.Key}").Should().BeNull("a retired item is not offered for new assets");
        var (_, asset) = await _viewer.GetPageAsync($"/assets/{assetId}");
        asset.SummaryValue("Checklist items").Should().Contain("(retired item)");
        var (_, coverage) = await _viewer.GetPageAsync("/assets/coverage/E09000024");
        coverage.QuerySelector($"#item-{item.Key}")!.Text().Should().Contain("(retired)");
        var (_, analysis) = await _officer.GetPageAsync("/assets/analysis/E09000024/new");
        analysis.QuerySelectorAll("fieldset.rag-item legend").Should().NotContain(l => l.Text().Contains(wording));
    }

    [Fact]
    public async Task Checklist_EditingIsForAdmins_AndEmptyWordingIs400()
    {
        (await _analyst.GetAsync(new Uri("/assets/checklist/edit", UriKind.Relative))).Headers.Location!.OriginalString.Should().Contain("AccessDenied");
        var empty = await _admin.SubmitFormAsync("/assets/checklist/edit", new() { ["DomainNumber"] = "1", ["Text"] = " " }, "main form[action*='handler=Add']");
        empty.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await Html.ParseAsync(empty)).QuerySelector(".error-summary")!.Text().Should().Contain("Enter the item's wording");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class AnalysisAndChecklistOnSqlite(SqliteAppFixture fixture) : AnalysisAndChecklistTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class AnalysisAndChecklistOnPostgres(PostgresAppFixture fixture) : AnalysisAndChecklistTests(fixture);
