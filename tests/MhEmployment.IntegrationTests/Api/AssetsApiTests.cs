using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MhEmployment.IntegrationTests.Infrastructure;
using MhEmployment.Web.Features.Accounts;

namespace MhEmployment.IntegrationTests.Api;

public abstract class AssetsApiTests(AppFixture fixture)
{
    private readonly HttpClient _analyst = fixture.ApiClient(Roles.Analyst);
    private readonly HttpClient _officer = fixture.ApiClient(Roles.Officer);
    private readonly HttpClient _viewer = fixture.ApiClient(Roles.Viewer);

    private static object Asset(string name, string area = "E09000028", string item = "individual-advice-debt", string provider = "Citizens Advice Southwark") => new
    {
        name,
        provider,
        sector = "voluntary",
        items = new[] { item },
        areas = new[] { area },
        fundingStart = "2025-04-01",
        fundingEnd = "2026-03-31",
        fundingAmount = 40000,
        capacityPerYear = 300,
    };

    private static string Unique(string prefix) => $"{prefix} {Guid.NewGuid():N}"[..(prefix.Length + 9)];

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task Post_AddsAnAsset_ThatGetAndTheFilteredListReturn()
    {
        var name = Unique("Debt advice");

        var created = await _analyst.PostAsJsonAsync("/api/v1/assets", Asset(name));

        created.StatusCode.Should().Be(HttpStatusCode.Created);
        var asset = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = asset.GetProperty("id").GetInt32();
        created.Headers.Location!.OriginalString.Should().Be($"/api/v1/assets/{id}");
        var fetched = await _viewer.GetFromJsonAsync<JsonElement>($"/api/v1/assets/{id}");
        fetched.GetProperty("name").GetString().Should().Be(name);
        fetched.GetProperty("items").EnumerateArray().Select(i => i.GetString()).Should().Equal("individual-advice-debt");
        fetched.GetProperty("history").EnumerateArray().Single().GetProperty("kind").GetString().Should().Be("Created");
        var list = await _viewer.GetFromJsonAsync<JsonElement>($"/api/v1/assets?area=E09000028&domain=3&item=individual-advice-debt&sector=voluntary&rating=unrated&q={Uri.EscapeDataString(name)}");
        list.GetProperty("total").GetInt32().Should().Be(1);
        list.GetProperty("assets")[0].GetProperty("id").GetInt32().Should().Be(id);
    }

    [Fact]
    public async Task Post_InvalidAssets_AreProblemDetailsNamingEachField()
    {
        var name = Unique("Duplicate");
        (await _analyst.PostAsJsonAsync("/api/v1/assets", Asset(name))).StatusCode.Should().Be(HttpStatusCode.Created);

        var missing = await ProblemAsync(await _analyst.PostAsJsonAsync("/api/v1/assets", Asset("")));
        var unknownArea = await ProblemAsync(await _analyst.PostAsJsonAsync("/api/v1/assets", Asset(Unique("Area"), area: "E09999999")));
        var unknownItem = await ProblemAsync(await _analyst.PostAsJsonAsync("/api/v1/assets", Asset(Unique("Item"), item: "no-such-item")));
        var duplicate = await ProblemAsync(await _analyst.PostAsJsonAsync("/api/v1/assets", Asset(name)));
        var dates = await ProblemAsync(await _analyst.PostAsJsonAsync("/api/v1/assets", new { name = Unique("Dates"), provider = "P", sector = "nhs", items = new[] { "cmht-ips" }, areas = new[] { "E09000028" }, fundingStart = "2026-04-01", fundingEnd = "2026-01-01" }));

        missing.GetProperty("errors").GetProperty("name")[0].GetString().Should().Be("Enter the asset's name");
        unknownArea.GetProperty("errors").GetProperty("areas")[0].GetString().Should().Contain("E09999999");
        unknownItem.GetProperty("errors").GetProperty("items")[0].GetString().Should().Contain("'no-such-item' is not a checklist item");
        duplicate.GetProperty("errors").GetProperty("name")[0].GetString().Should().Contain("already has");
        dates.GetProperty("errors").GetProperty("fundingEnd")[0].GetString().Should().Contain("on or after its start");
    }

    [Fact]
    public async Task Put_ReplacesAnAsset_AndAnUnknownIdIs404()
    {
        var created = await (await _analyst.PostAsJsonAsync("/api/v1/assets", Asset(Unique("Put")))).Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetInt32();
        var renamed = Unique("Put renamed");

        var put = await _officer.PutAsJsonAsync($"/api/v1/assets/{id}", Asset(renamed));
        var missing = await _officer.PutAsJsonAsync("/api/v1/assets/999999", Asset(Unique("Missing")));
        var missingGet = await _viewer.GetAsync(new Uri("/api/v1/assets/999999", UriKind.Relative));

        put.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = await put.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("name").GetString().Should().Be(renamed);
        body.GetProperty("history")[0].GetProperty("summary").GetString().Should().Contain("Name:");
        missing.StatusCode.Should().Be(HttpStatusCode.NotFound);
        missingGet.StatusCode.Should().Be(HttpStatusCode.NotFound);
        missingGet.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }

    [Fact]
    public async Task Rating_IsForOfficers_OneToThree_WithARationale()
    {
        var id = (await (await _analyst.PostAsJsonAsync("/api/v1/assets", Asset(Unique("Rated")))).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();

        var byAnalyst = await _analyst.PostAsJsonAsync($"/api/v1/assets/{id}/rating", new { rating = 1, rationale = "x" });
        var outside = await ProblemAsync(await _officer.PostAsJsonAsync($"/api/v1/assets/{id}/rating", new { rating = 4, rationale = "x" }));
        var rated = await _officer.PostAsJsonAsync($"/api/v1/assets/{id}/rating", new { rating = 2, rationale = "Funding ends in March" });

        byAnalyst.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        outside.GetProperty("errors").GetProperty("rating")[0].GetString().Should().Contain("a rating is 1, 2 or 3");
        var body = await rated.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("rating").GetInt32().Should().Be(2);
        body.GetProperty("ratedBy").GetString().Should().Be(Accounts.EmailFor(Roles.Officer));
    }

    [Fact]
    public async Task Viewers_CannotAddOrChangeAssets()
    {
        (await _viewer.PostAsJsonAsync("/api/v1/assets", Asset(Unique("Viewer")))).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await _viewer.PutAsJsonAsync("/api/v1/assets/1", Asset(Unique("Viewer")))).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task List_WithABadFilter_IsAValidationProblem()
    {
        var problem = await ProblemAsync(await _viewer.GetAsync(new Uri("/api/v1/assets?rating=9&sector=charity&area=E09999999", UriKind.Relative)));

        problem.GetProperty("errors").GetProperty("rating")[0].GetString().Should().Contain("'9' is not a rating");
        problem.GetProperty("errors").GetProperty("sector")[0].GetString().Should().Contain("'charity' is not a sector");
    }

    [Fact]
    public async Task Coverage_GivesEachItemsAssetsBestRatingGapAndLatestAnalysis()
    {
        var id = (await (await _analyst.PostAsJsonAsync("/api/v1/assets", Asset(Unique("Coverage"), area: "E09000029", item: "volunteering"))).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        await _officer.PostAsJsonAsync($"/api/v1/assets/{id}/rating", new { rating = 1, rationale = "Well resourced" });

        var coverage = await _viewer.GetFromJsonAsync<JsonElement>("/api/v1/areas/E09000029/coverage");
        var missing = await _viewer.GetAsync(new Uri("/api/v1/areas/E09999999/coverage", UriKind.Relative));

        coverage.GetProperty("name").GetString().Should().Be("Sutton");
        coverage.GetProperty("servedThrough").EnumerateArray().Select(c => c.GetString()).Should().Contain(["E09000029", "E12000007", "E54000031"]);
        var items = coverage.GetProperty("domains").EnumerateArray().SelectMany(d => d.GetProperty("itemCoverage").EnumerateArray()).ToList();
        var volunteering = items.Single(i => i.GetProperty("key").GetString() == "volunteering");
        volunteering.GetProperty("gap").GetBoolean().Should().BeFalse();
        volunteering.GetProperty("bestRating").GetInt32().Should().Be(1);
        volunteering.GetProperty("assets").EnumerateArray().Should().Contain(a => a.GetProperty("id").GetInt32() == id && a.GetProperty("servedThrough").GetString() == "Own");
        volunteering.GetProperty("analysisRating").ValueKind.Should().Be(JsonValueKind.Null);
        items.Single(i => i.GetProperty("key").GetString() == "occupational-health").GetProperty("gap").GetBoolean().Should().BeTrue();
        missing.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Coverage_OfADistrict_SaysAnIcbWideAssetComesThroughItsCountysNhsAreas_WhichLiePartly()
    {
        // Uttlesford is a district of Essex, whose care locations lie in three ICBs, Suffolk and North East Essex among them.
        var id = (await (await _analyst.PostAsJsonAsync("/api/v1/assets", Asset(Unique("Suffolk and NE Essex"), area: "E54000023", item: "volunteering"))).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();

        var coverage = await _viewer.GetFromJsonAsync<JsonElement>("/api/v1/areas/E07000077/coverage");

        var asset = coverage.GetProperty("domains").EnumerateArray().SelectMany(d => d.GetProperty("itemCoverage").EnumerateArray())
            .Single(i => i.GetProperty("key").GetString() == "volunteering")
            .GetProperty("assets").EnumerateArray().Single(a => a.GetProperty("id").GetInt32() == id);
        asset.GetProperty("servedThrough").GetString().Should().Be("IntegratedCareBoard");
        asset.GetProperty("throughArea").GetString().Should().Be("E54000023");
        asset.GetProperty("partly").GetBoolean().Should().BeTrue();
        asset.GetProperty("nhsLinkBasis").GetString().Should().Be("County");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class AssetsApiOnSqlite(SqliteAppFixture fixture) : AssetsApiTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class AssetsApiOnPostgres(PostgresAppFixture fixture) : AssetsApiTests(fixture);
