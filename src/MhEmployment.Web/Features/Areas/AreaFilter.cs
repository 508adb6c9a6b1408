using MhEmployment.Web.Domain;

namespace MhEmployment.Web.Features.Areas;

/// <summary>Which areas to list. Parsed from query-string text so that a bad value gets a precise message.</summary>
public sealed record AreaFilter(AreaKind? Kind, string? RegionCode, bool IncludeHistorical, string? Search)
{
    public static readonly AreaFilter CurrentAreas = new(null, null, false, null);

    /// <summary>Parses the raw values; returns the errors keyed by parameter name when any is bad.</summary>
    public static (AreaFilter? Filter, Dictionary<string, string[]> Errors) Parse(
        string? kind, string? region, string? includeHistorical, string? search = null)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        AreaKind? parsedKind = null;
        if (!string.IsNullOrWhiteSpace(kind))
        {
            parsedKind = ParseKind(kind);
            if (parsedKind is null)
            {
                errors["kind"] = [$"'{kind}' is not an area kind. Use one of: {string.Join(", ", Enum.GetNames<AreaKind>())}."];
            }
        }

        string? regionCode = null;
        if (!string.IsNullOrWhiteSpace(region))
        {
            regionCode = region.Trim().ToUpperInvariant();
            if (!AreaCodes.LooksLikeGssCode(regionCode))
            {
                errors["region"] = [$"'{region}' is not a GSS code. A region code looks like E12000007 (London)."];
            }
        }

        var historical = false;
        if (!string.IsNullOrWhiteSpace(includeHistorical) && !bool.TryParse(includeHistorical, out historical))
        {
            errors["includeHistorical"] = [$"'{includeHistorical}' is not true or false."];
        }

        var text = string.IsNullOrWhiteSpace(search) ? null : search.Trim();
        return errors.Count > 0 ? (null, errors) : (new AreaFilter(parsedKind, regionCode, historical, text), errors);
    }

    /// <summary>Accepts the enum name in any case, with or without separators: "LondonBorough", "london-borough".</summary>
    public static AreaKind? ParseKind(string value)
    {
        var compact = value.Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
        return Enum.TryParse<AreaKind>(compact, ignoreCase: true, out var kind) && Enum.IsDefined(kind) && !int.TryParse(compact, out _)
            ? kind
            : null;
    }
}
