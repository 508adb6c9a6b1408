using System.Net.Http.Headers;
using AngleSharp.Dom;
using MhEmployment.IntegrationTests.Infrastructure;

namespace MhEmployment.IntegrationTests.Pages.Imports;

/// <summary>What a person does on the import pages: upload a file through the form, and wait for its page to show a status.</summary>
public static class ImportPages
{
    public static async Task<HttpResponseMessage> UploadThroughThePageAsync(this HttpClient client, byte[] content, string fileName)
    {
        var (_, page) = await client.GetPageAsync("/imports");
        var token = page.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(token), "__RequestVerificationToken");
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "Input.File", fileName);
        return await client.PostAsync(new Uri("/imports", UriKind.Relative), form);
    }

    /// <summary>The page once its status tag reads <paramref name="statusText"/>.</summary>
    public static async Task<IDocument> WaitForStatusAsync(this HttpClient client, string url, string statusText)
    {
        var last = "";
        for (var i = 0; i < 600; i++)
        {
            var (_, page) = await client.GetPageAsync(url);
            last = page.QuerySelector("#import-status")!.Text();
            if (last == statusText)
            {
                return page;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"{url} never showed '{statusText}'; it last showed '{last}'.");
    }
}
