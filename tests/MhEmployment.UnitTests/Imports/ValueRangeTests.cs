using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Imports;

namespace MhEmployment.UnitTests.Imports;

public class ValueRangeTests
{
    private static Indicator Indicator(IndicatorValueType type, IndicatorUnit unit, int multiplier) => new()
    {
        Key = "x", Name = "x", Definition = "d", Source = "s", Age = "18+", ValueType = type, Unit = unit, Multiplier = multiplier,
    };

    [Theory]
    [InlineData(0, true)]
    [InlineData(67.3, true)]
    [InlineData(100, true)]
    [InlineData(100.01, false)]
    [InlineData(250, false)]
    [InlineData(-50, false)]
    public void AProportionWithMultiplier100_IsAPercentage_From0To100(double value, bool possible) =>
        ValueRange.For(Indicator(IndicatorValueType.Proportion, IndicatorUnit.Percent, 100)).Contains(value).Should().Be(possible);

    [Fact]
    public void AProportionWithMultiplier1_LiesBetween0And1()
    {
        var range = ValueRange.For(Indicator(IndicatorValueType.Proportion, IndicatorUnit.Percent, 1));

        range.Contains(0.67).Should().BeTrue();
        range.Contains(67).Should().BeFalse();
        range.Describes.Should().Contain("0 to 1").And.Contain("multiplier 1");
    }

    [Theory]
    [InlineData(IndicatorValueType.Count, IndicatorUnit.Count, 1)]
    [InlineData(IndicatorValueType.CrudeRate, IndicatorUnit.RatePer1000, 1000)]
    [InlineData(IndicatorValueType.DirectlyStandardisedRate, IndicatorUnit.RatePer100000, 100_000)]
    public void CountsAndRates_AreNeverNegative_ButMayExceedTheirMultiplier(IndicatorValueType type, IndicatorUnit unit, int multiplier)
    {
        var range = ValueRange.For(Indicator(type, unit, multiplier));

        range.Contains(-0.1).Should().BeFalse();
        range.Contains(0).Should().BeTrue();
        range.Contains(multiplier * 3.0).Should().BeTrue("a rate of events can exceed the population it is per");
        range.Contains(2e12).Should().BeFalse("no figure comes near a million million");
    }

    [Fact]
    public void ADifferenceInPercentagePoints_MayBeNegative_WithinPlusOrMinus100()
    {
        var range = ValueRange.For(Indicator(IndicatorValueType.Difference, IndicatorUnit.PercentagePoints, 1));

        range.Contains(-12.5).Should().BeTrue();
        range.Contains(-100.5).Should().BeFalse();
        range.Contains(100.5).Should().BeFalse();
    }

    [Fact]
    public void AnyOtherDifference_HasOnlyTheMagnitudeLimit()
    {
        var range = ValueRange.For(Indicator(IndicatorValueType.Difference, IndicatorUnit.Count, 1));

        range.Contains(-5000).Should().BeTrue();
        range.Contains(-2e12).Should().BeFalse();
    }
}
