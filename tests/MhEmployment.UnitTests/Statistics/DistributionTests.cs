using MhEmployment.Web.Features.Statistics;

namespace MhEmployment.UnitTests.Statistics;

// Reference values computed with mpmath at 40 significant digits (bisection on the regularized gamma / erfinv),
// so they test our double-precision code to its accuracy target of 1e-10 relative.
public sealed class DistributionTests
{
    [Theory]
    [InlineData(0.975, 1.9599639845400542)]
    [InlineData(0.999, 3.0902323061678135)]
    [InlineData(0.001, -3.0902323061678135)]
    [InlineData(0.8, 0.84162123357291421)]
    [InlineData(1e-10, -6.3613409024040562)]
    public void NormalQuantile_IsAccurateTo1e12(double p, double expected) =>
        NormalDistribution.Quantile(p).ShouldBeRelativelyClose(expected, 1e-12);

    [Fact]
    public void NormalQuantile_RoundsToTheZValuesOfMethodsMd()
    {
        Math.Round(IntervalOptions.Default.Z95, 6).Should().Be(1.959964);
        Math.Round(IntervalOptions.Default.Z998, 6).Should().Be(3.090232);
        IntervalOptions.Default.Z95.Should().Be(NormalDistribution.Quantile(0.975));
        NormalDistribution.Quantile(0.5).Should().Be(0);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.1)]
    [InlineData(double.NaN)]
    public void NormalQuantile_OutsideZeroToOne_IsNaN(double p) => NormalDistribution.Quantile(p).Should().Be(double.NaN);

    [Fact]
    public void NormalCdf_InvertsTheQuantile()
    {
        foreach (var p in new[] { 1e-8, 0.001, 0.025, 0.3, 0.5, 0.9, 0.999 })
        {
            NormalDistribution.Cdf(NormalDistribution.Quantile(p)).ShouldBeRelativelyClose(p, 1e-12);
        }
    }

    [Theory]
    [InlineData(0.5, 0.1, 0.34527915398142298, 0.65472084601857702)]
    [InlineData(3, 2, 0.32332358381693654, 0.67667641618306346)]
    [InlineData(10.5, 20, 0.99256322270219529, 0.0074367772978047064)]
    [InlineData(100, 90, 0.15822098918643017, 0.84177901081356983)]
    [InlineData(2, 0.001, 4.996667916333403e-7, 0.99999950033320837)]
    public void IncompleteGamma_MatchesReference(double a, double x, double p, double q)
    {
        GammaFunctions.LowerRegularized(a, x).ShouldBeRelativelyClose(p, 1e-12);
        GammaFunctions.UpperRegularized(a, x).ShouldBeRelativelyClose(q, 1e-12);
    }

    [Theory]
    [InlineData(0.025, 2, 0.050635615968579754)]
    [InlineData(0.975, 2, 7.3777589082278708)]
    [InlineData(0.001, 2, 0.002001000667167067)]
    [InlineData(0.999, 2, 13.815510557964272)]
    [InlineData(0.025, 12, 4.4037885069817017)]
    [InlineData(0.975, 14, 26.118948045037368)]
    [InlineData(0.001, 18, 4.9048488087275499)]
    [InlineData(0.999, 20, 45.314746618125859)]
    [InlineData(0.5, 1, 0.45493642311957275)]
    [InlineData(0.025, 200, 162.72798250184628)]
    [InlineData(0.975, 202, 243.25358758485277)]
    [InlineData(1e-06, 0.5, 1.3499395786223458e-24)]
    [InlineData(0.999, 2000, 2201.1561965866292)]
    [InlineData(0.025, 8.5, 2.4365467318565555)]
    [InlineData(0.3, 3.3, 1.6502744413217815)]
    public void ChiSquaredQuantile_IsAccurateTo1e10(double p, double df, double expected) =>
        ChiSquaredDistribution.Quantile(p, df).ShouldBeRelativelyClose(expected, 1e-10);

    [Fact]
    public void ChiSquaredQuantile_OneDegreeAt998_IsTheTrendThreshold() =>
        Math.Round(ChiSquaredDistribution.Quantile(0.998, 1), 4).Should().Be(RecentTrend.Threshold);

    [Fact]
    public void ChiSquaredCdf_InvertsTheQuantile()
    {
        foreach (var (p, df) in new[] { (0.001, 2.0), (0.025, 7.0), (0.5, 30.0), (0.975, 3.0), (0.999, 500.0) })
        {
            ChiSquaredDistribution.Cdf(ChiSquaredDistribution.Quantile(p, df), df).ShouldBeRelativelyClose(p, 1e-12);
        }
    }

    [Fact]
    public void ChiSquaredQuantile_BadInputs_AreNaNOrTheEnds()
    {
        ChiSquaredDistribution.Quantile(0, 4).Should().Be(0);
        ChiSquaredDistribution.Quantile(1, 4).Should().Be(double.PositiveInfinity);
        ChiSquaredDistribution.Quantile(0.5, 0).Should().Be(double.NaN);
        ChiSquaredDistribution.Quantile(-1, 4).Should().Be(double.NaN);
    }
}
