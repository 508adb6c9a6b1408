namespace MhEmployment.Web.Features.Profiles;

/// <summary>
/// What an area is compared with: one area's own value (England, its region, any area), or a chosen group of areas
/// whose counts and denominators are pooled. Written in a query as one code, or as codes separated by commas.
/// </summary>
public sealed record BenchmarkChoice(IReadOnlyList<string> Codes)
{
    public const string England = "E92000001";

    public static BenchmarkChoice Default { get; } = new([England]);

    public bool IsGroup => Codes.Count > 1;

    /// <summary>The benchmark's key in the comparison engine: the code, or "group" for a pooled set.</summary>
    public string Key => IsGroup ? "GROUP:" + string.Join(',', Codes) : Codes[0];

    /// <summary>The value written back into links and forms.</summary>
    public string QueryValue => string.Join(',', Codes);

    /// <summary>
    /// Reads "E92000001" or "E09000001,E09000002"; null for empty input. Unknown codes are the caller's to report.
    /// </summary>
    public static BenchmarkChoice? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var codes = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(c => c.ToUpperInvariant()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return codes.Count == 0 ? null : new BenchmarkChoice(codes);
    }
}
