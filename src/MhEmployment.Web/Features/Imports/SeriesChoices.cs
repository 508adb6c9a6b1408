using System.Text.Json;

namespace MhEmployment.Web.Features.Imports;

/// <summary>
/// The analyst's choice per series of a file, as JSON: {"series key": "indicator-key"}, with "new" or "skip" as
/// choices too, and "*" for every series the mapping does not name (see <see cref="ImportValidator"/>).
/// </summary>
public static class SeriesChoices
{
    public static (IReadOnlyDictionary<string, string> Choices, string? Refusal) Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return (new Dictionary<string, string>(), null);
        }
        try
        {
            var choices = JsonSerializer.Deserialize<Dictionary<string, string>>(json, ImportJson.Options);
            return (choices ?? [], null);
        }
        catch (JsonException ex)
        {
            return (new Dictionary<string, string>(), $"The mapping is not valid JSON ({ex.Message}). It should look like {{\"series key\": \"indicator-key\"}}, with \"new\" or \"skip\" as choices too.");
        }
    }

    /// <summary>The choices kept so far with the new ones laid over them (an empty choice keeps what was there).</summary>
    public static string Merge(string? json, IReadOnlyDictionary<string, string> choices)
    {
        var merged = new Dictionary<string, string>(Parse(json).Choices, StringComparer.Ordinal);
        foreach (var (series, choice) in choices.Where(c => !string.IsNullOrWhiteSpace(c.Value)))
        {
            merged[series] = choice;
        }
        return JsonSerializer.Serialize(merged, ImportJson.Options);
    }
}
