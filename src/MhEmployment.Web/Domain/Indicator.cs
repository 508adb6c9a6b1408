namespace MhEmployment.Web.Domain;

public enum IndicatorTheme { Prevalence, Benefits, Employment, Services }

public enum IndicatorUnit { Percent, RatePer1000, RatePer100000, Count, PercentagePoints, Days }

/// <summary>What a value is. Other covers figures that are none of the rest: a mean, a median or percentile (such as a waiting time), a score.</summary>
public enum IndicatorValueType { Proportion, CrudeRate, Count, DirectlyStandardisedRate, Difference, Other }

public enum Polarity { HighIsGood, LowIsGood, NoJudgement }

public enum Sex { Persons, Male, Female }

public enum PeriodType { CalendarYear, FinancialYear, Quarter, Month, RollingYear }

/// <summary>
/// How limits are computed where a file gives none. Byars switches to exact Poisson below 10 (methods.md);
/// ExactPoisson uses exact limits for every count, as Fingertips did for some series (e.g. indicator 93356).
/// </summary>
public enum IntervalMethod { Wilson, Byars, ExactPoisson, Dobson, None }

public enum ComparisonMethod { ConfidenceIntervals, Quintiles, None }

/// <summary>Where "refresh from source" fetches an indicator's values: nowhere (files are uploaded), the Fingertips API or the NOMIS API.</summary>
public enum IndicatorSourceKind { None, Fingertips, Nomis }

/// <summary>A measure of need in the catalogue, with what is needed to compute and compare it.</summary>
public class Indicator
{
    public int Id { get; init; }

    /// <summary>Stable, URL-safe key (kebab-case) that survives renames.</summary>
    public required string Key { get; init; }
    public required string Name { get; set; }
    public required string Definition { get; set; }
    public IndicatorTheme Theme { get; set; }
    public IndicatorUnit Unit { get; set; }
    public IndicatorValueType ValueType { get; set; }

    /// <summary>100 for a percentage, 1,000 or 100,000 for a rate, 1 otherwise.</summary>
    public int Multiplier { get; set; }
    public Polarity Polarity { get; set; }
    public required string Source { get; set; }
    public required string Age { get; set; }
    public Sex Sex { get; set; }
    public PeriodType PeriodType { get; set; }
    public IntervalMethod IntervalMethod { get; set; }
    public ComparisonMethod ComparisonMethod { get; set; }
    public int? FingertipsId { get; set; }
    public string? NomisDataset { get; set; }

    /// <summary>Which source a refresh fetches from: Fingertips by <see cref="FingertipsId"/>, or NOMIS by <see cref="NomisDataset"/> and <see cref="NomisQuery"/>.</summary>
    public IndicatorSourceKind RefreshSource { get; set; }

    /// <summary>The Fingertips area type ids to fetch, separated by commas (e.g. "502,501": counties and unitary authorities, districts and unitary authorities).</summary>
    public string? FingertipsAreaTypes { get; set; }

    /// <summary>
    /// The NOMIS API query for the dataset, as URL parameters without paging (e.g. "geography=TYPE154&amp;date=latest&amp;measures=20100"),
    /// with the condition code for "mental and behavioural disorders" where the dataset has one.
    /// </summary>
    public string? NomisQuery { get; set; }

    /// <summary>Added from a file's own description (Fingertips, MHSDS); an analyst should complete its metadata.</summary>
    public bool NeedsReview { get; set; }

    /// <summary>The import that added this indicator, so that undoing it removes the indicator too.</summary>
    public int? CreatedByImportId { get; set; }
}
