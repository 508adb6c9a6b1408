using MhEmployment.Web.Features.Imports.Parsing;

namespace MhEmployment.Web.Features.Refresh.Fetching;

/// <summary>
/// An indicator's Fingertips data, one request per area type, joined into one file: the header once, and a row that
/// an earlier answer already gave (England's on every answer, a unitary authority's both as a county and as a
/// district) left out, so that the import does not report it as a duplicate.
/// </summary>
internal sealed class FingertipsDownload(HttpClient http, SourceOptions options, int indicatorId, IReadOnlyList<int> areaTypes)
{
    public const string Source = "Fingertips";

    /// <summary>The columns the Fingertips importer cannot do without (FingertipsParser).</summary>
    public static readonly string[][] Required = [["Indicator ID"], ["Area Code"], ["Time period"], ["Value"]];

    /// <summary>What makes a row the same row in two answers; category rows differ by their category.</summary>
    private static readonly string[] KeyColumns = ["Indicator ID", "Area Code", "Sex", "Age", "Category Type", "Category", "Time period"];

    // Fingertips leaves off the last, empty "Compared to goal" field on every row.
    private const int MissingTrailingAllowed = 1;

    public async Task RunAsync(SourceOutput output, Action<int>? received, CancellationToken cancellationToken)
    {
        CsvRecord? header = null;
        int[] keyColumns = [];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var areaType in areaTypes)
        {
            var url = SourceUrls.Fingertips(options.FingertipsBaseUrl, indicatorId, areaType);
            await using var page = await SourcePage.OpenAsync(http, options, Source, url, Required, header, received, cancellationToken);
            if (header is null)
            {
                header = page.Header;
                var names = new HeaderNames(header.Fields);
                keyColumns = [.. KeyColumns.Select(c => names.Find(c))];
                await output.WriteAsync(header, cancellationToken);
            }
            while (await page.ReadAsync(MissingTrailingAllowed) is { } row)
            {
                if (seen.Add(Key(row, keyColumns)))
                    await output.WriteAsync(row, cancellationToken);
            }
        }
    }

    private static string Key(CsvRecord row, int[] columns) =>
        string.Join('\u001f', columns.Select(c => c >= 0 && c < row.Fields.Count ? row.Fields[c] : ""));
}
