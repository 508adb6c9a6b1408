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
