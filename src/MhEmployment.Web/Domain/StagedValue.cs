namespace MhEmployment.Web.Domain;

/// <summary>
/// A validated row waiting for commit. The bulk path fills this table without the change tracker; commit merges
/// it into IndicatorValues in one statement set, and deletes it in the same transaction. The table has no key or
/// index: it is only ever written in bulk and read whole, one import at a time.
/// </summary>
public class StagedValue
{
    public int ImportId { get; init; }

    /// <summary>Where the row is in the file, for messages; not stored.</summary>
    public long LineNumber { get; init; }

    /// <summary>A catalogue indicator, or minus the index of a series that commit adds to the catalogue.</summary>
    public int IndicatorId { get; init; }
    public required string AreaCode { get; init; }
    public DateOnly PeriodStart { get; init; }
    public DateOnly PeriodEnd { get; init; }
    public required string PeriodLabel { get; init; }
    public Sex Sex { get; init; }
    public required string AgeBand { get; init; }
    public double? Value { get; init; }
    public double? Count { get; init; }
    public double? Denominator { get; init; }
    public double? Lower95 { get; init; }
    public double? Upper95 { get; init; }
    public double? Lower998 { get; init; }
    public double? Upper998 { get; init; }
    public string? Note { get; init; }
}
