using AngleSharp.Html.Dom;

namespace MhEmployment.IntegrationTests.Infrastructure;

/// <summary>Submits a page's form as a browser would: the fields it has (antiforgery token included), overridden by ours.</summary>
public static class Forms
{
    public static async Task<HttpResponseMessage> SubmitFormAsync(this HttpClient client, string pageUrl, Dictionary<string, string> fields, string formSelector = "main form[method=post]")
    {
        var (_, page) = await client.GetPageAsync(pageUrl);
        var form = page.QuerySelector(formSelector) as IHtmlFormElement
            ?? throw new InvalidOperationException($"No form '{formSelector}' on {pageUrl}.");
        return await client.SubmitAsync(form, fields, pageUrl);
    }

    public static async Task<HttpResponseMessage> SubmitAsync(this HttpClient client, IHtmlFormElement form, Dictionary<string, string> fields, string pageUrl)
    {
        var values = new List<KeyValuePair<string, string>>();
        foreach (var input in form.QuerySelectorAll("input[name]").OfType<IHtmlInputElement>())
        {
            if (input.Type is "checkbox" && !input.IsChecked)
            {
                continue;
            }
            if (!fields.ContainsKey(input.Name!))
            {
                values.Add(new(input.Name!, input.Value));
            }
        }
        values.AddRange(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));
        var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? pageUrl : form.GetAttribute("action")!;
        return await client.PostAsync(new Uri(action, UriKind.RelativeOrAbsolute), new FormUrlEncodedContent(values));
    }
}
