using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace MhEmployment.IntegrationTests.Infrastructure;

/// <summary>Drives imports through the HTTP API as a script would.</summary>
public static class ImportClient
{
    public static string Sample(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", "samples", name);

    public static async Task<HttpResponseMessage> UploadAsync(this HttpClient api, string path, string? fileName = null, string? format = null, string? mapping = null,
        string? commit = null)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(await File.ReadAllBytesAsync(path));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", fileName ?? Path.GetFileName(path));
        if (format is not null)
        {
            form.Add(new StringContent(format), "format");
        }
        if (mapping is not null)
        {
            form.Add(new StringContent(mapping), "mapping");
        }
        if (commit is not null)
        {
            form.Add(new StringContent(commit), "commit");
        }
        return await api.PostAsync(new Uri("/api/v1/imports", UriKind.Relative), form);
    }

    /// <summary>Uploads and waits for validation to finish; returns the import as the API shows it.</summary>
    public static async Task<JsonElement> UploadAndValidateAsync(this HttpClient api, string path, string? fileName = null, string? format = null, string? mapping = null)
    {
        var response = await api.UploadAsync(path, fileName, format, mapping);
        response.StatusCode.Should().Be(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        return await api.WaitForAsync(id, "ready", "failed");
    }

    public static Task<JsonElement> WaitForAsync(this HttpClient api, int id, params string[] statuses) =>
        api.WaitForAsync(id, TimeSpan.FromSeconds(60), statuses);

    public static async Task<JsonElement> WaitForAsync(this HttpClient api, int id, TimeSpan timeout, params string[] statuses)
    {
        var deadline = DateTime.UtcNow.Add(timeout);
        while (true)
        {
            var import = await api.GetFromJsonAsync<JsonElement>($"/api/v1/imports/{id}");
            if (statuses.Contains(import.GetProperty("status").GetString()))
            {
                return import;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Import {id} is still {import.GetProperty("status")}; waited for {string.Join("/", statuses)}.");
            }
            await Task.Delay(100);
        }
    }

    public static async Task<JsonElement> CommitAsync(this HttpClient api, int id)
    {
        var response = await api.PostAsync(new Uri($"/api/v1/imports/{id}/commit", UriKind.Relative), null);
        response.StatusCode.Should().Be(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        return await api.WaitForAsync(id, "committed", "ready");
    }

    public static Task<HttpResponseMessage> RequestCommitAsync(this HttpClient api, int id, bool confirmNewIndicators) =>
        api.PostAsJsonAsync($"/api/v1/imports/{id}/commit", new { confirmNewIndicators });

    /// <summary>Commits with the analyst's confirmation of the indicators the file adds; returns the import once settled.</summary>
    public static async Task<JsonElement> CommitConfirmingNewIndicatorsAsync(this HttpClient api, int id)
    {
        var response = await api.RequestCommitAsync(id, confirmNewIndicators: true);
        response.StatusCode.Should().Be(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        return await api.WaitForAsync(id, "committed", "ready");
    }

    public static async Task<List<JsonElement>> ValuesAsync(this HttpClient api, string query) =>
        [.. (await api.GetFromJsonAsync<JsonElement>("/api/v1/values?" + query)).EnumerateArray()];
}
