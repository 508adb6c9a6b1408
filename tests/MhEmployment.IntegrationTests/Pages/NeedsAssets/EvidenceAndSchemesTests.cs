using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MhEmployment.IntegrationTests.Infrastructure;
using MhEmployment.IntegrationTests.NeedsAssets;
using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Accounts;
using MhEmployment.Web.Features.Audit;
using MhEmployment.Web.Features.DataVersions;
using Microsoft.EntityFrameworkCore;

namespace MhEmployment.IntegrationTests.Pages.NeedsAssets;

/// <summary>The hand-worked five boroughs of <see cref="NeedsAssetsFixture"/>, in a database of their own because these tests change links and schemes.</summary>
public abstract class EvidenceSchemesFixture(Provider provider) : NeedsAssetsFixture(provider);

public sealed class SqliteEvidenceSchemesFixture() : EvidenceSchemesFixture(Provider.Sqlite);

public sealed class PostgresEvidenceSchemesFixture() : EvidenceSchemesFixture(Provider.Postgres);

/// <summary>
/// Analysts keep the evidence links and weighting schemes on pages that work without JavaScript; the comparison API
/// shows each change at once. Each test changes a domain or a scheme no other test here reads, so their order does not matter.
/// Domain 3's z-scores (see <see cref="NeedsAssetsTests"/>): ESA Hackney +1.4142, Islington +0.7071, Newham 0, Lambeth −0.7071,
/// Camden −1.4142; ASCOF Newham +1.4142, Hackney +0.7071, Lambeth 0, Islington −0.7071, Camden −1.4142.
/// </summary>
public abstract class EvidenceAndSchemesTests(EvidenceSchemesFixture fixture)
{
    private const string Esa = "esa-mental-behavioural-rate";
    private const string EsaCount = "esa-mental-behavioural-count";

    private Task<HttpClient> SignedInAsync(string role) => fixture.Factory.SignedInClientAsync(Accounts.EmailFor(role), Accounts.PasswordFor(role));

    [Fact]
    public async Task EvidencePage_ListsEachDomainsIndicators_WithUnitPolarity_AndWhetherTheyAreScored()
    {
        var (response, page) = await fixture.Viewer.GetPageAsync("/needs-assets/evidence");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var domain3 = page.QuerySelector("#domain-3")!.ParentElement!;
        var rows = domain3.QuerySelectorAll("tbody tr").ToDictionary(r => r.QuerySelector("th a")!.GetAttribute("href")!, r => r.QuerySelectorAll("td").Select(td => td.Text()).ToList());
        rows[$"/indicators/{Esa}"].Should().Equal("Rate per 1,000", "Lower is better", "Scored");
        rows["/indicators/smi-qof-prevalence"][2].Should().Be("Shown but not scored: it has no polarity, so a higher value is neither more nor less need.");
        page.QuerySelector("a[href='/needs-assets/evidence/3/edit']").Should().BeNull("a Viewer reads the links but does not change them");

        var (_, comparison) = await fixture.Viewer.GetPageAsync("/needs-assets");
        comparison.QuerySelector("a[href='/needs-assets/evidence']").Should().NotBeNull();
        comparison.QuerySelector("a[href='/needs-assets/schemes']").Should().NotBeNull();
    }

    [Fact]
    public async Task AnAnalyst_ChangesADomainsLinks_AndTheComparisonShowsItAtOnce()
    {
        var analyst = await SignedInAsync(Roles.Analyst);
        var ids = await IndicatorIdsAsync(Esa, EsaCount);
        var versionBefore = await fixture.Factory.WithDbAsync(db => db.DataChanges.MaxAsync(c => c.Id));
        (await DomainOneAsync(NeedsAssetsFixture.Hackney)).GetProperty("needLevel").GetString().Should().Be("insufficient-data");
        var (form, formPage) = await analyst.GetPageAsync("/needs-assets/evidence/1/edit");
        form.StatusCode.Should().Be(HttpStatusCode.OK);
        formPage.QuerySelectorAll("input[name=Indicators][checked]").Should().HaveCount(2, "domain 1 is seeded with the employment rate and sickness absence");
        formPage.QuerySelector("fieldset legend")!.Text().Should().Be("Indicators evidencing need for domain 1");

        // ESA's rate and its count in place of the seeded two: the count is shown, never scored.
        var saved = await analyst.PostAsync(new Uri("/needs-assets/evidence/1/edit", UriKind.Relative), new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", formPage.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!),
            new("Version", formPage.QuerySelector("input[name=Version]")!.GetAttribute("value")!),
            new("Indicators", ids[Esa].ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("Indicators", ids[EsaCount].ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ]));

        saved.StatusCode.Should().Be(HttpStatusCode.Redirect);
        saved.Headers.Location!.OriginalString.Should().Be("/needs-assets/evidence#domain-1");
        var (_, evidence) = await analyst.GetPageAsync("/needs-assets/evidence");
        evidence.QuerySelector(".flash")!.Text().Should().Be("Saved the indicators of domain 1: linked: esa-mental-behavioural-count, esa-mental-behavioural-rate; " +
            "unlinked: ni151-employment-rate, sickness-absence-employees. The comparison shows the change now.");
        evidence.QuerySelector("#domain-1")!.ParentElement!.QuerySelectorAll("tbody tr td:last-child").Select(td => td.Text())
            .Should().BeEquivalentTo("Scored", "Shown but not scored: counts are not compared between areas, which differ in size.");
        var hackney = await DomainOneAsync(NeedsAssetsFixture.Hackney);
        hackney.GetProperty("compositeScore").GetDouble().Should().BeApproximately(1.4142, 1e-4);
        hackney.GetProperty("needLevel").GetString().Should().Be("high");
        hackney.GetProperty("confidence").GetString().Should().Be("1 of 1 indicator");
        hackney.GetProperty("evidence").EnumerateArray().Select(e => e.GetProperty("indicator").GetString()).Should().BeEquivalentTo(Esa, EsaCount);

        var (audit, change) = await fixture.Factory.WithDbAsync(async db => (
            await db.AuditEvents.SingleAsync(e => e.Action == AuditActions.EvidenceLinksChanged && e.Target == "domain 1"),
            await db.DataChanges.Where(c => c.Id > versionBefore).SingleAsync()));
        audit.Actor.Should().Be(Accounts.EmailFor(Roles.Analyst));
        audit.Details.Should().StartWith("Linked: esa-mental-behavioural-count, esa-mental-behavioural-rate; unlinked:");
        change.Kind.Should().Be(DataChangeKinds.NeedsEvidence);

        // The same form again, now out of date: nothing is saved over the newer links.
        var stale = await analyst.PostAsync(new Uri("/needs-assets/evidence/1/edit", UriKind.Relative), new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", formPage.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!),
            new("Version", formPage.QuerySelector("input[name=Version]")!.GetAttribute("value")!),
        ]));
        stale.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await Html.ParseAsync(stale)).QuerySelector(".error-summary")!.Text().Should().Contain("Someone else changed this domain's indicators");
        (await fixture.Factory.WithDbAsync(db => db.EvidenceLinks.CountAsync(l => l.Domain!.Number == 1))).Should().Be(2);
    }

    [Fact]
    public async Task ANewScheme_WithAWeightOfZero_ChangesTheNeedOrderTheApiGives()
    {
        var analyst = await SignedInAsync(Roles.Analyst);
        var field = await WeightFieldAsync(3, Esa);
        const string name = "Without ESA";

        var created = await analyst.PostFormAsync("/needs-assets/schemes/new", new()
        {
            ["Input.Name"] = name,
            ["Input.Description"] = "Paid employment only",
            [field] = "0",
        });

        created.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var location = created.Headers.Location!.OriginalString;
        location.Should().MatchRegex("^/needs-assets/schemes/[0-9]+$");
        var (_, details) = await analyst.GetPageAsync(location);
        details.QuerySelector(".flash")!.Text().Should().StartWith($"Created the scheme '{name}'.");
        details.QuerySelector("h1")!.Text().Should().Be(name);
        details.QuerySelectorAll("table").Single(t => t.QuerySelector("caption")!.Text().StartsWith("3.", StringComparison.Ordinal))
            .QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("a")!.GetAttribute("href") == $"/indicators/{Esa}")
            .QuerySelector("td")!.Text().Should().Be("0 (left out)");

        var areas = await DomainThreeAsync($"/api/v1/comparison?region=E12000007&scheme={Uri.EscapeDataString(name)}");
        string[] order = [NeedsAssetsFixture.Newham, NeedsAssetsFixture.Hackney, NeedsAssetsFixture.Lambeth, NeedsAssetsFixture.Islington, NeedsAssetsFixture.Camden];
        order.Select(code => areas[code].GetProperty("needPercentile").GetDouble()).Should().Equal(1, 0.75, 0.5, 0.25, 0);
        areas[NeedsAssetsFixture.Newham].GetProperty("needLevel").GetString().Should().Be("high");
        areas[NeedsAssetsFixture.Hackney].GetProperty("needLevel").GetString().Should().Be("medium");
        areas[NeedsAssetsFixture.Hackney].GetProperty("compositeScore").GetDouble().Should().BeApproximately(0.7071, 1e-4);
        areas[NeedsAssetsFixture.Hackney].GetProperty("confidence").GetString().Should().Be("1 of 1 indicator");

        var (_, comparison) = await fixture.Viewer.GetPageAsync("/needs-assets");
        comparison.QuerySelectorAll("#Scheme option").Select(o => o.Text()).Should().Contain(name);
        var audit = await fixture.Factory.WithDbAsync(db => db.AuditEvents.SingleAsync(e => e.Action == AuditActions.SchemeCreated && e.Details!.StartsWith(name)));
        audit.Details.Should().Be($"{name}: levels by terciles; minimum share 0.5; weights {Esa} in domain 3 0");
    }

    [Fact]
    public async Task EditingASchemeToThresholds_SetsLevelsByThem_AndTheAuditSaysWhatChanged()
    {
        var analyst = await SignedInAsync(Roles.Analyst);
        var id = await CreateSchemeAsync("Bands");
        (await DomainThreeAsync("/api/v1/comparison?region=E12000007&scheme=Bands"))[NeedsAssetsFixture.Newham].GetProperty("needLevel").GetString().Should().Be("medium");

        var saved = await analyst.PostFormAsync($"/needs-assets/schemes/{id}/edit", new()
        {
            ["Input.LevelRule"] = "Thresholds",
            ["Input.HighFrom"] = "0.7",
            ["Input.LowTo"] = "\u22121",
        });

        saved.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var areas = await DomainThreeAsync("/api/v1/comparison?region=E12000007&scheme=Bands");
        new[] { NeedsAssetsFixture.Hackney, NeedsAssetsFixture.Newham, NeedsAssetsFixture.Islington, NeedsAssetsFixture.Lambeth, NeedsAssetsFixture.Camden }
            .Select(code => areas[code].GetProperty("needLevel").GetString()).Should().Equal("high", "high", "medium", "medium", "low");
        var audit = await fixture.Factory.WithDbAsync(db => db.AuditEvents.SingleAsync(e => e.Action == AuditActions.SchemeEdited && e.Target == $"scheme {id}"));
        audit.Details.Should().Be("Level rule: \"Terciles\" → \"Thresholds\"; High from: \"\" → \"0.7\"; Low to: \"\" → \"-1\"");
        var (_, list) = await fixture.Viewer.GetPageAsync("/needs-assets/schemes");
        list.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("th a")!.Text() == "Bands").QuerySelectorAll("td")[0].Text()
            .Should().Be("By thresholds: high from +0.70, low up to −1.00");
    }

    [Theory]
    [InlineData("Input.Name", "default", "#Input_Name", "There is already a scheme called 'default': choose another name")]
    [InlineData("Input.LevelRule", "Thresholds", "#Input_HighFrom", "Enter the score from which need is high: thresholds need both")]
    [InlineData("Input.MinimumShare", "0", "#Input_MinimumShare", "The minimum share must be more than 0 and at most 1 (every indicator); 0 is not")]
    [InlineData("weight", "11", "#Weight-", "must be from 0 (left out) to 10; 11 is not")]
    public async Task InvalidSchemes_ComeBackWithLinkedMessages_AndNothingIsSaved(string field, string value, string link, string message)
    {
        var analyst = await SignedInAsync(Roles.Analyst);
        var name = field == "Input.Name" ? value : $"Refused {Guid.NewGuid():N}";
        var key = field == "weight" ? await WeightFieldAsync(3, Esa) : field;
        var before = await SchemeCountAsync();

        var response = await analyst.PostFormAsync("/needs-assets/schemes/new", new() { ["Input.Name"] = name, [key] = value });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var page = await Html.ParseAsync(response);
        var error = page.QuerySelectorAll(".error-summary a").Single(a => a.GetAttribute("href")!.StartsWith(link, StringComparison.Ordinal));
        error.Text().Should().EndWith(message);
        error.GetAttribute("href").Should().StartWith(link);
        page.QuerySelector(error.GetAttribute("href")!).Should().NotBeNull("the summary links to the field");
        page.QuerySelector("#Input_Name")!.GetAttribute("value").Should().Be(name, "the form keeps what was typed");
        (await SchemeCountAsync()).Should().Be(before);
    }

    [Fact]
    public async Task ThresholdsWithHighNotAboveLow_AreRefused_AndTheSchemeIsUnchanged()
    {
        var analyst = await SignedInAsync(Roles.Analyst);
        var id = await CreateSchemeAsync("Unchanged bands");

        var response = await analyst.PostFormAsync($"/needs-assets/schemes/{id}/edit",
            new() { ["Input.LevelRule"] = "Thresholds", ["Input.HighFrom"] = "-0.5", ["Input.LowTo"] = "0.5" });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await Html.ParseAsync(response)).QuerySelector(".error-summary a[href='#Input_HighFrom']")!.Text()
            .Should().Be("The score from which need is high (-0.5) must be more than the score up to which need is low (0.5)");
        (await fixture.Factory.WithDbAsync(db => db.WeightingSchemes.SingleAsync(s => s.Id == id))).LevelRule.Should().Be(NeedLevelRule.Terciles);
    }

    [Fact]
    public async Task TheDefaultScheme_CanBeEdited_ButNeitherRenamedNorDeleted()
    {
        var analyst = await SignedInAsync(Roles.Analyst);
        var id = await fixture.Factory.WithDbAsync(db => db.WeightingSchemes.Where(s => s.Name == WeightingScheme.DefaultName).Select(s => s.Id).SingleAsync());

        var renamed = await analyst.PostFormAsync($"/needs-assets/schemes/{id}/edit", new() { ["Input.Name"] = "Standard" });
        renamed.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await Html.ParseAsync(renamed)).QuerySelector(".error-summary")!.Text().Should().Contain("The Default scheme keeps its name");

        var described = await analyst.PostFormAsync($"/needs-assets/schemes/{id}/edit", new() { ["Input.Description"] = "Equal weights, agreed by the board" });
        described.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var (_, details) = await analyst.GetPageAsync($"/needs-assets/schemes/{id}");
        details.QuerySelector(".lead")!.Text().Should().Be("Equal weights, agreed by the board");
        details.QuerySelector($"a[href='/needs-assets/schemes/{id}/delete']").Should().BeNull();

        var (_, confirm) = await analyst.GetPageAsync($"/needs-assets/schemes/{id}/delete");
        confirm.QuerySelector("main form[method=post]").Should().BeNull("there is nothing to confirm");
        var deleted = await analyst.PostAsync(new Uri($"/needs-assets/schemes/{id}/delete", UriKind.Relative), new FormUrlEncodedContent(
            [new("__RequestVerificationToken", await TokenAsync(analyst, $"/needs-assets/schemes/{id}/edit"))]));
        deleted.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await Html.ParseAsync(deleted)).QuerySelector(".error-summary")!.Text().Should().Contain("The Default scheme cannot be deleted");
        (await fixture.Factory.WithDbAsync(db => db.WeightingSchemes.AnyAsync(s => s.Id == id))).Should().BeTrue();
    }

    [Fact]
    public async Task DeletingAScheme_AsksFirst_ThenRemovesIt_AndTheAuditRecordsIt()
    {
        var analyst = await SignedInAsync(Roles.Analyst);
        var id = await CreateSchemeAsync("Short-lived");

        var deleted = await analyst.PostFormAsync($"/needs-assets/schemes/{id}/delete", []);

        deleted.StatusCode.Should().Be(HttpStatusCode.Redirect);
        deleted.Headers.Location!.OriginalString.Should().Be("/needs-assets/schemes");
        var (_, list) = await analyst.GetPageAsync("/needs-assets/schemes");
        list.QuerySelector(".flash")!.Text().Should().Be("Deleted the scheme 'Short-lived'.");
        list.QuerySelectorAll("tbody th a").Select(a => a.Text()).Should().NotContain("Short-lived");
        (await fixture.Api.GetAsync("/api/v1/comparison?scheme=Short-lived")).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await fixture.Factory.WithDbAsync(db => db.AuditEvents.SingleAsync(e => e.Action == AuditActions.SchemeDeleted && e.Target == $"scheme {id}")))
            .Details.Should().Be("Short-lived");
    }

    [Theory]
    [InlineData(Roles.Viewer)]
    [InlineData(Roles.Officer)]
    public async Task ViewersAndOfficers_ReadTheLinksAndSchemes_ButAreRefusedTheForms(string role)
    {
        var client = role == Roles.Viewer ? fixture.Viewer : await SignedInAsync(role);
        var id = await fixture.Factory.WithDbAsync(db => db.WeightingSchemes.Where(s => s.Name == WeightingScheme.DefaultName).Select(s => s.Id).SingleAsync());
        var links = await fixture.Factory.WithDbAsync(db => db.EvidenceLinks.CountAsync());

        foreach (var url in new[] { "/needs-assets/evidence", "/needs-assets/schemes", $"/needs-assets/schemes/{id}" })
        {
            var (response, page) = await client.GetPageAsync(url);
            response.StatusCode.Should().Be(HttpStatusCode.OK, url);
            page.QuerySelectorAll("main a[href$='/edit'], main a[href$='/delete'], main a[href$='/new']").Should().BeEmpty($"{role} is offered no form on {url}");
        }
        foreach (var url in new[] { "/needs-assets/evidence/3/edit", "/needs-assets/schemes/new", $"/needs-assets/schemes/{id}/edit", $"/needs-assets/schemes/{id}/delete" })
        {
            var get = await client.GetAsync(new Uri(url, UriKind.Relative));
            get.StatusCode.Should().Be(HttpStatusCode.Redirect, url);
            get.Headers.Location!.OriginalString.Should().Contain("/Account/AccessDenied");
            (await client.GetAsync(get.Headers.Location)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
            var post = await client.PostAsync(new Uri(url, UriKind.Relative), new FormUrlEncodedContent([new("Input.Name", "Mine")]));
            post.Headers.Location!.OriginalString.Should().Contain("/Account/AccessDenied", url);
        }
        (await fixture.Factory.WithDbAsync(db => db.EvidenceLinks.CountAsync())).Should().Be(links);
        (await fixture.Factory.WithDbAsync(db => db.WeightingSchemes.AnyAsync(s => s.Name == "Mine"))).Should().BeFalse();
    }

    private async Task<int> CreateSchemeAsync(string name)
    {
        var analyst = await SignedInAsync(Roles.Analyst);
        var created = await analyst.PostFormAsync("/needs-assets/schemes/new", new() { ["Input.Name"] = name });
        created.StatusCode.Should().Be(HttpStatusCode.Redirect, await created.Content.ReadAsStringAsync());
        return int.Parse(created.Headers.Location!.OriginalString.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<string> TokenAsync(HttpClient client, string url)
    {
        var (_, page) = await client.GetPageAsync(url);
        return page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
    }

    private Task<int> SchemeCountAsync() => fixture.Factory.WithDbAsync(db => db.WeightingSchemes.CountAsync());

    private Task<Dictionary<string, int>> IndicatorIdsAsync(params string[] keys) =>
        fixture.Factory.WithDbAsync(db => db.Indicators.Where(i => keys.Contains(i.Key)).ToDictionaryAsync(i => i.Key, i => i.Id));

    /// <summary>The scheme form's field for an indicator's weight in a domain.</summary>
    private async Task<string> WeightFieldAsync(int domain, string indicator)
    {
        var (domainId, indicatorId) = await fixture.Factory.WithDbAsync(async db => (
            await db.AssetDomains.Where(d => d.Number == domain).Select(d => d.Id).SingleAsync(),
            await db.Indicators.Where(i => i.Key == indicator).Select(i => i.Id).SingleAsync()));
        return $"Input.Weights[{domainId}-{indicatorId}]";
    }

    private async Task<JsonElement> DomainOneAsync(string code)
    {
        var response = await fixture.Api.GetFromJsonAsync<JsonElement>("/api/v1/comparison?region=E12000007");
        return response.GetProperty("areas").EnumerateArray().Single(a => a.GetProperty("code").GetString() == code)
            .GetProperty("domains").EnumerateArray().Single(d => d.GetProperty("domain").GetInt32() == 1);
    }

    private async Task<Dictionary<string, JsonElement>> DomainThreeAsync(string url)
    {
        var response = await fixture.Api.GetFromJsonAsync<JsonElement>(url);
        return response.GetProperty("areas").EnumerateArray().ToDictionary(
            a => a.GetProperty("code").GetString()!,
            a => a.GetProperty("domains").EnumerateArray().Single(d => d.GetProperty("domain").GetInt32() == 3));
    }
}

public sealed class EvidenceAndSchemesOnSqlite(SqliteEvidenceSchemesFixture fixture) : EvidenceAndSchemesTests(fixture), IClassFixture<SqliteEvidenceSchemesFixture>;

public sealed class EvidenceAndSchemesOnPostgres(PostgresEvidenceSchemesFixture fixture) : EvidenceAndSchemesTests(fixture), IClassFixture<PostgresEvidenceSchemesFixture>;
