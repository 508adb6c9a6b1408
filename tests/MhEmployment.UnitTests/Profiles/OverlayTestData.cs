using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Profiles;

namespace MhEmployment.UnitTests.Profiles;

/// <summary>The indicator, slices and periods the overlay's tests (<see cref="ImportOverlayTests"/>, <see cref="ImportRowsTests"/>) and <see cref="NewestValuesTests"/> share.</summary>
internal static class OverlayTestData
{
    public static readonly Slice Persons = new(Sex.Persons, "16-64 yrs");
    public static readonly Slice Female = new(Sex.Female, "16-64 yrs");

    public static readonly Indicator Claimants = new()
    {
        Id = 7, Key = "claimants", Name = "Claimants", Definition = "", Source = "", Age = "16-64 yrs", Sex = Sex.Persons,
        Theme = IndicatorTheme.Benefits, Unit = IndicatorUnit.Percent, ValueType = IndicatorValueType.Proportion, Multiplier = 100,
        Polarity = Polarity.LowIsGood, PeriodType = PeriodType.FinancialYear, IntervalMethod = IntervalMethod.Wilson,
        ComparisonMethod = ComparisonMethod.ConfidenceIntervals,
    };

    public static PeriodKey Year(int year) => new(new DateOnly(year, 4, 1), new DateOnly(year + 1, 3, 31));
}
