using System.Globalization;
using MhEmployment.Web.Domain;

namespace MhEmployment.Web.Features.Refresh.Fetching;

/// <summary>The addresses a refresh asks its sources for.</summary>
public static class SourceUrls
{
    /// <summary>Fingertips' area type for England, asked as the parent of every area type so that each response carries England's value.</summary>
    public const int EnglandAreaType = 15;

    /// <summary>
    /// One indicator's values for one area type, from Fingertips' "all data" CSV endpoint (one indicator per request,
    /// as the API answers). The sortable time period lets the importer place periods it cannot read.
    /// </summary>
    public static Uri Fingertips(Uri baseUrl, int indicatorId, int areaType) =>
        new(WithSlash(baseUrl), string.Create(CultureInfo.InvariantCulture,
            $"all_data/csv/by_indicator_id?indicator_ids={indicatorId}&child_area_type_id={areaType}&parent_area_type_id={EnglandAreaType}&include_sortable_time_periods=yes"));

    /// <summary>One page of a NOMIS dataset: the indicator's query, then NOMIS's paging parameters.</summary>
    public static Uri NomisPage(Uri baseUrl, string dataset, string? query, long offset, int pageSize)
    {
        var parameters = SourceCheck.CleanNomisQuery(query);
        var paging = string.Create(CultureInfo.InvariantCulture, $"recordoffset={offset}&recordlimit={pageSize}");
        return new(WithSlash(baseUrl), $"dataset/{dataset}.data.csv?{(parameters.Length > 0 ? parameters + "&" : "")}{paging}");
    }

    /// <summary>What a refresh of the indicator asks for first (NOMIS's first page, Fingertips' first area type); null when it has no usable source.</summary>
    public static Uri? First(Indicator indicator, SourceOptions options)
    {
        if (SourceCheck.ProblemWith(indicator) is not null)
            return null;
        return indicator.RefreshSource == IndicatorSourceKind.Nomis
            ? NomisPage(options.NomisBaseUrl, indicator.NomisDataset!.Trim(), indicator.NomisQuery, 0, options.NomisPageSize)
            : Fingertips(options.FingertipsBaseUrl, indicator.FingertipsId!.Value, SourceCheck.AreaTypes(indicator.FingertipsAreaTypes)[0]);
    }

    /// <summary>The name the fetched file is stored and shown under, such as "fingertips-93495.csv" or "nomis-NM_134_1.csv".</summary>
    public static string FileName(Indicator indicator) => indicator.RefreshSource == IndicatorSourceKind.Nomis
        ? $"nomis-{indicator.NomisDataset?.Trim()}.csv"
        : string.Create(CultureInfo.InvariantCulture, $"fingertips-{indicator.FingertipsId}.csv");

    // Uri's relative resolution drops the last segment of a base without a trailing slash ("…/api" + "x" is "…/x").
    private static Uri WithSlash(Uri baseUrl) =>
        baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/");
}
