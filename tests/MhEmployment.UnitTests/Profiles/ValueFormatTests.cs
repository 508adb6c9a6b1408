using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Profiles;

namespace MhEmployment.UnitTests.Profiles;

public sealed class ValueFormatTests
{
    [Theory]
    [InlineData(IndicatorUnit.Percent, 12.345, "12.3%")]
    [InlineData(IndicatorUnit.RatePer1000, 42.08, "42.1 per 1,000")]
    [InlineData(IndicatorUnit.RatePer100000, 1234.5, "1,234.5 per 100,000")]
    [InlineData(IndicatorUnit.PercentagePoints, -3.44, "-3.4 pp")]
    [InlineData(IndicatorUnit.Days, 61, "61.0 days")]
    [InlineData(IndicatorUnit.Count, 8420, "8,420")]
    public void WithUnit_GivesEveryRateAndPercentageItsUnit(IndicatorUnit unit, double value, string expected) =>
        ValueFormat.WithUnit(value, unit).Should().Be(expected);

    [Theory]
    [InlineData(null)]
    [InlineData(double.NaN)]
    public void WithUnit_OfNoValue_IsADash_WithoutAUnit(double? value) =>
        ValueFormat.WithUnit(value, IndicatorUnit.RatePer1000).Should().Be("–");

    [Theory]
    [InlineData(IndicatorUnit.Percent, "Value (%)")]
    [InlineData(IndicatorUnit.RatePer100000, "Value (per 100,000)")]
    [InlineData(IndicatorUnit.PercentagePoints, "Value (percentage points (pp))")]
    [InlineData(IndicatorUnit.Days, "Value (days)")]
    [InlineData(IndicatorUnit.Count, "Value (count)")]
    public void Heading_NamesTheColumnsUnitOnce(IndicatorUnit unit, string expected) =>
        ValueFormat.Heading("Value", unit).Should().Be(expected);

    [Theory]
    [InlineData("Suicide rate", IndicatorUnit.RatePer100000, "Suicide rate (per 100,000)")]
    [InlineData("Suicide crude rate 10-34 years: per 100,000 (5 year average)", IndicatorUnit.RatePer100000,
        "Suicide crude rate 10-34 years: per 100,000 (5 year average)")]
    [InlineData("Employment rate", IndicatorUnit.Percent, "Employment rate (%)")]
    [InlineData("Percentage of adults in contact", IndicatorUnit.Percent, "Percentage of adults in contact")]
    [InlineData("Employment gap in percentage points", IndicatorUnit.PercentagePoints, "Employment gap in percentage points")]
    [InlineData("Claimants", IndicatorUnit.Count, "Claimants")]
    public void NameWithUnit_AddsTheUnitToATitle_UnlessTheNameSaysIt(string name, IndicatorUnit unit, string expected) =>
        ValueFormat.NameWithUnit(name, unit).Should().Be(expected);

    [Fact]
    public void ChartsPrintAsManyDecimalsAsTheTables()
    {
        ValueFormat.Decimals(IndicatorUnit.Count).Should().Be(0);
        ValueFormat.Decimals(IndicatorUnit.RatePer1000).Should().Be(1);
        ValueFormat.AxisTitle(IndicatorUnit.Percent).Should().Be("Percentage (%)");
        ValueFormat.AxisTitle(IndicatorUnit.PercentagePoints).Should().Be("Percentage points (pp)");
        ValueFormat.UnitSentence(IndicatorUnit.RatePer100000).Should().Be("Values are rates per 100,000.");
    }
}
