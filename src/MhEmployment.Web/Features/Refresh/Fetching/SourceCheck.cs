using System.Globalization;
using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Indicators;

namespace MhEmployment.Web.Features.Refresh.Fetching;

/// <summary>Whether an indicator's source is complete enough to fetch, and its parts as the requests need them.</summary>
public static class SourceCheck
{
    /// <summary>Why the indicator cannot be refreshed from its source, in words for an analyst; null when it can.</summary>
    public static string? ProblemWith(Indicator indicator)
    {
        switch (indicator.RefreshSource)
        {
            case IndicatorSourceKind.Fingertips:
                if (indicator.FingertipsId is not > 0)
                    return $"{indicator.Name} is set to refresh from Fingertips but has no Fingertips indicator id.";
                if (string.IsNullOrWhiteSpace(indicator.FingertipsAreaTypes))
                    return $"{indicator.Name} is set to refresh from Fingertips but names no area types to fetch (such as 502 for counties and unitary authorities).";
                if (AreaTypes(indicator.FingertipsAreaTypes).Count == 0)
                    return $"{indicator.Name}'s Fingertips area types \"{indicator.FingertipsAreaTypes}\" are not area type ids separated by commas (such as 502,501).";
                return null;
            case IndicatorSourceKind.Nomis:
                if (string.IsNullOrWhiteSpace(indicator.NomisDataset))
                    return $"{indicator.Name} is set to refresh from NOMIS but has no NOMIS dataset.";
                if (IndicatorSources.NormaliseDataset(indicator.NomisDataset) is null)
                    return $"{indicator.Name}'s NOMIS dataset \"{indicator.NomisDataset}\" is not a NOMIS dataset id (such as NM_134_1).";
                // The indicator page's own rule, for a source set some other way (the seed, the database).
                if (CleanNomisQuery(indicator.NomisQuery) is { Length: > 0 } query && IndicatorSources.QueryProblem(query) is { } problem)
                    return $"{indicator.Name}'s NOMIS query cannot be used: {problem}.";
                return null;
            default:
                return $"{indicator.Name} has no source to refresh from: give it a Fingertips indicator or a NOMIS dataset on its page, or upload its file.";
        }
    }

    /// <summary>The area type ids in a list such as "502, 501", in order without repeats; empty when any entry is not a positive number.</summary>
    public static IReadOnlyList<int> AreaTypes(string? list)
    {
        var types = new List<int>();
        foreach (var entry in (list ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!int.TryParse(entry, NumberStyles.None, CultureInfo.InvariantCulture, out var type) || type <= 0)
                return [];
            if (!types.Contains(type))
                types.Add(type);
        }
        return types;
    }

    /// <summary>The NOMIS query as URL parameters, without a leading '?' or '&amp;' an analyst may have pasted with it.</summary>
    public static string CleanNomisQuery(string? query) => (query ?? "").Trim().TrimStart('?', '&').TrimEnd('&');
}
