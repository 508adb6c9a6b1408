using MhEmployment.Web.Features.Charts;

namespace MhEmployment.UnitTests.Charts;

public sealed class NiceScaleTests
{
    [Theory]
    [InlineData(0, 42.1, 0, 50, 10)]
    [InlineData(0, 7, 0, 8, 2)]
    [InlineData(0, 100, 0, 100, 20)]
    [InlineData(0, 0.37, 0, 0.4, 0.1)]
    [InlineData(0, 1234, 0, 1500, 500)]
    [InlineData(-12, 30, -20, 30, 10)]
    [InlineData(0, 0, 0, 1, 0.2)]      // nothing to show still gives an axis
    [InlineData(0, 40, 0, 40, 10)]     // an exact multiple is not widened by a step
    public void Create_ChoosesAStepOf1_2Or5TimesAPowerOfTen(double min, double max, double niceMin, double niceMax, double step)
    {
        var scale = NiceScale.Create(min, max);

        scale.Min.Should().Be(niceMin);
        scale.Max.Should().Be(niceMax);
        scale.Step.Should().Be(step);
    }

    [Fact]
    public void Ticks_AreExactDecimals_WithoutFloatingPointNoise()
    {
        NiceScale.Create(0, 0.7).Ticks.Should().Equal(0, 0.2, 0.4, 0.6, 0.8);
        NiceScale.Create(0, 0.3).Ticks.Should().Equal(0, 0.1, 0.2, 0.3);
    }

    [Theory]
    [InlineData(0, 42.1, 0)]
    [InlineData(0, 0.7, 1)]
    [InlineData(0, 0.21, 2)]
    public void Decimals_AreWhatTheStepNeeds(double min, double max, int decimals) =>
        NiceScale.Create(min, max).Decimals.Should().Be(decimals);

    [Fact]
    public void Fraction_IsTheLinearPositionAlongTheAxis()
    {
        var scale = NiceScale.Create(-12, 30);

        scale.Fraction(-20).Should().Be(0);
        scale.Fraction(0).Should().BeApproximately(0.4, 1e-12);
        scale.Fraction(30).Should().Be(1);
    }
}
