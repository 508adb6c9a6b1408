using System.Globalization;
using MhEmployment.Web.Features.Imports.Parsing;

namespace MhEmployment.Web.Features.Refresh.Fetching;

/// <summary>
/// A NOMIS dataset query, page by page until the RECORD_COUNT the rows announce has arrived (without that column, until
/// a page is shorter than asked for), joined into one NOMIS API CSV: later pages must have the first page's header,
/// which is then left out.
/// </summary>
internal sealed class NomisDownload(HttpClient http, SourceOptions options, string dataset, string? query)
{
    public const string Source = "NOMIS";

    /// <summary>The columns the NOMIS API importer cannot do without (NomisApiParser).</summary>
    public static readonly string[][] Required = [["DATE_NAME", "DATE"], ["GEOGRAPHY_CODE"], ["OBS_VALUE"]];

    public async Task RunAsync(SourceOutput output, Action<int>? received, CancellationToken cancellationToken)
    {
        CsvRecord? header = null;
        var countColumn = -1;
        long? announced = null;
        long offset = 0;
        while (true)
        {
            var url = SourceUrls.NomisPage(options.NomisBaseUrl, dataset, query, offset, options.NomisPageSize);
            await using var page = await SourcePage.OpenAsync(http, options, Source, url, Required, header, received, cancellationToken);
            if (header is null)
            {
                header = page.Header;
                countColumn = new HeaderNames(header.Fields).Find("RECORD_COUNT");
                await output.WriteAsync(header, cancellationToken);
            }

            long rows = 0;
            while (await page.ReadAsync(missingTrailingAllowed: 0) is { } row)
            {
                announced ??= Announced(row, countColumn);
                await output.WriteAsync(row, cancellationToken);
                rows++;
            }
            offset += rows;
            if (announced is { } total)
            {
                if (offset >= total)
                    return;
                if (rows == 0)
                    throw new SourceProblemException(SourceProblem.StoppedShort(Source, url, offset, total));
            }
            else if (rows < options.NomisPageSize)
            {
                return;
            }
        }
    }

    private static long? Announced(CsvRecord row, int column) =>
        column >= 0 && column < row.Fields.Count
        && long.TryParse(row.Fields[column], NumberStyles.None, CultureInfo.InvariantCulture, out var total) ? total : null;
}
