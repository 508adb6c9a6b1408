namespace MhEmployment.Web.Features.Imports;

/// <summary>How series keys name their source, and the catalogue key a new indicator from that source gets.</summary>
public static class SeriesKeys
{
    public const string Fingertips = "fingertips:";
    public const string Mhsds = "mhsds:";
    public const string Nomis = "nomis:";
    public const string NomisWeb = "nomisweb:";

    public static bool IsTemplateKey(string seriesKey) => !seriesKey.Contains(':', StringComparison.Ordinal);

    public static bool NeedsAnalystMapping(string seriesKey) =>
        seriesKey.StartsWith(Nomis, StringComparison.Ordinal) || seriesKey.StartsWith(NomisWeb, StringComparison.Ordinal);

    public static int? FingertipsId(string seriesKey) =>
        seriesKey.StartsWith(Fingertips, StringComparison.Ordinal) && int.TryParse(seriesKey.AsSpan(Fingertips.Length), out var id) ? id : null;

    /// <summary>The catalogue key for an indicator added from this series.</summary>
    public static string NewIndicatorKey(string seriesKey)
    {
        if (FingertipsId(seriesKey) is { } id)
        {
            return $"fingertips-{id}";
        }
        if (seriesKey.StartsWith(Mhsds, StringComparison.Ordinal))
        {
            return "mhsds-" + Slug(seriesKey[Mhsds.Length..]);
        }
        // NOMIS signatures are long: a readable start and a short hash keep the key unique and stable.
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(seriesKey)))[..8];
        var slug = Slug(seriesKey[(seriesKey.IndexOf(':', StringComparison.Ordinal) + 1)..]);
        return $"nomis-{(slug.Length > 60 ? slug[..60].TrimEnd('-') : slug)}-{hash}";
    }

    public static string Slug(string text)
    {
        var chars = text.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray();
        var slug = new string(chars);
        while (slug.Contains("--", StringComparison.Ordinal))
        {
            slug = slug.Replace("--", "-", StringComparison.Ordinal);
        }
        return slug.Trim('-');
    }
}
