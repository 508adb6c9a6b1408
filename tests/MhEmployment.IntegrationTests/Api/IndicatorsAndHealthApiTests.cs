using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MhEmployment.IntegrationTests.Infrastructure;
using MhEmployment.Web.Features.Accounts;

namespace MhEmployment.IntegrationTests.Api;

public abstract class IndicatorsAndHealthApiTests(AppFixture fixture)
{
    private readonly AppFixture _fixture = fixture;
    private readonly HttpClient _client = fixture.ApiClient(Roles.Viewer);

    [Fact]
    public async Task Indicators_ListTheSeededCatalogueWithMetadata()
    {
        var indicators = await _client.GetFromJsonAsync<JsonElement>("/api/v1/indicators");

        indicators.GetArrayLength().Should().BeGreaterThanOrEqualTo(20);
        var esa = indicators.EnumerateArray().Single(i => i.GetProperty("key").GetString() == "esa-mental-behavioural-rate");
        esa.GetProperty("unit").GetString().Should().Be("RatePer1000");
        esa.GetProperty("polarity").GetString().Should().Be("LowIsGood");
        esa.GetProperty("multiplier").GetInt32().Should().Be(1000);
        esa.GetProperty("source").GetString().Should().Contain("DWP");
    }

    [Fact]
    public async Task Indicator_ByKey_HasItsDefinition_AndAnUnknownKeyIs404()
    {
        var ni150 = await _client.GetFromJsonAsync<JsonElement>("/api/v1/indicators/ni150-secondary-mh-employment");
        var missing = await _client.GetAsync(new Uri("/api/v1/indicators/no-such-indicator", UriKind.Relative));

        ni150.GetProperty("definition").GetString().Should().Contain("secondary mental health");
        ni150.GetProperty("polarity").GetString().Should().Be("HighIsGood");
        missing.StatusCode.Should().Be(HttpStatusCode.NotFound);
        missing.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }

    [Fact]
    public async Task Health_LiveAndReady_AnswerHealthy_WithoutSigningIn()
    {
        var anonymous = _fixture.Anonymous();

        (await anonymous.GetStringAsync("/health/live")).Should().Be("Healthy");
        (await anonymous.GetStringAsync("/health/ready")).Should().Be("Healthy");
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheAreaAndIndicatorRoutes()
    {
        var document = await _client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        paths.Should().Contain(["/api/v1/areas", "/api/v1/areas/{code}", "/api/v1/indicators", "/api/v1/indicators/{key}"]);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class IndicatorsAndHealthApiOnSqlite(SqliteAppFixture fixture) : IndicatorsAndHealthApiTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class IndicatorsAndHealthApiOnPostgres(PostgresAppFixture fixture) : IndicatorsAndHealthApiTests(fixture);
