namespace MhEmployment.Web.Domain;

/// <summary>An analyst's mapping of a file's series (e.g. a NOMIS dimension combination) to a catalogue indicator, remembered for next time.</summary>
public class SeriesMapping
{
    public int Id { get; init; }
    public required string SeriesKey { get; init; }
    public int IndicatorId { get; set; }
    public DateTime UpdatedUtc { get; set; }
}
