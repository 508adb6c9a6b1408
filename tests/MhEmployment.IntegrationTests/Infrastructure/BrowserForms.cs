using AngleSharp.Html.Dom;

namespace MhEmployment.IntegrationTests.Infrastructure;

/// <summary>
/// Posts a form with every field a browser would send: text inputs and hidden fields, text areas, the checked radio of
/// each group, ticked checkboxes and chosen options. A field named in <c>fields</c> is sent with that value instead.
/// </summary>
public static class BrowserForms
{
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string pageUrl, Dictionary<string, string> fields,
        string formSelector = "main form[method=post]")
    {
        var (_, page) = await client.GetPageAsync(pageUrl);
        var form = page.QuerySelector(formSelector) as IHtmlFormElement
            ?? throw new InvalidOperationException($"No form '{formSelector}' on {pageUrl}.");
        return await client.PostFormAsync(form, fields, pageUrl);
    }

    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, IHtmlFormElement form, Dictionary<string, string> fields, string pageUrl)
    {
        var values = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            var (name, value) = element switch
            {
                IHtmlInputElement { Type: "checkbox" or "radio", IsChecked: false } => (null, null),
                IHtmlInputElement { Type: "submit" or "button" or "reset" } => (null, null),
                IHtmlInputElement input => (input.Name, input.Value),
                IHtmlTextAreaElement area => (area.Name, area.Value),
                IHtmlSelectElement select => (select.Name, select.Value),
                _ => (null, null),
            };
            if (!string.IsNullOrEmpty(name) && !fields.ContainsKey(name))
            {
                values.Add(new(name, value ?? ""));
            }
        }
        values.AddRange(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));
        var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? pageUrl : form.GetAttribute("action")!;
        return await client.PostAsync(new Uri(action, UriKind.RelativeOrAbsolute), new FormUrlEncodedContent(values));
    }
}
