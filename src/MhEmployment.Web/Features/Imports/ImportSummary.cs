using System.Text.Json;
using System.Text.Json.Serialization;
using MhEmployment.Web.Domain;

namespace MhEmployment.Web.Features.Imports;

public enum SeriesResolution { Mapped, New, Unmapped, Skipped, UnknownIndicator }

/// <summary>One series of a file (an indicator, a measure, a NOMIS dimension combination) and what it maps to.</summary>
public sealed class SeriesSummary
{
    public required string Key { get; init; }
    public required string Name { get; init; }
    public long Rows { get; set; }
    public SeriesResolution Resolution { get; set; }
    public string? IndicatorKey { get; set; }
    public string? IndicatorName { get; set; }

    /// <summary>For a new series: the negative id its staged rows carry until commit adds the indicator.</summary>
    public int? PlaceholderId { get; set; }
    public Dictionary<string, string> Facts { get; init; } = [];

    /// <summary>How value relates to count/denominator in the rows seen: 100, 1000, 100000 or null.</summary>
    public double? InferredMultiplier { get; set; }
    public string? Sex { get; set; }
    public string? AgeBand { get; set; }
    public DateOnly? FirstPeriodStart { get; set; }
    public DateOnly? FirstPeriodEnd { get; set; }
}

/// <summary>
/// A warning about many rows at once, e.g. 11,660 suppressed values or 17,006 provider rows skipped: what the rows
/// have in common (and what became of them), and how many there are.
/// </summary>
public sealed record AggregateNote(string Rule, string Message, long Rows)
{
    public string RowsText => Counted.Of(Rows, "row");
}

/// <summary>What validation found, kept with the import as JSON for the preview and for commit.</summary>
public sealed class ImportSummary
{
    public List<SeriesSummary> Series { get; init; } = [];
    public int AreaCount { get; set; }
    public List<string> HistoricalAreas { get; init; } = [];
    public List<string> Periods { get; init; } = [];
    public int PeriodCount { get; set; }
    public List<AggregateNote> Notes { get; init; } = [];
    public long SkippedRows { get; set; }
    public long UnmappedRows { get; set; }
    public string? IdenticalToImport { get; set; }

    public bool NeedsMapping => Series.Any(s => s.Resolution == SeriesResolution.Unmapped);

    /// <summary>How many indicators committing adds to the catalogue.</summary>
    [JsonIgnore]
    public int NewIndicatorCount => Series.Count(s => s.Resolution == SeriesResolution.New);

    /// <summary>What validation found for the import; null before it has finished once.</summary>
    public static ImportSummary? Of(Import import) =>
        import.SummaryJson is null ? null : JsonSerializer.Deserialize<ImportSummary>(import.SummaryJson, ImportJson.Options);

    public string ToJson() => JsonSerializer.Serialize(this, ImportJson.Options);
}
