using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MhEmployment.IntegrationTests.Infrastructure;
using MhEmployment.Web.Features.Accounts;

namespace MhEmployment.IntegrationTests.Api;

public abstract class AreasApiTests(AppFixture fixture)
{
    private readonly HttpClient _client = fixture.ApiClient(Roles.Viewer);

    private async Task<JsonElement> GetJsonAsync(string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await _client.GetAsync(new Uri(url, UriKind.Relative));
        response.StatusCode.Should().Be(expected, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task Areas_InLondon_AreThe33BoroughsWithTheirFields()
    {
        var areas = await GetJsonAsync("/api/v1/areas?region=E12000007");

        var codes = areas.EnumerateArray().Select(a => a.GetProperty("code").GetString()).ToList();
        codes.Should().BeEquivalentTo(Enumerable.Range(1, 33).Select(i => $"E090000{i:00}"));
        var hackney = areas.EnumerateArray().Single(a => a.GetProperty("code").GetString() == "E09000012");
        hackney.GetProperty("name").GetString().Should().Be("Hackney");
        hackney.GetProperty("kind").GetString().Should().Be("LondonBorough");
        hackney.GetProperty("regionCode").GetString().Should().Be("E12000007");
        hackney.GetProperty("validTo").ValueKind.Should().Be(JsonValueKind.Null);
        hackney.GetProperty("successorCodes").GetArrayLength().Should().Be(0);
        hackney.TryGetProperty("validFrom", out _).Should().BeTrue();
    }

    [Fact]
    public async Task Area_Cumbria_EndedIn2023WithItsTwoSuccessors()
    {
        var cumbria = await GetJsonAsync("/api/v1/areas/E10000006");

        cumbria.GetProperty("name").GetString().Should().Be("Cumbria");
        cumbria.GetProperty("kind").GetString().Should().Be("County");
        cumbria.GetProperty("validTo").GetString().Should().Be("2023-03-31");
        cumbria.GetProperty("successorCodes").EnumerateArray().Select(s => s.GetString()).Should().Equal("E06000063", "E06000064");
        cumbria.GetProperty("successors").EnumerateArray().Select(s => s.GetProperty("name").GetString())
            .Should().BeEquivalentTo("Cumberland", "Westmorland and Furness");
    }

    [Fact]
    public async Task Areas_ByDefault_LeaveOutAbolishedAreas_AndIncludeThemWhenAsked()
    {
        var current = await GetJsonAsync("/api/v1/areas?kind=County");
        var all = await GetJsonAsync("/api/v1/areas?kind=county&includeHistorical=true");

        current.GetArrayLength().Should().Be(21);
        all.EnumerateArray().Select(a => a.GetProperty("code").GetString()).Should().Contain(["E10000006", "E10000004"]);
        all.GetArrayLength().Should().BeGreaterThan(30);
    }

    [Fact]
    public async Task Areas_SearchByName_FindsItWhateverTheCase()
    {
        var found = await GetJsonAsync("/api/v1/areas?q=hackney");

        found.EnumerateArray().Select(a => a.GetProperty("code").GetString()).Should().Equal("E09000012");
    }

    [Fact]
    public async Task Area_UnknownCode_Is404ProblemDetails()
    {
        var response = await _client.GetAsync(new Uri("/api/v1/areas/E09999999", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("status").GetInt32().Should().Be(404);
        problem.GetProperty("detail").GetString().Should().Contain("E09999999");
    }

    [Theory]
    [InlineData("kind=Borough", "kind")]
    [InlineData("region=London", "region")]
    [InlineData("includeHistorical=maybe", "includeHistorical")]
    public async Task Areas_BadFilter_Is400NamingTheParameter(string query, string parameter)
    {
        var problem = await GetJsonAsync("/api/v1/areas?" + query, HttpStatusCode.BadRequest);

        problem.GetProperty("errors").GetProperty(parameter).EnumerateArray().Single().GetString().Should().NotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task UnknownApiRoute_Is404ProblemDetails_NotAnHtmlPage()
    {
        var response = await _client.GetAsync(new Uri("/api/v1/nothing-here", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class AreasApiOnSqlite(SqliteAppFixture fixture) : AreasApiTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class AreasApiOnPostgres(PostgresAppFixture fixture) : AreasApiTests(fixture);
