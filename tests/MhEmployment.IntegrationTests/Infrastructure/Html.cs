using AngleSharp;
using AngleSharp.Dom;

namespace MhEmployment.IntegrationTests.Infrastructure;

public static class Html
{
    public static async Task<IDocument> ParseAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        var context = BrowsingContext.New(Configuration.Default);
        return await context.OpenAsync(request => request.Content(html).Address(response.RequestMessage?.RequestUri?.ToString() ?? "http://localhost/"));
    }

    public static async Task<(HttpResponseMessage Response, IDocument Document)> GetPageAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        return (response, await ParseAsync(response));
    }

    public static string Text(this IElement element) => string.Join(' ', element.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>The value of a summary-list row, found by its label.</summary>
    public static string SummaryValue(this IDocument document, string label) =>
        document.QuerySelectorAll(".summary-list > div")
            .Single(row => row.QuerySelector("dt")!.Text() == label)
            .QuerySelector("dd")!.Text();
}
