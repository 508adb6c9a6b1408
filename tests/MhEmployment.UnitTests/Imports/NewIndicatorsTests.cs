using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Imports;
using MhEmployment.Web.Features.Indicators;

namespace MhEmployment.UnitTests.Imports;

/// <summary>Indicators added from a file start with defaults the dashboards can use, and the catalogue's rules accept.</summary>
public sealed class NewIndicatorsTests
{
    private static readonly Import Mhsds = new() { Id = 3, FileName = "mhsds.csv", Sha256 = "x", Format = "Mhsds" };

    private static Indicator From(string key, string name, double? multiplier = null) =>
        NewIndicators.From(new SeriesSummary { Key = key, Name = name, IndicatorKey = SeriesKeys.NewIndicatorKey(key), InferredMultiplier = multiplier }, Mhsds);

    [Fact]
    public void AnMhsdsCount_IsAServicesCount_ThatIsNotCompared()
    {
        var count = From("mhsds:MRS01", "Number of CMH referral-spells receiving a full clock stop in the RP");

        count.Should().BeEquivalentTo(new
        {
            ValueType = IndicatorValueType.Count, Unit = IndicatorUnit.Count, Multiplier = 1, Theme = IndicatorTheme.Services,
            IntervalMethod = IntervalMethod.None, ComparisonMethod = ComparisonMethod.None, NeedsReview = true,
        });
    }

    [Fact]
    public void AnMhsdsProportion_IsAPercentage_BandedInQuintiles_ForItHasNoCountsToComputeLimitsFrom()
    {
        var proportion = From("mhsds:MRS01b", "Proportion of CMH referral-spells receiving a full clock stop in less than 4 weeks in the RP");

        proportion.Should().BeEquivalentTo(new
        {
            ValueType = IndicatorValueType.Proportion, Unit = IndicatorUnit.Percent, Multiplier = 100,
            IntervalMethod = IntervalMethod.None, ComparisonMethod = ComparisonMethod.Quintiles,
        });
    }

    [Fact]
    public void AnMhsdsWaitingTime_IsAnOtherFigureInDays_BandedInQuintiles_NotACount()
    {
        var median = From("mhsds:MRS03a", "Median time (days) for open CMH referral-spells waiting for a 2nd contact at the end of the RP");
        var percentile = From("mhsds:MRS10b", "90th percentile time (days) for open CYP referral-spells waiting for a 1st contact at the end of the RP");

        foreach (var time in new[] { median, percentile })
        {
            time.Should().BeEquivalentTo(new
            {
                ValueType = IndicatorValueType.Other, Unit = IndicatorUnit.Days, Multiplier = 1,
                IntervalMethod = IntervalMethod.None, ComparisonMethod = ComparisonMethod.Quintiles,
            });
        }
    }

    [Theory]
    [InlineData("fingertips:90275", "Claimants of benefits for mental ill-health", 1000.0, IndicatorTheme.Benefits, ComparisonMethod.ConfidenceIntervals)]
    [InlineData("fingertips:90282", "Gap in the employment rate for people with a mental illness", 100.0, IndicatorTheme.Employment, ComparisonMethod.ConfidenceIntervals)]
    [InlineData("fingertips:848", "Depression: recorded prevalence", 100.0, IndicatorTheme.Prevalence, ComparisonMethod.ConfidenceIntervals)]
    [InlineData("fingertips:41001", "Suicides (number)", null, IndicatorTheme.Prevalence, ComparisonMethod.None)]
    public void TheThemeIsGuessedFromTheName_AndOnlyRatesAndProportionsAreCompared(
        string key, string name, double? multiplier, IndicatorTheme theme, ComparisonMethod comparison)
    {
        var indicator = From(key, name, multiplier);

        indicator.Theme.Should().Be(theme);
        indicator.ComparisonMethod.Should().Be(comparison);
    }

    [Theory]
    [InlineData("mhsds:MRS01", "Number of referrals", null)]
    [InlineData("mhsds:MRS01b", "Proportion of referrals", null)]
    [InlineData("mhsds:MRS03a", "Median time (days) for referrals", null)]
    [InlineData("fingertips:93532", "Unmet need", 100.0)]
    [InlineData("fingertips:93356", "Campylobacter", 100_000.0)]
    [InlineData("fingertips:1", "Per thousand", 1000.0)]
    public void EveryNewIndicator_FollowsTheCataloguesRules(string key, string name, double? multiplier) =>
        IndicatorRules.Check(IndicatorInput.From(IndicatorEdit.From(From(key, name, multiplier)))).Problems.Should().BeEmpty();
}
