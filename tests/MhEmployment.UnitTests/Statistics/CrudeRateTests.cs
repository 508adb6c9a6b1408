using MhEmployment.Web.Features.Statistics;

namespace MhEmployment.UnitTests.Statistics;

public sealed class CrudeRateTests
{
    // PHEindicatormethods vignette "Introduction to PHEindicatormethods" (ukhsa-collaboration/PHEindicatormethods):
    // phe_rate(df, obs, pop), rate per 100,000 at 95%; 6/120 is the package's "Exact" row (O < 10), the rest Byars.
    [Theory]
    [InlineData(24, 162, "9489.334", "22044.21")]
    [InlineData(6, 120, "1834.912", "10882.90")]
    [InlineData(68, 173, "30521.553", "49830.92")]
    [InlineData(95, 146, "52642.965", "79543.66")]
    [InlineData(46, 143, "23548.788", "42908.37")]
    [InlineData(56, 132, "32044.793", "55092.43")]
    [InlineData(76, 183, "32719.746", "51981.74")]
    [InlineData(18, 149, "7156.037", "19093.45")]
    public void RatePer100000_MatchesPheIndicatorMethodsVignette(double obs, double pop, string lower, string upper)
    {
        var interval = ConfidenceIntervals.CrudeRate(obs, pop, 100_000)!;

        interval.Lower95.ShouldRoundTo(lower);
        interval.Upper95.ShouldRoundTo(upper);
    }

    // Same vignette, phe_rate(df, obs, pop, confidence = 99.8, multiplier = 100).
    [Theory]
    [InlineData(24, 162, "7.1693910", "26.77154")]
    [InlineData(6, 120, "0.9225872", "15.05136")]
    [InlineData(68, 173, "26.1925701", "56.39516")]
    [InlineData(95, 146, "46.3595418", "88.46988")]
    [InlineData(46, 143, "19.4573177", "49.71192")]
    [InlineData(56, 132, "27.0186592", "63.05222")]
    [InlineData(76, 183, "28.3382512", "58.47473")]
    [InlineData(18, 149, "5.1176169", "23.75627")]
    public void RatePer100At998_MatchesPheIndicatorMethodsVignette(double obs, double pop, string lower, string upper)
    {
        var interval = ConfidenceIntervals.CrudeRate(obs, pop, 100)!;

        interval.Lower998.ShouldRoundTo(lower);
        interval.Upper998.ShouldRoundTo(upper);
    }

    [Fact]
    public void SmallCount_MatchesSurvivalCipoisson()
    {
        // R survival::cipoisson(4), help example: lower 1.089865. (Its printed upper, 10.24153, is approximate: the same
        // example checks ppois(4, 10.24153) = 0.02500096, not 0.025; the exact χ²(0.975; 10)/2 is 10.241589.)
        var interval = ConfidenceIntervals.Count(4)!;

        interval.Lower95.ShouldRoundTo("1.089865");
        interval.Upper95.ShouldRoundTo("10.241589");
    }

    [Fact]
    public void ByarsAndExact_Match65Of100FromPublishedTests()
    {
        // THINKINGGroup/analogy_publication tests/test_confidence_interval.py: Byars 50.1632–82.8491,
        // chi-squared (exact) 50.1656–82.8478 for 65 per 100, rounded to 4 places.
        var byars = ConfidenceIntervals.CrudeRate(65, 100, 100)!;
        var exactOptions = IntervalOptions.Default with { Poisson = PoissonMethod.Exact };
        var exact = ConfidenceIntervals.CrudeRate(65, 100, 100, exactOptions)!;

        byars.Lower95.ShouldRoundTo("50.1632");
        byars.Upper95.ShouldRoundTo("82.8491");
        exact.Lower95.ShouldRoundTo("50.1656");
        exact.Upper95.ShouldRoundTo("82.8478");
    }

    [Fact]
    public void ByarsLower_MatchesPhStatsMethods()
    {
        // DataS-DHSC/PHStatsMethods archive/tests_old.py: byars_lower(100) = 81.36210549052788 and
        // phe_rate(100, 10000, 100000) lower = 813.6210549052789.
        PoissonLimits.Byars(100, IntervalOptions.Default.Z95)!.Value.Lower.ShouldBeRelativelyClose(81.36210549052788, 1e-13);
        ConfidenceIntervals.CrudeRate(100, 10_000, 100_000)!.Lower95.ShouldBeRelativelyClose(813.6210549052789, 1e-13);
    }

    [Fact]
    public void ZeroCount_HasLowerZeroAndTheExactUpper()
    {
        var interval = ConfidenceIntervals.CrudeRate(0, 1000, 1000)!;

        // Exact upper at O = 0 is χ²(1 − α/2; 2)/2 = −ln(α/2).
        interval.Lower95.Should().Be(0);
        interval.Lower998.Should().Be(0);
        interval.Upper95.ShouldBeRelativelyClose(-Math.Log(0.025), 1e-10);
        interval.Upper998.ShouldBeRelativelyClose(-Math.Log(0.001), 1e-10);
    }

    [Fact]
    public void BelowTen_IsExact_FromTen_IsByars()
    {
        var nine = ConfidenceIntervals.Count(9)!;
        var almostTen = ConfidenceIntervals.Count(9.999)!;
        var ten = ConfidenceIntervals.Count(10)!;

        nine.Lower95.Should().Be(PoissonLimits.Exact(9, ConfidenceLevel.NinetyFive)!.Value.Lower);
        nine.Upper998.Should().Be(PoissonLimits.Exact(9, ConfidenceLevel.NinetyNinePointEight)!.Value.Upper);
        almostTen.Upper95.Should().Be(PoissonLimits.Exact(9.999, ConfidenceLevel.NinetyFive)!.Value.Upper);
        ten.Lower95.Should().Be(PoissonLimits.Byars(10, IntervalOptions.Default.Z95)!.Value.Lower);
        ten.Upper998.Should().Be(PoissonLimits.Byars(10, IntervalOptions.Default.Z998)!.Value.Upper);
        // The two methods are close but not equal at the switch: the switch is real.
        PoissonLimits.Exact(10, ConfidenceLevel.NinetyFive)!.Value.Lower.Should().NotBe(ten.Lower95);
    }

    [Fact]
    public void ExactLimits_MatchTheirClosedFormsForOneEvent()
    {
        // For O = 1: lower = χ²(α/2; 2)/2 = −ln(1 − α/2).
        var (lower, _) = PoissonLimits.Exact(1, ConfidenceLevel.NinetyFive)!.Value;
        lower.ShouldBeRelativelyClose(-Math.Log(0.975), 1e-10);
    }

    [Fact]
    public void ByarsAt998ForOneEvent_IsClampedAtZero() =>
        PoissonLimits.Byars(1, 3.090232)!.Value.Lower.Should().Be(0);

    [Fact]
    public void RateLimits_AreCountLimitsOverDenominatorTimesMultiplier()
    {
        var count = ConfidenceIntervals.Count(250)!;
        var rate = ConfidenceIntervals.CrudeRate(250, 80_000, 100_000)!;

        rate.Lower95.ShouldBeRelativelyClose(count.Lower95 / 80_000 * 100_000, 1e-14);
        rate.Upper998.ShouldBeRelativelyClose(count.Upper998 / 80_000 * 100_000, 1e-14);
    }

    [Theory]
    [InlineData(5.0, 0.0)]
    [InlineData(5.0, null)]
    [InlineData(null, 1000.0)]
    [InlineData(-1.0, 1000.0)]
    [InlineData(double.NaN, 1000.0)]
    [InlineData(5.0, -3.0)]
    public void UnusableInputs_GiveNull(double? count, double? denominator) =>
        ConfidenceIntervals.CrudeRate(count, denominator, 100_000).Should().BeNull();

    [Fact]
    public void NoResult_EverContainsNaN()
    {
        foreach (var o in new[] { 0, 0.5, 1, 2, 9, 9.5, 10, 11, 389, 5000, 1e6 })
        {
            var interval = ConfidenceIntervals.CrudeRate(o, 1e5, 1e5)!;
            new[] { interval.Lower95, interval.Upper95, interval.Lower998, interval.Upper998 }
                .Should().OnlyContain(x => double.IsFinite(x) && x >= 0, $"O = {o}");
            interval.Lower998.Should().BeLessThanOrEqualTo(interval.Lower95);
            interval.Upper998.Should().BeGreaterThan(interval.Upper95);
        }
    }

    [Fact]
    public void ExactLimits_StayAccurateForNationalCounts()
    {
        // Byars is within ~1e-9 of exact at five million events; a failing gamma expansion would not be.
        var exact = PoissonLimits.Exact(5_000_000, ConfidenceLevel.NinetyNinePointEight)!.Value;
        var byars = PoissonLimits.Byars(5_000_000, IntervalOptions.Default.Z998)!.Value;

        exact.Lower.ShouldBeRelativelyClose(byars.Lower, 1e-8);
        exact.Upper.ShouldBeRelativelyClose(byars.Upper, 1e-8);
    }
}
