using System.Diagnostics.CodeAnalysis;

namespace MhEmployment.Web.Features.Imports.Parsing;

/// <summary>The file layouts the importer understands, detected from the header.</summary>
public enum ImportFormat { NomisApi, NomisWeb, Mhsds, Fingertips, Template }

public enum IssueSeverity { Error, Warning }

/// <summary>
/// One observation read from a file, before it is matched to the catalogue and the areas. Parsers only read and
/// check what the file itself says; the reference-data checks (known area, known indicator) come after.
/// </summary>
public sealed record SourceObservation
{
    /// <summary>No value, count, denominator or limit in this app's data comes near a million million: a larger one is a mistake.</summary>
    public const double MaxMagnitude = 1e12;

    public SourceObservation()
    {
    }

    /// <summary>What every format says of an observation: where it is, what it measures, where, when and whom; the caller adds the value.</summary>
    [SetsRequiredMembers]
    public SourceObservation(long lineNumber, string seriesKey, string seriesName, string areaCode, string? areaName, Period period, string sex, string ageBand)
    {
        LineNumber = lineNumber;
        SeriesKey = seriesKey;
        SeriesName = seriesName;
        AreaCode = areaCode;
        AreaName = string.IsNullOrEmpty(areaName) ? null : areaName;
        PeriodLabel = period.Label;
        PeriodStart = period.Start;
        PeriodEnd = period.End;
        Sex = sex;
        AgeBand = ageBand;
    }

    /// <summary>The line number where the record starts, counting the file's first line as 1, as a text editor shows it.</summary>
    public required long LineNumber { get; init; }

    /// <summary>
    /// What the observation measures, as the file names it, for matching to a catalogue indicator: for Fingertips
    /// "fingertips:93356", for MHSDS "mhsds:MRS01", for the template the indicator key itself, for NOMIS the series
    /// signature built from the dimension names and values other than date and geography, e.g.
    /// "nomis:MEASURES_NAME=Value|GENDER_NAME=Total|C_AGE_NAME=All Ages" (stable order: the file's column order).
    /// </summary>
    public required string SeriesKey { get; init; }

    /// <summary>A readable name for the series (Fingertips indicator name, MHSDS measure name, NOMIS dimension values).</summary>
    public required string SeriesName { get; init; }

    public required string AreaCode { get; init; }
    public string? AreaName { get; init; }

    public required string PeriodLabel { get; init; }
    public required DateOnly PeriodStart { get; init; }
    public required DateOnly PeriodEnd { get; init; }

    /// <summary>"Persons", "Male" or "Female".</summary>
    public required string Sex { get; init; }
    public required string AgeBand { get; init; }

    public double? Value { get; init; }

    /// <summary>The column the value was read from, as the file's header names it, for messages about it.</summary>
    public string? ValueColumn { get; init; }

    public double? Count { get; init; }
    public double? Denominator { get; init; }
    public double? Lower95 { get; init; }
    public double? Upper95 { get; init; }
    public double? Lower998 { get; init; }
    public double? Upper998 { get; init; }

    /// <summary>Count, denominator and limits together, as the formats that give them read them.</summary>
    public Measures Measures
    {
        get => new(Count, Denominator, Lower95, Upper95, Lower998, Upper998);
        init => (Count, Denominator, Lower95, Upper95, Lower998, Upper998) = value;
    }

    /// <summary>What the file calls the count, denominator and limits, for messages about them; null for a format that names none.</summary>
    public MeasureColumns? MeasureColumns { get; init; }

    /// <summary>The marker the file used for a suppressed or missing value ("*", "..", "!", "-", "x" or ""), kept as it was.</summary>
    public string? SuppressionMarker { get; init; }

    /// <summary>A note the file gives with the value (Fingertips' "Value note", NOMIS OBS_STATUS_NAME when not normal).</summary>
    public string? Note { get; init; }

    /// <summary>Fingertips' published "Compared to England value or percentiles", kept for reconciliation.</summary>
    public string? PublishedComparison { get; init; }

    /// <summary>Extra facts a series carries for adding it to the catalogue: Fingertips "Indicator Name", unit hints, etc.</summary>
    public IReadOnlyDictionary<string, string>? SeriesFacts { get; init; }
}

/// <summary>A problem found in the file, located as precisely as the file allows.</summary>
public sealed record ParseIssue(long LineNumber, string? Column, string? Value, string Rule, string Message, IssueSeverity Severity = IssueSeverity.Error);

/// <summary>What a parser yields, record by record: an observation, an issue, or both (a suppressed value, say).</summary>
public sealed record ParsedRecord(SourceObservation? Observation, IReadOnlyList<ParseIssue> Issues);

/// <summary>The numbers a row may give beside its value.</summary>
public readonly record struct Measures(double? Count, double? Denominator, double? Lower95, double? Upper95, double? Lower998, double? Upper998);

/// <summary>
/// The headers a format gives the count, denominator and confidence limits under: the first name of each is how
/// messages name the column, the others are spellings the format's files also use.
/// </summary>
public sealed class MeasureColumns
{
    public static readonly MeasureColumns Template = new(["count"], ["denominator"], ["lower_95"], ["upper_95"], ["lower_998"], ["upper_998"]);

    public static readonly MeasureColumns Fingertips = new(["Count"], ["Denominator"], ["Lower CI 95.0 limit", "Lower CI 95 limit"],
        ["Upper CI 95.0 limit", "Upper CI 95 limit"], ["Lower CI 99.8 limit"], ["Upper CI 99.8 limit"]);

    /// <summary>MHSDS gives ASCOF 1F's numerator and denominator as the MEASURE_VALUE of two rows, and no limits.</summary>
    public static readonly MeasureColumns Mhsds = new(["MEASURE_VALUE"], ["MEASURE_VALUE"], [], [], [], []);

    private readonly IReadOnlyList<string>[] _names;

    private MeasureColumns(params IReadOnlyList<string>[] names) => _names = names;

    public string Count => NameOf(0);
    public string Denominator => NameOf(1);
    public string Lower95 => NameOf(2);
    public string Upper95 => NameOf(3);
    public string Lower998 => NameOf(4);
    public string Upper998 => NameOf(5);

    /// <summary>Every spelling of every measure column, for telling a file's known columns from unknown ones.</summary>
    public IEnumerable<string> AllNames => _names.SelectMany(n => n);

    /// <summary>The spellings of the count (0), denominator (1), lower and upper 95% (2, 3) and 99.8% limits (4, 5).</summary>
    internal IReadOnlyList<string> SpellingsOf(int measure) => _names[measure];

    private string NameOf(int measure) => _names[measure] is [var first, ..] ? first : "";
}
