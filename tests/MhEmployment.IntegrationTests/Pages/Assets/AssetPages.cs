using System.Globalization;
using System.Net;
using MhEmployment.IntegrationTests.Infrastructure;

namespace MhEmployment.IntegrationTests.Pages.Assets;

/// <summary>Adds and rates assets through the pages, as people do.</summary>
public static class AssetPages
{
    public static Dictionary<string, string> Fields(string name, string area = "E09000012", string item = "cmht-ips", string provider = "Test provider") => new()
    {
        ["Form.Name"] = name,
        ["Form.Provider"] = provider,
        ["Form.Sector"] = "voluntary",
        ["Form.Items"] = item,
        ["Form.Areas"] = area,
    };

    /// <summary>Adds an asset through the add page; its id, from where the page redirects.</summary>
    public static async Task<int> AddAsync(HttpClient client, Dictionary<string, string> fields)
    {
        var response = await client.SubmitFormAsync("/assets/add", fields);
        response.StatusCode.Should().Be(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return int.Parse(response.Headers.Location!.OriginalString.Split('/').Last(), CultureInfo.InvariantCulture);
    }

    public static async Task RateAsync(HttpClient officer, int id, int rating, string rationale)
    {
        var response = await officer.SubmitFormAsync($"/assets/{id}/rate", new() { ["Rating"] = rating.ToString(CultureInfo.InvariantCulture), ["Rationale"] = rationale });
        response.StatusCode.Should().Be(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
    }

    public static string Unique(string prefix) => $"{prefix} {Guid.NewGuid():N}"[..(prefix.Length + 9)];
}
