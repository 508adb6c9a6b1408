using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Statistics;

namespace MhEmployment.UnitTests.Statistics;

public sealed class WilsonTests
{
    // PHEindicatormethods, vignette "Introduction to PHEindicatormethods" (ukhsa-collaboration/PHEindicatormethods,
    // vignettes/Introduction to PHEindicatormethods.html): phe_proportion(df, obs, pop) and
    // phe_proportion(df, obs, pop, confidence = 99.8), as printed (R, 7 significant digits).
    [Theory]
    [InlineData(24, 162, "0.10162049", "0.2109760", "0.08166047", "0.2538084")]
    [InlineData(6, 120, "0.02311436", "0.1048029", "0.01533517", "0.1510069")]
    [InlineData(68, 173, "0.32336123", "0.4674118", "0.28680466", "0.5105106")]
    [InlineData(95, 146, "0.57038874", "0.7232550", "0.52294492", "0.7599232")]
    [InlineData(46, 143, "0.25064630", "0.4020403", "0.21543623", "0.4502461")]
    [InlineData(56, 132, "0.34324611", "0.5095234", "0.30088158", "0.5578251")]
    [InlineData(76, 183, "0.34636288", "0.4877211", "0.30968023", "0.5293222")]
    [InlineData(18, 149, "0.07779726", "0.1828745", "0.06046514", "0.2268239")]
    public void Proportion_MatchesPheIndicatorMethodsVignette(
        double obs, double pop, string l95, string u95, string l998, string u998)
    {
        var interval = ConfidenceIntervals.Wilson(obs, pop, 1)!;

        interval.Lower95.ShouldRoundTo(l95);
        interval.Upper95.ShouldRoundTo(u95);
        interval.Lower998.ShouldRoundTo(l998);
        interval.Upper998.ShouldRoundTo(u998);
    }

    // Same vignette, phe_proportion(df, obs, pop, multiplier = 100): percentages.
    [Theory]
    [InlineData(24, 162, "10.162049", "21.09760")]
    [InlineData(6, 120, "2.311436", "10.48029")]
    [InlineData(95, 146, "57.038874", "72.32550")]
    [InlineData(18, 149, "7.779726", "18.28745")]
    public void Percentage_MatchesPheIndicatorMethodsVignette(double obs, double pop, string l95, string u95)
    {
        var interval = ConfidenceIntervals.Wilson(obs, pop, 100)!;

        interval.Lower95.ShouldRoundTo(l95);
        interval.Upper95.ShouldRoundTo(u95);
    }

    // DHSC's Python port of PHEindicatormethods (DataS-DHSC/PHStatsMethods), tests/test_confidence_intervals.py and
    // archive/tests_old.py (z = qnorm(0.975) / qnorm(0.999), as ours).
    [Theory]
    [InlineData(20, 360, 1, "Lower95", 0.036248204600072345)]
    [InlineData(30, 400, 1, "Upper95", 0.10504770626130437)]
    [InlineData(550, 2400, 1, "Lower998", 0.20375892211705743)]
    [InlineData(76, 238, 1, "Upper998", 0.418131030603369)]
    [InlineData(100, 10000, 100, "Lower95", 0.8229336148148417)]
    [InlineData(100, 10000, 100, "Upper95", 1.2146982255114647)]
    public void Proportion_MatchesPhStatsMethods(double obs, double n, double multiplier, string limit, double expected) =>
        Limits.Named(ConfidenceIntervals.Wilson(obs, n, multiplier)!, limit).ShouldBeRelativelyClose(expected, 1e-13);

    [Fact]
    public void NoneObserved_LowerIsZeroAndUpperIsPositive()
    {
        var interval = ConfidenceIntervals.Wilson(0, 50, 100)!;

        interval.Lower95.Should().Be(0);
        interval.Lower998.Should().Be(0);
        // z²/(n + z²) × 100: the Wilson upper limit at O = 0.
        var z2 = IntervalOptions.Default.Z95 * IntervalOptions.Default.Z95;
        interval.Upper95.ShouldBeRelativelyClose(100 * z2 / (50 + z2), 1e-12);
        interval.Upper998.Should().BeGreaterThan(interval.Upper95);
    }

    [Fact]
    public void AllObserved_UpperIsTheMultiplierAndLowerBelowIt()
    {
        var interval = ConfidenceIntervals.Wilson(50, 50, 100)!;

        interval.Upper95.Should().Be(100);
        interval.Upper998.Should().Be(100);
        var z2 = IntervalOptions.Default.Z95 * IntervalOptions.Default.Z95;
        interval.Lower95.ShouldBeRelativelyClose(100 * 50 / (50 + z2), 1e-12);
        interval.Lower998.Should().BeLessThan(interval.Lower95);
    }

    [Fact]
    public void NonIntegerCounts_AreAccepted() =>
        ConfidenceIntervals.Wilson(4018.333333, 5029.333333, 100).Should().NotBeNull();

    [Theory]
    [InlineData(5.0, 0.0)]      // n = 0
    [InlineData(5.0, null)]     // missing denominator
    [InlineData(null, 100.0)]   // missing count
    [InlineData(-1.0, 100.0)]   // negative count
    [InlineData(101.0, 100.0)]  // O > n
    [InlineData(5.0, -10.0)]
    [InlineData(double.NaN, 100.0)]
    [InlineData(5.0, double.PositiveInfinity)]
    public void UnusableInputs_GiveNull(double? count, double? denominator) =>
        ConfidenceIntervals.Wilson(count, denominator, 100).Should().BeNull();

    [Fact]
    public void ForMethod_ChoosesWilsonOrByarsOrNothing()
    {
        ConfidenceIntervals.For(IntervalMethod.Wilson, 24, 162, 1).Should().Be(ConfidenceIntervals.Wilson(24, 162, 1));
        ConfidenceIntervals.For(IntervalMethod.Byars, 24, 162, 1000)
            .Should().Be(ConfidenceIntervals.CrudeRate(24, 162, 1000));
        ConfidenceIntervals.For(IntervalMethod.None, 24, 162, 1).Should().BeNull();
        ConfidenceIntervals.For(IntervalMethod.Dobson, 24, 162, 1).Should().BeNull();
    }
}
