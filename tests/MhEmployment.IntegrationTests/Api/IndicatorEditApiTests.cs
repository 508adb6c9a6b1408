using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MhEmployment.IntegrationTests.Infrastructure;
using MhEmployment.Web.Features.Accounts;
using MhEmployment.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace MhEmployment.IntegrationTests.Api;

/// <summary>PUT /api/v1/indicators/{key}: an analyst's script keeps the catalogue, safely against others' changes.</summary>
public abstract class IndicatorEditApiTests(AppFixture fixture)
{
    private readonly HttpClient _analyst = fixture.ApiClient(Roles.Analyst);

    private static async Task<JsonElement> ProblemOf(HttpResponseMessage response)
    {
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task AnAnalyst_ChangesPolarityAndMethods_AndGetsTheIndicatorBackWithANewETag_AndTheChangeIsAudited()
    {
        const string key = "ibsda-mental-behavioural-share";
        var (body, etag) = await _analyst.GetIndicatorAsync(key);
        body["polarity"] = "LowIsGood";
        body["comparisonMethod"] = "Quintiles";
        body["definition"] = "  Claimants whose main condition is a mental or behavioural disorder, as a share of all IB/SDA claimants.  ";

        var response = await _analyst.PutIndicatorAsync(key, body, etag);

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var saved = await response.Content.ReadFromJsonAsync<JsonElement>();
        saved.GetProperty("polarity").GetString().Should().Be("LowIsGood");
        saved.GetProperty("comparisonMethod").GetString().Should().Be("Quintiles");
        saved.GetProperty("definition").GetString().Should().StartWith("Claimants whose").And.EndWith("claimants.");
        response.Headers.ETag!.ToString().Should().NotBe(etag);
        (await fixture.ApiClient(Roles.Viewer).GetIndicatorAsync(key)).ETag.Should().Be(response.Headers.ETag.ToString());

        var entry = await fixture.Factory.WithDbAsync(db => db.AuditEvents.AsNoTracking()
            .Where(e => e.Action == AuditActions.IndicatorUpdated && e.Target == key).OrderByDescending(e => e.Id).FirstAsync());
        entry.Actor.Should().Be(Accounts.EmailFor(Roles.Analyst));
        entry.Details.Should().Contain("Polarity: \"NoJudgement\" → \"LowIsGood\"")
            .And.Contain("Comparison method: \"ConfidenceIntervals\" → \"Quintiles\"")
            .And.Contain("Definition: ");
    }

    [Fact]
    public async Task ASecondScriptWorkingFromTheSameRead_IsRefusedWith412_AndTheFirstChangeStands()
    {
        const string key = "ni173-flows-employment-to-incapacity-benefits";
        var (first, etag) = await _analyst.GetIndicatorAsync(key);
        var second = first.DeepClone().AsObject();
        first["name"] = "NI173: people moving from work onto incapacity benefits (%)";
        second["polarity"] = "NoJudgement";

        (await _analyst.PutIndicatorAsync(key, first, etag)).StatusCode.Should().Be(HttpStatusCode.OK);
        var refused = await fixture.ApiClient(Roles.Admin).PutIndicatorAsync(key, second, etag);

        refused.StatusCode.Should().Be(HttpStatusCode.PreconditionFailed);
        (await ProblemOf(refused)).GetProperty("detail").GetString().Should().Contain(Accounts.EmailFor(Roles.Analyst)).And.Contain("GET it again");
        var now = (await _analyst.GetIndicatorAsync(key)).Body;
        now["name"]!.GetValue<string>().Should().Be("NI173: people moving from work onto incapacity benefits (%)");
        now["polarity"]!.GetValue<string>().Should().Be("LowIsGood", "the refused change saved nothing");
        refused.Headers.ETag!.ToString().Should().Be((await _analyst.GetIndicatorAsync(key)).ETag, "the 412 says which version is current");
    }

    [Fact]
    public async Task WithoutIfMatch_ThePutIs428_AndWithAStarItSavesOverWhateverIsStored()
    {
        const string key = "ibsda-mental-behavioural-5yr-share";
        var (body, _) = await _analyst.GetIndicatorAsync(key);
        body["age"] = "16-64 years";

        var missing = await _analyst.PutIndicatorAsync(key, body, null);
        var malformed = await _analyst.PutIndicatorAsync(key, body, "not-an-etag");
        var star = await _analyst.PutIndicatorAsync(key, body, "*");

        missing.StatusCode.Should().Be((HttpStatusCode)428);
        (await ProblemOf(missing)).GetProperty("detail").GetString().Should().Contain("If-Match");
        malformed.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        star.StatusCode.Should().Be(HttpStatusCode.OK);
        (await star.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("age").GetString().Should().Be("16-64 years");
    }

    [Fact]
    public async Task InvalidFields_AreA400ProblemNamingEachField_AndNothingIsSaved()
    {
        const string key = "smi-qof-prevalence";
        var (body, etag) = await _analyst.GetIndicatorAsync(key);
        body["name"] = "";
        body["multiplier"] = 1000;
        body["intervalMethod"] = "Byars";
        body["sex"] = "Everyone";
        body.Remove("needsReview");

        var response = await _analyst.PutIndicatorAsync(key, body, etag);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var errors = (await ProblemOf(response)).GetProperty("errors");
        errors.EnumerateObject().Select(e => e.Name).Should().BeEquivalentTo("name", "multiplier", "intervalMethod", "sex", "needsReview");
        errors.GetProperty("multiplier")[0].GetString().Should().Be("The multiplier for '%' is 100, not 1,000");
        errors.GetProperty("intervalMethod")[0].GetString().Should().Be("Proportion values cannot have Byars intervals: choose 'Wilson' or 'none'");
        (await _analyst.GetIndicatorAsync(key)).ETag.Should().Be(etag, "nothing was saved");
    }

    [Fact]
    public async Task ABodyThatIsNotJson_OrHasWrongTypes_IsA400ProblemSayingWhy()
    {
        const string key = "smi-qof-prevalence";
        var (_, etag) = await _analyst.GetIndicatorAsync(key);

        using var notJson = new HttpRequestMessage(HttpMethod.Put, new Uri($"/api/v1/indicators/{key}", UriKind.Relative))
        {
            Content = new StringContent("{\"name\": ", Encoding.UTF8, "application/json"),
        };
        notJson.Headers.TryAddWithoutValidation("If-Match", etag);
        var broken = await _analyst.SendAsync(notJson);
        var wrongType = await _analyst.PutIndicatorAsync(key, new JsonObject { ["multiplier"] = "a hundred" }, etag);
        using var form = new HttpRequestMessage(HttpMethod.Put, new Uri($"/api/v1/indicators/{key}", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent([new("name", "x")]),
        };
        form.Headers.TryAddWithoutValidation("If-Match", etag);
        var notJsonType = await _analyst.SendAsync(form);

        broken.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ProblemOf(broken)).GetProperty("title").GetString().Should().Be("The body is not valid JSON");
        wrongType.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ProblemOf(wrongType)).GetProperty("detail").GetString().Should().Contain("multiplier");
        notJsonType.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task SendingBackWhatGetReturned_ChangesNothing_AndIsNotAudited()
    {
        const string key = "esa-mental-behavioural-5yr-share";
        var before = await fixture.Factory.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Target == key));
        var (body, etag) = await _analyst.GetIndicatorAsync(key);

        var response = await _analyst.PutIndicatorAsync(key, body, etag);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.ETag!.ToString().Should().Be(etag);
        (await fixture.Factory.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Target == key))).Should().Be(before);
    }

    [Fact]
    public async Task AnUnknownKeyIs404_ViewersAndOfficersAre403_AndNoTokenIs401()
    {
        var (body, etag) = await _analyst.GetIndicatorAsync("smi-qof-prevalence");

        (await _analyst.PutIndicatorAsync("no-such-indicator", body, etag)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await fixture.ApiClient(Roles.Viewer).PutIndicatorAsync("smi-qof-prevalence", body, etag)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await fixture.ApiClient(Roles.Officer).PutIndicatorAsync("smi-qof-prevalence", body, etag)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await fixture.Anonymous().PutIndicatorAsync("smi-qof-prevalence", body, etag)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await fixture.ApiClient(Roles.Admin).PutIndicatorAsync("smi-qof-prevalence", body, etag)).StatusCode.Should().Be(HttpStatusCode.OK);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class IndicatorEditApiOnSqlite(SqliteAppFixture fixture) : IndicatorEditApiTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class IndicatorEditApiOnPostgres(PostgresAppFixture fixture) : IndicatorEditApiTests(fixture);
