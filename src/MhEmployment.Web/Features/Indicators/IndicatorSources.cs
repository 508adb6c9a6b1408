using System.Globalization;
using System.Text.RegularExpressions;
using MhEmployment.Web.Domain;

namespace MhEmployment.Web.Features.Indicators;

/// <summary>A Fingertips area type the app can fetch: its id in the Fingertips API and what it covers.</summary>
public sealed record FingertipsAreaType(int Id, string Name);

/// <summary>
/// Where "refresh from source" fetches an indicator: the Fingertips area types offered, what makes a NOMIS dataset and
/// query usable, and the source in words. The ids are Fingertips' own (SOURCES.md in Data/Seed gives the evidence).
/// </summary>
public static partial class IndicatorSources
{
    public const int NomisQueryLength = 1000;

    /// <summary>The area types offered, current ones first; older ones serve series published only on earlier boundaries.</summary>
    public static readonly IReadOnlyList<FingertipsAreaType> AreaTypes =
    [
        new(502, "Counties and unitary authorities (from April 2023)"),
        new(501, "Districts and unitary authorities (from April 2023)"),
        new(6, "Regions"),
        new(15, "England"),
        new(221, "Integrated care boards"),
        new(66, "Sub-ICB locations (former CCGs)"),
        new(402, "Counties and unitary authorities (April 2021 to March 2023)"),
        new(401, "Districts and unitary authorities (April 2021 to March 2023)"),
        new(102, "Counties and unitary authorities (before April 2019)"),
        new(101, "Districts and unitary authorities (before April 2019)"),
    ];

    /// <summary>NOMIS's own paging parameters: the fetcher adds them page by page, so a query must not fix them.</summary>
    public static readonly IReadOnlyList<string> PagingParameters = ["recordoffset", "recordlimit"];

    /// <summary>The area type ids stored as text ("502,6"), in the order of <see cref="AreaTypes"/>; empty for none.</summary>
    public static IReadOnlyList<int> ParseAreaTypes(string? stored) =>
        string.IsNullOrWhiteSpace(stored)
            ? []
            : [.. stored.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(t => int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : (int?)null)
                .OfType<int>()];

    /// <summary>The ids as stored: each once, in the order of <see cref="AreaTypes"/>; null for none.</summary>
    public static string? FormatAreaTypes(IEnumerable<int> ids)
    {
        var chosen = ids.ToHashSet();
        var ordered = AreaTypes.Where(t => chosen.Contains(t.Id)).Select(t => t.Id.ToString(CultureInfo.InvariantCulture)).ToList();
        return ordered.Count == 0 ? null : string.Join(',', ordered);
    }

    public static string AreaTypeName(int id) =>
        AreaTypes.FirstOrDefault(t => t.Id == id)?.Name ?? $"area type {id.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>A NOMIS dataset id as NOMIS writes it, NM_ then two numbers (e.g. NM_134_1); null when it is not one.</summary>
    public static string? NormaliseDataset(string? text)
    {
        var trimmed = text?.Trim();
        return trimmed is not null && DatasetPattern().IsMatch(trimmed) ? trimmed.ToUpperInvariant() : null;
    }

    /// <summary>What is wrong with a NOMIS query (name=value pairs separated by &amp;), or null when it is usable.</summary>
    public static string? QueryProblem(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Any(char.IsWhiteSpace))
        {
            return "The NOMIS query must not contain spaces: write it as it appears in the address, such as geography=TYPE480&date=latest&measures=20100";
        }
        if (query.Length > NomisQueryLength)
        {
            return string.Create(CultureInfo.InvariantCulture, $"The NOMIS query must be {NomisQueryLength:N0} characters or fewer (it has {query.Length:N0})");
        }
        foreach (var pair in query.Split('&'))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? pair : pair[..equals];
            if (equals <= 0 || equals == pair.Length - 1 || !ParameterName().IsMatch(name))
            {
                return $"'{Shorten(pair)}' is not a name=value pair: enter the part of the NOMIS address after '?', such as geography=TYPE480&date=latest&measures=20100";
            }
            if (PagingParameters.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                return $"Leave out {name}: the app pages through NOMIS's results itself (recordoffset and recordlimit)";
            }
        }
        return null;
    }

    /// <summary>The indicator's source for refresh in words, for its page.</summary>
    public static string Describe(Indicator indicator)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        return indicator.RefreshSource switch
        {
            IndicatorSourceKind.Fingertips => $"Fingertips indicator {indicator.FingertipsId?.ToString(CultureInfo.InvariantCulture) ?? "(no id)"}, for " +
                Join(ParseAreaTypes(indicator.FingertipsAreaTypes).Select(id => InSentence(AreaTypeName(id)))),
            IndicatorSourceKind.Nomis => $"NOMIS dataset {indicator.NomisDataset} with query {indicator.NomisQuery}",
            _ => "None: values come from uploaded files",
        };
    }

    private static string Join(IEnumerable<string> parts)
    {
        var list = parts.ToList();
        return list.Count switch
        {
            0 => "no area types",
            1 => list[0],
            _ => $"{string.Join(", ", list[..^1])} and {list[^1]}",
        };
    }

    /// <summary>A name as it reads mid-sentence: "counties and …", but "England" keeps its capital.</summary>
    private static string InSentence(string name) => name == "England" ? name : string.Concat(name[..1].ToLowerInvariant(), name[1..]);

    private static string Shorten(string text) => text.Length <= 60 ? text : string.Concat(text.AsSpan(0, 59), "…");

    [GeneratedRegex("^NM_[0-9]{1,6}_[0-9]{1,4}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DatasetPattern();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex ParameterName();
}
