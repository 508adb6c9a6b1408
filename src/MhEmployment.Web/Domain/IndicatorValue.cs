namespace MhEmployment.Web.Domain;

/// <summary>
/// One observation of an indicator for an area, period, sex and age band. Those six make its key: there is no
/// surrogate id, so the values table keeps a single key index that imports merge on and readers filter by.
/// </summary>
public class IndicatorValue
{
    public int IndicatorId { get; init; }
    public required string AreaCode { get; init; }

    public DateOnly PeriodStart { get; init; }
    public DateOnly PeriodEnd { get; init; }

    /// <summary>The period as the source wrote it, e.g. "2019/20" or "Jul 2016-Jun 2017".</summary>
    public required string PeriodLabel { get; init; }
    public Sex Sex { get; init; }
    public required string AgeBand { get; init; }

    /// <summary>Null when suppressed or missing; <see cref="Note"/> then says why.</summary>
    public double? Value { get; set; }
    public double? Count { get; set; }
    public double? Denominator { get; set; }
    public double? Lower95 { get; set; }
    public double? Upper95 { get; set; }
    public double? Lower998 { get; set; }
    public double? Upper998 { get; set; }
    public string? Note { get; set; }

    public int ImportId { get; init; }

    public Indicator? Indicator { get; init; }
    public Area? Area { get; init; }
    public Import? Import { get; init; }
}
