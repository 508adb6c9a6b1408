using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using MhEmployment.IntegrationTests.Infrastructure;
using MhEmployment.IntegrationTests.NeedsAssets;
using MhEmployment.Web.Features.Accounts;
using MhEmployment.Web.Features.Audit;
using MhEmployment.Web.Features.DataVersions;
using Microsoft.EntityFrameworkCore;

namespace MhEmployment.IntegrationTests.Pages.Priorities;

/// <summary>
/// A borough's priorities through the pages and the API, on the comparison's worked example (Hackney has an IPS
/// service rated 1 and a vocational rehabilitation service rated 2; domain 3 has two scored indicators, neither
/// "red-red" with one period of data). Each test uses its own borough, so they can run in any order.
/// </summary>
public abstract class PrioritiesTests(NeedsAssetsFixture fixture)
{
    private const string Hackney = NeedsAssetsFixture.Hackney;
    private const string Markup = "<script>alert(1)</script>";
    private const string Formula = "=HYPERLINK(\"http://x\",\"y\")";

    private Task<HttpClient> PagesAsAsync(string role) => fixture.Factory.SignedInClientAsync(Accounts.EmailFor(role), Accounts.PasswordFor(role));

    private Task<HttpClient> ApiAsAsync(string role) => fixture.Factory.ApiClientAsync(Accounts.EmailFor(role));

    [Fact]
    public async Task ProposingFromTheCell_FillsInTheItemsAction_TheScoredIndicators_AndItsAssets_AndSavingListsIt()
    {
        var officer = await PagesAsAsync(Roles.Officer);
        var (_, cell) = await officer.GetPageAsync($"/needs-assets/{Hackney}/3");
        var propose = cell.QuerySelectorAll("a").Single(a => a.Text().StartsWith("Propose a priority for Hackney:", StringComparison.Ordinal));
        propose.GetAttribute("href").Should().Be($"/areas/{Hackney}/priorities/new?domain=3");
        var itemLinks = cell.QuerySelectorAll("a.propose-item").Select(a => a.GetAttribute("href")).ToList();
        itemLinks.Should().HaveCount(8).And.Contain($"/areas/{Hackney}/priorities/new?domain=3&item=cmht-ips");
        cell.QuerySelectorAll("a").Should().Contain(a => a.GetAttribute("href") == $"/areas/{Hackney}/priorities");

        var ips = await ProposalAsync(officer, "cmht-ips");
        Selected(ips, "Form.Domain").Should().Be("3");
        Selected(ips, "Form.Item").Should().Be("cmht-ips");
        Checked(ips, "Form.Action").Should().Equal("protect-and-promote");
        Checked(ips, "Form.Status").Should().Equal("proposed");
        Checked(ips, "Form.Indicators").Should().BeEquivalentTo("esa-mental-behavioural-rate", "ascof-1f-secondary-mh-paid-employment");
        Checked(ips, "Form.Assets").Should().Equal((await AssetIdAsync("Hackney cmht-ips")).ToString(System.Globalization.CultureInfo.InvariantCulture));
        ips.QuerySelector("main")!.Text().Should().Contain("Proposed from the comparison: High need in domain 3").And.Contain("Item 3.1");
        Checked(await ProposalAsync(officer, "vocational-rehabilitation"), "Form.Action").Should().Equal("scale-up-or-target");
        var gap = await ProposalAsync(officer, "case-management");
        Checked(gap, "Form.Action").Should().Equal("new-priority-action");
        Checked(gap, "Form.Assets").Should().BeEmpty();

        var versions = await CountAsync(db => db.DataChanges.CountAsync(c => c.Kind == DataChangeKinds.Priorities));
        var saved = await officer.PostFormAsync((IHtmlFormElement)ips.QuerySelector("main form[method=post]")!, new()
        {
            ["Form.Description"] = "Scale up IPS", ["Form.Owner"] = "Hackney ICB mental health lead", ["Form.Timescale"] = "medium-term",
        }, $"/areas/{Hackney}/priorities/new?domain=3&item=cmht-ips");

        saved.StatusCode.Should().Be(HttpStatusCode.Redirect);
        saved.Headers.Location!.OriginalString.Should().StartWith($"/areas/{Hackney}/priorities#priority-");
        var (_, list) = await officer.GetPageAsync($"/areas/{Hackney}/priorities");
        list.QuerySelector(".flash")!.Text().Should().Be("Priority recorded.");
        var row = list.QuerySelectorAll("table.priorities tbody tr").Single(r => r.QuerySelector("th")!.Text() == "Scale up IPS");
        row.Text().Should().Contain("3.1").And.Contain("Protect and promote").And.Contain("Hackney ICB mental health lead").And.Contain("Medium term").And.Contain("Proposed");
        (await CountAsync(db => db.DataChanges.CountAsync(c => c.Kind == DataChangeKinds.Priorities))).Should().Be(versions + 1);
    }

    [Fact]
    public async Task EditingAPriority_KeepsWhoChangedWhatInWords_AndWritesTheAuditLog()
    {
        var officer = await PagesAsAsync(Roles.Officer);
        var id = await CreateAsync(NeedsAssetsFixture.Newham, "Employer advice pilot", owner: "Public health");

        var edited = await officer.PostFormAsync($"/priorities/{id}/edit", new() { ["Form.Status"] = "agreed", ["Form.Owner"] = "Newham Council" });

        edited.StatusCode.Should().Be(HttpStatusCode.Redirect);
        edited.Headers.Location!.OriginalString.Should().Be($"/priorities/{id}");
        var (_, details) = await officer.GetPageAsync($"/priorities/{id}");
        details.QuerySelector(".flash")!.Text().Should().Be("Changes saved.");
        var history = details.QuerySelectorAll("#history ~ table tbody tr").Select(r => r.QuerySelectorAll("td").Select(td => td.Text()).ToList()).ToList();
        history.Should().HaveCount(2);
        history[0][1].Should().Be(Accounts.EmailFor(Roles.Officer));
        history[0][2].Should().Be("Owner: 'Public health' → 'Newham Council'; Status: proposed → agreed");
        history[1][2].Should().Be("Recorded as proposed");
        details.SummaryValue("Status").Should().Be("Agreed");
        var audit = await fixture.Factory.WithDbAsync(db => db.AuditEvents.Where(e => e.Target == $"priority {id}").OrderBy(e => e.Id).ToListAsync());
        audit.Select(e => e.Action).Should().Equal(AuditActions.PriorityCreated, AuditActions.PriorityEdited);
        audit[1].Details.Should().Contain("Status: proposed → agreed");

        // Saving the form unchanged records nothing.
        var again = await officer.PostFormAsync($"/priorities/{id}/edit", []);
        again.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await CountAsync(db => db.PriorityChanges.CountAsync(c => c.PriorityId == id))).Should().Be(2);
    }

    [Fact]
    public async Task InvalidInput_ShowsEveryProblemLinkedToItsField_With400_AndSavesNothing()
    {
        var officer = await PagesAsAsync(Roles.Officer);
        var before = await CountAsync(db => db.Priorities.CountAsync());

        var response = await officer.PostFormAsync($"/areas/{NeedsAssetsFixture.Lambeth}/priorities/new", new()
        {
            ["Form.Domain"] = "1", ["Form.Item"] = "cmht-ips", ["Form.Description"] = " ", ["Form.Owner"] = "Lambeth", ["Form.Action"] = "new-priority-action",
            ["Form.Timescale"] = "short-term", ["Form.ReviewDate"] = "next spring",
        });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var page = await Html.ParseAsync(response);
        var summary = page.QuerySelectorAll(".error-summary li a").ToDictionary(a => a.GetAttribute("href")!, a => a.Text());
        summary["#Form_Description"].Should().Be("Describe the priority");
        summary["#Form_Item"].Should().StartWith("Item 3.1").And.Contain("is in domain 3, not domain 1");
        summary["#Form_ReviewDate"].Should().Contain("must be a date such as 2026-09-30");
        page.QuerySelector("#Form_Item-error")!.Text().Should().Contain("not domain 1");
        page.QuerySelector<IHtmlInputElement>("#Form_Owner")!.Value.Should().Be("Lambeth");
        (await CountAsync(db => db.Priorities.CountAsync())).Should().Be(before);
    }

    [Fact]
    public async Task ViewersAndAnalysts_AreRefusedTheForms_ButReadThePriorities()
    {
        var id = await CreateAsync(NeedsAssetsFixture.Islington, "Debt advice in GP surgeries");
        foreach (var role in new[] { Roles.Viewer, Roles.Analyst })
        {
            var client = await PagesAsAsync(role);
            foreach (var response in new[]
            {
                await client.GetAsync($"/areas/{NeedsAssetsFixture.Islington}/priorities/new"),
                await client.PostAsync($"/areas/{NeedsAssetsFixture.Islington}/priorities/new", new FormUrlEncodedContent([])),
                await client.GetAsync($"/priorities/{id}/edit"),
                await client.PostAsync($"/priorities/{id}/edit", new FormUrlEncodedContent([])),
            })
            {
                response.StatusCode.Should().Be(HttpStatusCode.Redirect);
                response.Headers.Location!.OriginalString.Should().Contain("/Account/AccessDenied");
                (await client.GetAsync(response.Headers.Location)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
            }
            var (listed, list) = await client.GetPageAsync($"/areas/{NeedsAssetsFixture.Islington}/priorities");
            listed.StatusCode.Should().Be(HttpStatusCode.OK);
            list.QuerySelectorAll("table.priorities th a").Should().Contain(a => a.Text() == "Debt advice in GP surgeries");
            list.QuerySelectorAll("a").Should().NotContain(a => a.GetAttribute("href") == $"/areas/{NeedsAssetsFixture.Islington}/priorities/new");
            var (_, details) = await client.GetPageAsync($"/priorities/{id}");
            details.QuerySelectorAll("a").Should().NotContain(a => a.GetAttribute("href") == $"/priorities/{id}/edit");
            var (_, cell) = await client.GetPageAsync($"/needs-assets/{Hackney}/3");
            cell.QuerySelectorAll("a.propose-item").Should().BeEmpty();
        }
        var viewerApi = await ApiAsAsync(Roles.Viewer);
        (await viewerApi.PostAsJsonAsync($"/api/v1/areas/{NeedsAssetsFixture.Islington}/priorities", new { })).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await viewerApi.PutAsJsonAsync($"/api/v1/priorities/{id}", new { })).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task OverdueReviews_AreMarkedInWords_OnThePageAndInTheApi()
    {
        var past = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var overdue = await CreateAsync(NeedsAssetsFixture.Camden, "Review IPS fidelity", status: "agreed", reviewDate: past);
        var done = await CreateAsync(NeedsAssetsFixture.Camden, "Map employer schemes", status: "done", reviewDate: past);
        var later = await CreateAsync(NeedsAssetsFixture.Camden, "Plan a work experience scheme", status: "in-progress", reviewDate: "2099-01-01");

        var (_, page) = await (await PagesAsAsync(Roles.Viewer)).GetPageAsync($"/areas/{NeedsAssetsFixture.Camden}/priorities");

        page.QuerySelector($"#priority-{overdue}")!.Text().Should().Contain("Review overdue");
        page.QuerySelector($"#priority-{done}")!.Text().Should().NotContain("overdue");
        page.QuerySelector($"#priority-{later}")!.Text().Should().NotContain("overdue").And.Contain("1 January 2099");
        page.QuerySelector("main")!.Text().Should().Contain("3 priorities; 1 with a review overdue");
        var (_, details) = await (await PagesAsAsync(Roles.Viewer)).GetPageAsync($"/priorities/{overdue}");
        details.SummaryValue("Review date").Should().EndWith("Review overdue");
        var api = await (await ApiAsAsync(Roles.Viewer)).GetFromJsonAsync<JsonElement>($"/api/v1/areas/{NeedsAssetsFixture.Camden}/priorities");
        api.GetProperty("reviewsOverdue").GetInt32().Should().Be(1);
        api.GetProperty("priorities").EnumerateArray().Select(p => (p.GetProperty("id").GetInt32(), p.GetProperty("reviewOverdue").GetBoolean()))
            .Should().BeEquivalentTo(new[] { (overdue, true), (done, false), (later, false) });
    }

    [Fact]
    public async Task MarkupAndFormulaText_IsStoredAsTyped_AndShownInert()
    {
        var officer = await PagesAsAsync(Roles.Officer);
        var response = await officer.PostFormAsync($"/areas/{NeedsAssetsFixture.Islington}/priorities/new", new()
        {
            ["Form.Domain"] = "2", ["Form.Description"] = Markup, ["Form.Owner"] = Formula, ["Form.Action"] = "new-priority-action",
            ["Form.Timescale"] = "long-term", ["Form.Status"] = "proposed",
        });
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var id = int.Parse(response.Headers.Location!.OriginalString.Split("#priority-")[1], System.Globalization.CultureInfo.InvariantCulture);

        var stored = await fixture.Factory.WithDbAsync(db => db.Priorities.SingleAsync(p => p.Id == id));
        stored.Description.Should().Be(Markup);
        stored.Owner.Should().Be(Formula);
        foreach (var url in new[] { $"/areas/{NeedsAssetsFixture.Islington}/priorities", $"/priorities/{id}", $"/priorities/{id}/edit" })
        {
            var html = await officer.GetStringAsync(url);
            html.Should().NotContain(Markup, url).And.Contain("&lt;script&gt;alert(1)&lt;/script&gt;", url);
            var page = await Html.ParseAsync(await officer.GetAsync(url));
            page.QuerySelectorAll("script").Should().NotContain(s => s.TextContent.Contains("alert", StringComparison.Ordinal), url);
            if (url.EndsWith("/edit", StringComparison.Ordinal))
            {
                page.QuerySelector<IHtmlTextAreaElement>("#Form_Description")!.Value.Should().Be(Markup);
                page.QuerySelector<IHtmlInputElement>("#Form_Owner")!.Value.Should().Be(Formula);
            }
            else
            {
                page.QuerySelector("main")!.TextContent.Should().Contain(Markup, url).And.Contain(Formula, url);
            }
        }
        var api = await (await ApiAsAsync(Roles.Viewer)).GetFromJsonAsync<JsonElement>($"/api/v1/priorities/{id}");
        api.GetProperty("description").GetString().Should().Be(Markup);
        api.GetProperty("owner").GetString().Should().Be(Formula);
    }

    [Fact]
    public async Task UnknownAbolishedOrUnservedAreas_AndUnknownPriorities_Are404()
    {
        var officer = await PagesAsAsync(Roles.Officer);
        var api = await ApiAsAsync(Roles.Officer);
        // No such code; Cumbria (abolished in 2023); England (not an area assets serve).
        foreach (var code in new[] { "E99999999", "E10000006", "E92000001" })
        {
            (await officer.GetAsync($"/areas/{code}/priorities")).StatusCode.Should().Be(HttpStatusCode.NotFound, code);
            (await officer.GetAsync($"/areas/{code}/priorities/new")).StatusCode.Should().Be(HttpStatusCode.NotFound, code);
            (await api.GetAsync($"/api/v1/areas/{code}/priorities")).StatusCode.Should().Be(HttpStatusCode.NotFound, code);
            (await api.PostAsJsonAsync($"/api/v1/areas/{code}/priorities", Request(1, "x"))).StatusCode.Should().Be(HttpStatusCode.NotFound, code);
        }
        (await officer.GetAsync("/priorities/999999")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await officer.GetAsync("/priorities/999999/edit")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await api.GetAsync("/api/v1/priorities/999999")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await api.PutAsJsonAsync("/api/v1/priorities/999999", Request(1, "x"))).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Api_RecordsAndReplacesAPriority_InKebabCaseWords_WithItsHistory()
    {
        var api = await ApiAsAsync(Roles.Officer);
        var ips = await AssetIdAsync("Hackney cmht-ips");

        var created = await api.PostAsJsonAsync($"/api/v1/areas/{Hackney}/priorities", new
        {
            domain = 3, item = "cmht-ips", action = "scale-up-or-target", description = "Scale up IPS (API)", owner = "ELFT", timescale = "short-term",
            status = "proposed", reviewDate = "2030-03-31", assets = new[] { ips }, indicators = new[] { "esa-mental-behavioural-rate" },
        });

        created.StatusCode.Should().Be(HttpStatusCode.Created);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = body.GetProperty("id").GetInt32();
        created.Headers.Location!.OriginalString.Should().Be($"/api/v1/priorities/{id}");
        body.GetProperty("area").GetString().Should().Be(Hackney);
        body.GetProperty("domain").GetInt32().Should().Be(3);
        body.GetProperty("item").GetString().Should().Be("cmht-ips");
        body.GetProperty("action").GetString().Should().Be("scale-up-or-target");
        body.GetProperty("timescale").GetString().Should().Be("short-term");
        body.GetProperty("reviewDate").GetString().Should().Be("2030-03-31");
        body.GetProperty("assets").EnumerateArray().Select(a => a.GetInt32()).Should().Equal(ips);
        body.GetProperty("indicators").EnumerateArray().Select(i => i.GetString()).Should().Equal("esa-mental-behavioural-rate");

        var replaced = await api.PutAsJsonAsync($"/api/v1/priorities/{id}", Request(3, "Scale up IPS (API)", status: "in-progress", owner: "ELFT") with
        {
            Item = "cmht-ips", Action = "scale-up-or-target", Timescale = "short-term", ReviewDate = "2030-03-31", Indicators = ["esa-mental-behavioural-rate"],
        });

        replaced.StatusCode.Should().Be(HttpStatusCode.OK);
        var after = await replaced.Content.ReadFromJsonAsync<JsonElement>();
        after.GetProperty("status").GetString().Should().Be("in-progress");
        after.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("summary").GetString())
            .Should().Equal($"Status: proposed → in progress; Assets: removed 'Hackney cmht-ips' (asset {ips})", "Recorded as proposed");
        var listed = await (await ApiAsAsync(Roles.Viewer)).GetFromJsonAsync<JsonElement>($"/api/v1/areas/{Hackney}/priorities");
        listed.GetProperty("priorities").EnumerateArray().Should().Contain(p => p.GetProperty("id").GetInt32() == id);
    }

    [Fact]
    public async Task Api_AnInvalidPriority_Is400WithEachProblemUnderItsFieldName_AndSavesNothing()
    {
        var api = await ApiAsAsync(Roles.Officer);
        var before = await CountAsync(db => db.Priorities.CountAsync());

        var response = await api.PostAsJsonAsync($"/api/v1/areas/{Hackney}/priorities", new
        {
            domain = 1, item = "cmht-ips", action = "hope", description = "Something", timescale = "short-term", status = "proposed",
            assets = new[] { 999999 }, indicators = new[] { "nope" },
        });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.EnumerateObject().Select(p => p.Name).Should().BeEquivalentTo("item", "action", "owner", "assets", "indicators");
        errors.GetProperty("item")[0].GetString().Should().Contain("is in domain 3, not domain 1");
        errors.GetProperty("assets")[0].GetString().Should().Be("Asset 999999 does not serve Hackney; link only assets from its coverage");
        (await CountAsync(db => db.Priorities.CountAsync())).Should().Be(before);
    }

    private static PriorityRequestBody Request(int domain, string description, string status = "proposed", string owner = "Owner") =>
        new(domain, null, "new-priority-action", description, owner, "short-term", status, null, [], []);

    private sealed record PriorityRequestBody(
        int Domain, string? Item, string Action, string Description, string Owner, string Timescale, string Status, string? ReviewDate,
        int[] Assets, string[] Indicators);

    private async Task<int> CreateAsync(string code, string description, string owner = "Owner", string status = "proposed", string? reviewDate = null)
    {
        var api = await ApiAsAsync(Roles.Officer);
        var response = await api.PostAsJsonAsync($"/api/v1/areas/{code}/priorities", Request(3, description, status, owner) with { ReviewDate = reviewDate });
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    private static async Task<IDocument> ProposalAsync(HttpClient client, string item)
    {
        var (response, page) = await client.GetPageAsync($"/areas/{Hackney}/priorities/new?domain=3&item={item}");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return page;
    }

    private static string? Selected(IDocument page, string name) => page.QuerySelector<IHtmlSelectElement>($"select[name='{name}']")!.Value;

    private static List<string> Checked(IDocument page, string name) =>
        [.. page.QuerySelectorAll<IHtmlInputElement>($"input[name='{name}']").Where(i => i.IsChecked).Select(i => i.Value)];

    private Task<int> AssetIdAsync(string name) => fixture.Factory.WithDbAsync(db => db.Assets.Where(a => a.Name == name).Select(a => a.Id).SingleAsync());

    private Task<int> CountAsync(Func<Web.Data.AppDbContext, Task<int>> count) => fixture.Factory.WithDbAsync(count);
}

public sealed class PrioritiesOnSqlite(SqliteNeedsAssetsFixture fixture) : PrioritiesTests(fixture), IClassFixture<SqliteNeedsAssetsFixture>;

public sealed class PrioritiesOnPostgres(PostgresNeedsAssetsFixture fixture) : PrioritiesTests(fixture), IClassFixture<PostgresNeedsAssetsFixture>;
