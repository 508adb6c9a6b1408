using MhEmployment.Web.Domain;

namespace MhEmployment.Web.Features.Indicators;

/// <summary>How indicator metadata reads to a person.</summary>
public static class IndicatorText
{
    public static string Theme(IndicatorTheme theme) => theme switch
    {
        IndicatorTheme.Prevalence => "Prevalence of mental ill-health",
        IndicatorTheme.Benefits => "Benefits and worklessness",
        IndicatorTheme.Employment => "Employment",
        IndicatorTheme.Services => "Services and experience",
        _ => theme.ToString(),
    };

    /// <summary>A theme as links name it (<c>?theme=employment</c>, <c>#theme-employment</c>): its name in lower case.</summary>
    public static string ThemeSlug(IndicatorTheme theme) => theme.ToString().ToLowerInvariant();

    /// <summary>The theme a slug names, in any case and with spaces around it; null when it names none.</summary>
    public static IndicatorTheme? ThemeFromSlug(string? slug)
    {
        var text = slug?.Trim();
        foreach (var theme in Enum.GetValues<IndicatorTheme>())
        {
            if (string.Equals(ThemeSlug(theme), text, StringComparison.OrdinalIgnoreCase))
            {
                return theme;
            }
        }
        return null;
    }

    public static string Unit(IndicatorUnit unit) => unit switch
    {
        IndicatorUnit.Percent => "%",
        IndicatorUnit.RatePer1000 => "Rate per 1,000",
        IndicatorUnit.RatePer100000 => "Rate per 100,000",
        IndicatorUnit.Count => "Count",
        IndicatorUnit.PercentagePoints => "Percentage points",
        IndicatorUnit.Days => "Days",
        _ => unit.ToString(),
    };

    public static string ValueType(IndicatorValueType type) => type switch
    {
        IndicatorValueType.Proportion => "Proportion",
        IndicatorValueType.CrudeRate => "Crude rate",
        IndicatorValueType.Count => "Count",
        IndicatorValueType.DirectlyStandardisedRate => "Directly standardised rate",
        IndicatorValueType.Difference => "Difference between two rates",
        IndicatorValueType.Other => "Other figure (a mean, median, percentile or score)",
        _ => type.ToString(),
    };

    public static string Polarity(Polarity polarity) => polarity switch
    {
        Domain.Polarity.HighIsGood => "Higher is better",
        Domain.Polarity.LowIsGood => "Lower is better",
        Domain.Polarity.NoJudgement => "No judgement (higher or lower)",
        _ => polarity.ToString(),
    };

    public static string PeriodType(PeriodType period) => period switch
    {
        Domain.PeriodType.CalendarYear => "Calendar years",
        Domain.PeriodType.FinancialYear => "Financial years (April to March)",
        Domain.PeriodType.Quarter => "Quarters",
        Domain.PeriodType.Month => "Months",
        Domain.PeriodType.RollingYear => "Rolling 12-month periods",
        _ => period.ToString(),
    };

    public static string IntervalMethod(IntervalMethod method) => method switch
    {
        Domain.IntervalMethod.Wilson => "Wilson score (proportions)",
        Domain.IntervalMethod.Byars => "Byars, exact Poisson below 10 (counts and rates)",
        Domain.IntervalMethod.ExactPoisson => "Exact Poisson for every count (counts and rates)",
        Domain.IntervalMethod.Dobson => "Dobson (directly standardised rates)",
        Domain.IntervalMethod.None => "None computed; limits are kept where the source supplies them",
        _ => method.ToString(),
    };

    public static string ComparisonMethod(ComparisonMethod method) => method switch
    {
        Domain.ComparisonMethod.ConfidenceIntervals => "Confidence intervals overlapping the benchmark (95% and 99.8%)",
        Domain.ComparisonMethod.Quintiles => "Quintiles across areas",
        Domain.ComparisonMethod.None => "Not compared",
        _ => method.ToString(),
    };
}
