using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace MhEmployment.IntegrationTests.Infrastructure;

/// <summary>Edits the indicator catalogue through the HTTP API as a script would: read it with its ETag, change, send back.</summary>
public static class CatalogueClient
{
    /// <summary>The indicator as GET returns it, and its ETag.</summary>
    public static async Task<(JsonObject Body, string ETag)> GetIndicatorAsync(this HttpClient api, string key)
    {
        var response = await api.GetAsync(new Uri($"/api/v1/indicators/{key}", UriKind.Relative));
        response.EnsureSuccessStatusCode();
        return (JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject(), response.Headers.ETag!.ToString());
    }

    /// <summary>PUTs a body with the given If-Match (none when null).</summary>
    public static async Task<HttpResponseMessage> PutIndicatorAsync(this HttpClient api, string key, JsonNode body, string? ifMatch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri($"/api/v1/indicators/{key}", UriKind.Relative))
        {
            Content = JsonContent.Create(body),
        };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }
        return await api.SendAsync(request);
    }

    /// <summary>Reads the indicator, applies <paramref name="change"/> to its JSON and saves it with the ETag it was read with.</summary>
    public static async Task<HttpResponseMessage> EditIndicatorAsync(this HttpClient api, string key, Action<JsonObject> change)
    {
        var (body, etag) = await api.GetIndicatorAsync(key);
        change(body);
        return await api.PutIndicatorAsync(key, body, etag);
    }

    /// <summary>
    /// Reviews the Fingertips suicide rate (41001) as an analyst would after importing the sample: the file says nothing
    /// of its unit, so it arrives as a count; it is a directly standardised rate per 100,000, banded here in quintiles.
    /// </summary>
    public static async Task ReviewSuicideRateAsync(this HttpClient api)
    {
        var response = await api.EditIndicatorAsync("fingertips-41001", body =>
        {
            body["valueType"] = "DirectlyStandardisedRate";
            body["unit"] = "RatePer100000";
            body["multiplier"] = 100000;
            body["intervalMethod"] = "Dobson";
            body["comparisonMethod"] = "Quintiles";
            body["needsReview"] = false;
        });
        response.EnsureSuccessStatusCode();
    }
}
