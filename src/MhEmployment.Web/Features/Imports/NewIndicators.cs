using MhEmployment.Web.Domain;

namespace MhEmployment.Web.Features.Imports;

/// <summary>Describes an indicator added to the catalogue from a file, as far as the file tells; an analyst completes it.</summary>
public static class NewIndicators
{
    public static Indicator From(SeriesSummary series, Import import)
    {
        var mhsds = series.Key.StartsWith(SeriesKeys.Mhsds, StringComparison.Ordinal);
        var (valueType, unit, multiplier, interval) = series.InferredMultiplier switch
        {
            100 => (IndicatorValueType.Proportion, IndicatorUnit.Percent, 100, IntervalMethod.Wilson),
            1000 => (IndicatorValueType.CrudeRate, IndicatorUnit.RatePer1000, 1000, IntervalMethod.Byars),
            100_000 => (IndicatorValueType.CrudeRate, IndicatorUnit.RatePer100000, 100_000, IntervalMethod.Byars),
            // MHSDS names its percentages ("Proportion of …") but gives no count or denominator to compute limits from.
            _ when mhsds && series.Name.StartsWith("Proportion", StringComparison.OrdinalIgnoreCase)
                => (IndicatorValueType.Proportion, IndicatorUnit.Percent, 100, IntervalMethod.None),
            // Its waiting times ("Median time (days) …", "90th percentile time (days) …") are not counts: areas can be compared.
            _ when mhsds && (series.Name.StartsWith("Median", StringComparison.OrdinalIgnoreCase) || series.Name.Contains("percentile", StringComparison.OrdinalIgnoreCase))
                => (IndicatorValueType.Other, series.Name.Contains("(days)", StringComparison.OrdinalIgnoreCase) ? IndicatorUnit.Days : IndicatorUnit.Count, 1, IntervalMethod.None),
            _ => (IndicatorValueType.Count, IndicatorUnit.Count, 1, IntervalMethod.None),
        };
        var source = series.Key.Split(':')[0] switch
        {
            "fingertips" => "OHID Fingertips",
            "mhsds" => "NHS England, Mental Health Services Data Set",
            "nomis" or "nomisweb" => "ONS NOMIS",
            _ => "Local data",
        };
        return new Indicator
        {
            Key = series.IndicatorKey!,
            Name = Truncate(string.IsNullOrWhiteSpace(series.Name) ? series.Key : series.Name.Trim(), 300),
            Definition = $"Added from '{import.FileName}' (import #{import.Id}, {import.Format}). The file gives no definition: an analyst should write one and check the unit and polarity.",
            Theme = mhsds ? IndicatorTheme.Services : ThemeOf(series.Name),
            Unit = unit,
            ValueType = valueType,
            Multiplier = multiplier,
            Polarity = Polarity.NoJudgement,
            Source = source,
            Age = Truncate(series.AgeBand ?? "Not stated", 50),
            Sex = Enum.TryParse<Sex>(series.Sex, ignoreCase: true, out var sex) ? sex : Sex.Persons,
            PeriodType = PeriodTypeOf(series.FirstPeriodStart, series.FirstPeriodEnd),
            IntervalMethod = interval,
            // Counts are never compared (areas differ in size); values without limits are banded in quintiles.
            ComparisonMethod = valueType == IndicatorValueType.Count ? ComparisonMethod.None
                : interval == IntervalMethod.None ? ComparisonMethod.Quintiles : ComparisonMethod.ConfidenceIntervals,
            FingertipsId = SeriesKeys.FingertipsId(series.Key),
            NeedsReview = true,
            CreatedByImportId = import.Id,
        };
    }

    /// <summary>A first guess from the name, for the analyst to confirm: claimants and benefits, employment, else prevalence.</summary>
    private static IndicatorTheme ThemeOf(string name)
    {
        bool Mentions(string word) => name.Contains(word, StringComparison.OrdinalIgnoreCase);
        if (Mentions("claimant") || Mentions("benefit") || Mentions("allowance"))
        {
            return IndicatorTheme.Benefits;
        }
        return Mentions("employ") ? IndicatorTheme.Employment : IndicatorTheme.Prevalence;
    }

    private static PeriodType PeriodTypeOf(DateOnly? start, DateOnly? end)
    {
        if (start is not { } s || end is not { } e)
        {
            return PeriodType.CalendarYear;
        }
        var days = e.DayNumber - s.DayNumber + 1;
        return days switch
        {
            <= 31 => PeriodType.Month,
            <= 92 => PeriodType.Quarter,
            _ when s.Month == 4 && s.Day == 1 => PeriodType.FinancialYear,
            _ when s.Month == 1 && s.Day == 1 => PeriodType.CalendarYear,
            _ => PeriodType.RollingYear,
        };
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}
