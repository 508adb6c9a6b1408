using System.Globalization;
using System.Text;
using CsvHelper;
using MhEmployment.Web.Domain;
using MhEmployment.Web.Infrastructure;

namespace MhEmployment.Web.Features.Assets;

/// <summary>A problem with an asset file: the line (1 is the header), the column, the value given and why.</summary>
public sealed record CsvError(long Line, string? Column, string? Value, string Message);

/// <summary>One data row of an asset file, read as text.</summary>
public sealed record CsvAssetRow(long Line, int? Id, AssetDraft Draft, string? Rating, string? RatingRationale);

/// <summary>
/// The asset register's CSV template (docs/csv-formats.md): one asset a row, lists separated by semicolons. The export
/// writes it with every free-text cell neutralised for spreadsheets; the reader undoes exactly that, so an export
/// re-imports unchanged.
/// </summary>
public static class AssetCsv
{
    public const int MaxBytes = 5 * 1024 * 1024;
    public const int MaxRows = 50_000;

    public static readonly IReadOnlyList<string> Columns =
    [
        "id", "name", "description", "provider", "sector", "items", "areas", "target_group", "eligibility",
        "capacity_per_year", "demand_per_year", "waiting_list", "funding_source", "funding_amount", "funding_start",
        "funding_end", "commissioner", "contact", "website", "postcode", "rating", "rating_rationale", "rated_by", "rated_on",
    ];

    public static readonly IReadOnlyList<string> RequiredColumns = ["name", "provider", "sector", "items", "areas"];

    /// <summary>Columns the export writes for information; the import ignores them.</summary>
    public static readonly IReadOnlyList<string> InformationColumns = ["rated_by", "rated_on"];

    public static string Header => CsvText.Line(Columns);

    public static string Line(Asset asset, AssetSnapshot snapshot) => CsvText.Line(
    [
        asset.Id.ToString(CultureInfo.InvariantCulture),
        .. snapshot.Fields.Select(f => f.Value),
        asset.Rating?.ToString(CultureInfo.InvariantCulture),
        asset.RatingRationale,
        asset.RatedBy,
        asset.RatedUtc?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    ]);

    /// <summary>The register (or the part of it a filter matches) as a CSV file that spreadsheets open safely.</summary>
    public static byte[] Export(IEnumerable<Asset> assets, IReadOnlyDictionary<int, ItemRef> items)
    {
        var text = new StringBuilder().Append(Header).Append("\r\n");
        foreach (var asset in assets)
        {
            text.Append(Line(asset, AssetSnapshot.Of(asset, items))).Append("\r\n");
        }
        return CsvText.Utf8WithBom(text);
    }

    /// <summary>Reads the file; the rows are returned only when the file itself (header, quoting) could be read.</summary>
    public static (List<CsvAssetRow> Rows, List<CsvError> Errors) Read(string content)
    {
        var rows = new List<CsvAssetRow>();
        var errors = new List<CsvError>();
        var malformed = new List<CsvMalformedRecord>();
        using var csv = CsvReader.Create(new StringReader(content), new CsvReaderOptions
        {
            Separator = ',',
            HasHeader = true,
            TrackLineNumbers = true,
            AllowLineBreaksInQuotes = true,
            SkipEmptyLines = true,
            MaxRecordSize = 1 << 20,
            MalformedData = CsvMalformedDataHandling.Recover,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            OnMalformedRecord = malformed.Add,
            DetectSeparatorHint = false,
        }, leaveOpen: false);
        IReadOnlyList<string> header;
        try
        {
            header = [.. (csv.Headers ?? []).Select(h => h.Trim().TrimStart('\uFEFF').ToLowerInvariant())];
        }
        catch (CsvFormatException)
        {
            errors.Add(new(1, null, null, "The header line cannot be read (an unclosed quote?)"));
            return (rows, errors);
        }
        if (header.Count == 0 || header.All(h => h.Length == 0))
        {
            errors.Add(new(1, null, null, $"The file is empty; the first line must be the header: {string.Join(',', Columns)}"));
            return (rows, errors);
        }
        if (!CheckHeader(header, errors))
        {
            return (rows, errors);
        }
        var index = header.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i, StringComparer.Ordinal);
        try
        {
            while (csv.Read())
            {
                var line = csv.LineNumber;
                if (malformed.Count > 0)
                {
                    var problem = malformed[0];
                    malformed.Clear();
                    if (problem.Reason == CsvMalformedReason.UnterminatedQuote)
                    {
                        errors.Add(new(line, null, null, $"A quote (\") opened on line {line} is never closed, so the rest of the file cannot be read"));
                        break;
                    }
                    if (problem.Reason != CsvMalformedReason.FieldCountMismatch)
                    {
                        errors.Add(new(line, null, null, $"Line {line} has a stray quote (\") or text after a closing quote, so its values cannot be split reliably"));
                        continue;
                    }
                }
                if (csv.FieldCount > header.Count)
                {
                    errors.Add(new(line, null, null, $"Line {line} has {csv.FieldCount} values but the header has {header.Count} columns (an unquoted comma?)"));
                    continue;
                }
                if (rows.Count >= MaxRows)
                {
                    errors.Add(new(line, null, null, $"The file has more than {MaxRows:N0} assets; split it into smaller files"));
                    break;
                }
                string? Cell(string column) =>
                    index.TryGetValue(column, out var i) && i < csv.FieldCount ? Unneutralise(csv.GetString(i)) : null;
                var idText = AssetRules.Clean(Cell("id"));
                int? id = null;
                if (idText is not null)
                {
                    if (int.TryParse(idText, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed > 0)
                    {
                        id = parsed;
                    }
                    else
                    {
                        errors.Add(new(line, "id", idText, "The id must be the number of an asset in the register, or empty for a new asset"));
                        continue;
                    }
                }
                rows.Add(new CsvAssetRow(line, id, new AssetDraft
                {
                    Name = Cell("name"), Description = Cell("description"), Provider = Cell("provider"), Sector = Cell("sector"),
                    Items = AssetSnapshot.Split(Cell("items")), Areas = AssetSnapshot.Split(Cell("areas")),
                    TargetGroup = Cell("target_group"), Eligibility = Cell("eligibility"), CapacityPerYear = Cell("capacity_per_year"),
                    DemandPerYear = Cell("demand_per_year"), WaitingList = Cell("waiting_list"), FundingSource = Cell("funding_source"),
                    FundingAmount = Cell("funding_amount"), FundingStart = Cell("funding_start"), FundingEnd = Cell("funding_end"),
                    Commissioner = Cell("commissioner"), Contact = Cell("contact"), Website = Cell("website"), Postcode = Cell("postcode"),
                }, AssetRules.Clean(Cell("rating")), AssetRules.Clean(Cell("rating_rationale"))));
            }
        }
        catch (CsvFormatException e)
        {
            errors.Add(new(e.LineNumber, null, null, $"The record starting on line {e.LineNumber} is longer than 1 MB (an unclosed quote?); the file cannot be read past it"));
        }
        if (rows.Count == 0 && errors.Count == 0)
        {
            errors.Add(new(2, null, null, "The file has a header but no assets"));
        }
        return (rows, errors);
    }

    /// <summary>Undoes the export's neutralisation: a quote mark put before =, +, -, @, tab or CR comes off again.</summary>
    public static string Unneutralise(string value) =>
        value.Length > 1 && value[0] == '\'' && value[1] is '=' or '+' or '-' or '@' or '\t' or '\r' ? value[1..] : value;

    private static bool CheckHeader(IReadOnlyList<string> header, List<CsvError> errors)
    {
        var ok = true;
        foreach (var duplicate in header.Where(h => h.Length > 0).GroupBy(h => h).Where(g => g.Count() > 1))
        {
            errors.Add(new(1, duplicate.Key, duplicate.Key, $"The column '{duplicate.Key}' appears {duplicate.Count()} times; each column may appear once"));
            ok = false;
        }
        foreach (var unknown in header.Where(h => !Columns.Contains(h)).Distinct())
        {
            errors.Add(new(1, unknown, unknown, unknown.Length == 0
                ? "A column has no name"
                : $"'{unknown}' is not a column of the asset template; the columns are {string.Join(", ", Columns)}"));
            ok = false;
        }
        foreach (var missing in RequiredColumns.Where(c => !header.Contains(c)))
        {
            errors.Add(new(1, missing, null, $"The required column '{missing}' is missing"));
            ok = false;
        }
        return ok;
    }

    /// <summary>The file as text: UTF-8 (with or without a byte-order mark); null when it is not UTF-8.</summary>
    public static string? Decode(byte[] bytes)
    {
        try
        {
            var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
            return text.TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }
}
