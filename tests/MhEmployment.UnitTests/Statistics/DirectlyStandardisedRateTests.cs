using MhEmployment.Web.Features.Statistics;

namespace MhEmployment.UnitTests.Statistics;

public sealed class DirectlyStandardisedRateTests
{
    // DataS-DHSC/PHStatsMethods (Python port of PHEindicatormethods), archive/tests_old.py, test_phe_dsr: these 19
    // bands against the 2013 European Standard Population, per 100,000, give 9832.763039564017 (lower 9232.668299548477).
    private static readonly double[] Observed =
        [50, 55, 55, 55, 60, 60, 65, 70, 70, 70, 70, 65, 60, 55, 50, 40, 25, 15, 10];
    private static readonly double[] Population =
        [509, 559, 559, 559, 609, 609, 659, 709, 709, 709, 709, 659, 609, 559, 509, 409, 259, 159, 109];

    private static List<AgeBandCount> Bands(double[] observed, double[] population) =>
        [.. observed.Select((o, i) => new AgeBandCount(o, population[i], StandardPopulations.European2013[i]))];

    [Fact]
    public void Dobson_MatchesPhStatsMethods()
    {
        var dsr = DirectlyStandardisedRates.Calculate(Bands(Observed, Population), 100_000)!;

        dsr.Value.ShouldBeRelativelyClose(9832.763039564017, 1e-12);
        dsr.TotalCount.Should().Be(1000);
        dsr.Interval!.Lower95.ShouldBeRelativelyClose(9232.668299548477, 1e-12);
        // That suite's upper (10461.6176) came from a byars_upper that disagrees with Byars' formula (its
        // byars_upper(100) is 121.6246, the formula gives 121.6279); with the formula Dobson's upper is 10461.6206.
        dsr.Interval.Upper95.ShouldBeRelativelyClose(10461.620633659491, 1e-12);
        dsr.Interval.Lower998.Should().BeLessThan(dsr.Interval.Lower95);
        dsr.Interval.Upper998.Should().BeGreaterThan(dsr.Interval.Upper95);
    }

    [Fact]
    public void EuropeanStandardPopulation2013_HasNineteenBandsSummingTo100000()
    {
        StandardPopulations.European2013.Should().HaveCount(19);
        StandardPopulations.European2013.Sum().Should().Be(100_000);
    }

    [Fact]
    public void OneBand_IsTheCrudeRateWithItsInterval()
    {
        var dsr = DirectlyStandardisedRates.Calculate([new AgeBandCount(37, 52_000, 1)], 100_000)!;
        var crude = ConfidenceIntervals.CrudeRate(37, 52_000, 100_000)!;

        dsr.Value.ShouldBeRelativelyClose(37 / 52_000.0 * 100_000, 1e-14);
        dsr.Interval!.Lower95.ShouldBeRelativelyClose(crude.Lower95, 1e-12);
        dsr.Interval.Upper998.ShouldBeRelativelyClose(crude.Upper998, 1e-12);
    }

    [Fact]
    public void FewerThanTenEvents_UseTheExactLimitsOfTheTotal()
    {
        double[] observed = [1, 0, 2, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3];
        var dsr = DirectlyStandardisedRates.Calculate(Bands(observed, Population), 100_000)!;
        var exact = PoissonLimits.Exact(7, ConfidenceLevel.NinetyFive)!.Value;

        // Dobson: DSR + √(var/O)·(O_L − O); var/O is recovered from the upper side to check the lower side.
        var spread = (dsr.Interval!.Upper95 - dsr.Value) / (exact.Upper - 7);
        dsr.Interval.Lower95.ShouldBeRelativelyClose(dsr.Value + spread * (exact.Lower - 7), 1e-10);
    }

    [Fact]
    public void NoEvents_HaveARateOfZeroAndNoInterval()
    {
        var dsr = DirectlyStandardisedRates.Calculate(Bands(new double[19], Population), 100_000)!;

        dsr.Value.Should().Be(0);
        dsr.Interval.Should().BeNull();
    }

    [Fact]
    public void UnusableBands_GiveNull()
    {
        DirectlyStandardisedRates.Calculate([], 100_000).Should().BeNull();
        DirectlyStandardisedRates.Calculate([new AgeBandCount(5, 0, 5000)], 100_000).Should().BeNull();
        DirectlyStandardisedRates.Calculate([new AgeBandCount(-1, 100, 5000)], 100_000).Should().BeNull();
        DirectlyStandardisedRates.Calculate([new AgeBandCount(5, 100, 0)], 100_000).Should().BeNull();
        DirectlyStandardisedRates.Calculate([new AgeBandCount(double.NaN, 100, 5000)], 100_000).Should().BeNull();
    }
}
