namespace MhEmployment.Web.Features.Imports.Parsing;

/// <summary>The format a file's first lines say it is, or why none fits.</summary>
public sealed record FormatDetection(ImportFormat? Format, ParseIssue? Problem);

/// <summary>Decides the <see cref="ImportFormat"/> from the first non-empty lines of a file.</summary>
public static class FormatDetector
{
    private const int LinesLooked = 30;

    /// <summary>What each format's header looks like, for the "not recognised" message and the upload page.</summary>
    public const string KnownFormats =
        "NOMIS API CSV (columns DATE_NAME or DATE, GEOGRAPHY_CODE, OBS_VALUE, usually with GEOGRAPHY_NAME, MEASURES_NAME, OBS_STATUS); " +
        "NOMIS web download (a title, \"ONS Crown Copyright Reserved\", \"Units :\" and \"Date :\" lines, then a table of areas); " +
        "MHSDS/MHMDS (REPORTING_PERIOD_START, REPORTING_PERIOD_END, BREAKDOWN, PRIMARY_LEVEL, MEASURE_ID, MEASURE_VALUE); " +
        "Fingertips data download (Indicator ID, Indicator Name, Area Code, Sex, Age, Time period, Value, Count, Denominator, ...); " +
        "the MhEmployment template (indicator_key, area_code, period_label, value, ... as in docs/csv-formats.md)";

    /// <summary>
    /// Detects from the decoded start of a file. When <paramref name="isWholeFile"/> is false the last line may be
    /// cut, and a start with no line break at all means the first line is too long to be a header.
    /// </summary>
    public static FormatDetection Detect(string head, bool isWholeFile = true)
    {
        ArgumentNullException.ThrowIfNull(head);
        if (!isWholeFile && head.IndexOf('\n', StringComparison.Ordinal) < 0)
            return Problem(IssueRules.RecordTooLarge, 1,
                $"Line 1 is longer than {head.Length:N0} characters with no line break, so it cannot be a header. Check that this is a CSV file with one record per line.");
        var lines = head.Split('\n');
        var complete = isWholeFile ? lines.Length : lines.Length - 1;
        return Detect(lines.Take(complete).Select(l => l.TrimEnd('\r')).ToList());
    }

    public static FormatDetection Detect(IReadOnlyList<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var firstIndex = -1;
        for (var i = 0; i < lines.Count; i++)
            if (lines[i].Trim().Trim('\uFEFF').Length > 0) { firstIndex = i; break; }
        if (firstIndex < 0)
            return Problem(IssueRules.EmptyFile, 0, "The file has no lines with anything in them.");

        var first = lines[firstIndex].TrimStart('\uFEFF');
        if (Match(HeaderKeys(first, ',')) is { } format)
            return new FormatDetection(format, null);
        if (LooksLikeNomisWeb(lines))
            return new FormatDetection(ImportFormat.NomisWeb, null);

        foreach (var (separator, name) in new[] { (';', "semicolons (;)"), ('\t', "tabs"), ('|', "vertical bars (|)") })
            if (first.Contains(separator, StringComparison.Ordinal) && Match(HeaderKeys(first, separator)) is { } other)
                return Problem(IssueRules.WrongDelimiter, firstIndex + 1,
                    $"This looks like a {Describe(other)} file but its columns are separated by {name}, not commas. Save it as CSV UTF-8 (Comma delimited) and upload that.",
                    Shorten(first));

        return Problem(IssueRules.UnknownFormat, firstIndex + 1,
            $"The columns were not recognised. The importer reads: {KnownFormats}. The first line was: \"{Shorten(first)}\".",
            Shorten(first));
    }

    public static string Describe(ImportFormat format) => format switch
    {
        ImportFormat.NomisApi => "NOMIS API",
        ImportFormat.NomisWeb => "NOMIS web download",
        ImportFormat.Mhsds => "MHSDS",
        ImportFormat.Fingertips => "Fingertips",
        _ => "template",
    };

    private static HashSet<string> HeaderKeys(string line, char separator) =>
        CsvLine.Split(line, separator).Select(HeaderNames.Normalise).ToHashSet(StringComparer.Ordinal);

    private static ImportFormat? Match(HashSet<string> keys)
    {
        bool All(params string[] names) => names.All(n => keys.Contains(HeaderNames.Normalise(n)));
        if (All("REPORTING_PERIOD_START", "REPORTING_PERIOD_END", "PRIMARY_LEVEL", "MEASURE_ID", "MEASURE_VALUE"))
            return ImportFormat.Mhsds;
        if (All("Indicator ID", "Area Code", "Time period", "Value"))
            return ImportFormat.Fingertips;
        if (All("indicator_key", "area_code", "value"))
            return ImportFormat.Template;
        if (All("GEOGRAPHY_CODE", "OBS_VALUE") && (All("DATE_NAME") || All("DATE")))
            return ImportFormat.NomisApi;
        return null;
    }

    private static bool LooksLikeNomisWeb(IReadOnlyList<string> lines)
    {
        foreach (var line in lines.Take(LinesLooked))
        {
            var fields = CsvLine.Split(line);
            var first = fields[0].Trim();
            if (first.Contains("Crown Copyright", StringComparison.OrdinalIgnoreCase))
                return true;
            if (fields.Count >= 2 && first.EndsWith(':') &&
                (first.StartsWith("Units", StringComparison.OrdinalIgnoreCase) || first.StartsWith("Date", StringComparison.OrdinalIgnoreCase)))
                return true;
        }
        return false;
    }

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "…";

    private static FormatDetection Problem(string rule, long line, string message, string? value = null) =>
        new(null, new ParseIssue(line, null, value, rule, message));
}
