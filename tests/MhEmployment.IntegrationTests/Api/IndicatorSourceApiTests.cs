using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using MhEmployment.IntegrationTests.Infrastructure;
using MhEmployment.Web.Features.Accounts;

namespace MhEmployment.IntegrationTests.Api;

/// <summary>An indicator's source for refresh through GET and PUT /api/v1/indicators/{key}.</summary>
public abstract class IndicatorSourceApiTests(AppFixture fixture)
{
    private readonly HttpClient _analyst = fixture.ApiClient(Roles.Analyst);

    [Fact]
    public async Task TheCatalogue_CarriesEachIndicatorsSource_WithTheAreaTypesAsNumbers()
    {
        var (body, _) = await fixture.ApiClient(Roles.Viewer).GetIndicatorAsync("cmd-estimated-prevalence");

        body["refreshSource"]!.GetValue<string>().Should().Be("Fingertips");
        body["fingertipsId"]!.GetValue<int>().Should().Be(93495);
        body["fingertipsAreaTypes"]!.AsArray().Select(n => n!.GetValue<int>()).Should().Equal(102, 101);
        body["nomisQuery"].Should().BeNull();
    }

    [Fact]
    public async Task AScript_SetsANomisSource_AndGetsItBack()
    {
        const string key = "sickness-absence-employees";
        var (body, etag) = await _analyst.GetIndicatorAsync(key);
        body["refreshSource"] = "Nomis";
        body["nomisDataset"] = "NM_134_1";
        body["nomisQuery"] = "geography=TYPE480&date=latest&measures=20100";

        var response = await _analyst.PutIndicatorAsync(key, body, etag);

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var saved = await response.Content.ReadFromJsonAsync<JsonElement>();
        saved.GetProperty("refreshSource").GetString().Should().Be("Nomis");
        saved.GetProperty("nomisDataset").GetString().Should().Be("NM_134_1");
        saved.GetProperty("nomisQuery").GetString().Should().Be("geography=TYPE480&date=latest&measures=20100");
        saved.GetProperty("fingertipsAreaTypes").GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task AnInvalidSource_Is400_NamingEachField_AndNothingIsSaved()
    {
        const string key = "phof-secondary-mh-employment-gap";
        var (body, etag) = await _analyst.GetIndicatorAsync(key);
        body["refreshSource"] = "Fingertips";
        body["fingertipsAreaTypes"] = new JsonArray(502, 7);
        body["nomisQuery"] = "date=latest&recordlimit=10";

        var response = await _analyst.PutIndicatorAsync(key, body, etag);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.EnumerateObject().Select(e => e.Name).Should().BeEquivalentTo("fingertipsId", "fingertipsAreaTypes", "nomisQuery");
        errors.GetProperty("fingertipsAreaTypes")[0].GetString().Should().StartWith("7 is not a Fingertips area type the app fetches");
        (await _analyst.GetIndicatorAsync(key)).Body["refreshSource"]!.GetValue<string>().Should().Be("None");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class IndicatorSourceApiOnSqlite(SqliteAppFixture fixture) : IndicatorSourceApiTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class IndicatorSourceApiOnPostgres(PostgresAppFixture fixture) : IndicatorSourceApiTests(fixture);
