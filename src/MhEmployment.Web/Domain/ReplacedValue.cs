namespace MhEmployment.Web.Domain;

/// <summary>A value as it was before an import replaced it, so that undo restores exactly what was there.</summary>
public class ReplacedValue
{
    public long Id { get; init; }
    public int ReplacedByImportId { get; init; }
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
    public int ImportId { get; init; }
}
