using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Statistics;

namespace MhEmployment.UnitTests.Statistics;

public sealed class RecentTrendTests
{
    private static List<TrendPoint> Proportions(params double[] counts) =>
        [.. counts.Select((o, i) => new TrendPoint(2017 + i, o / 1000, o, 1000))];

    private static List<TrendPoint> Rates(double halfWidth, params double[] values) =>
        [.. values.Select((v, i) => new TrendPoint(2017 + i, v, Lower95: v - halfWidth, Upper95: v + halfWidth))];

    private static TrendResult Proportion(List<TrendPoint> series, Polarity polarity = Polarity.HighIsGood) =>
        RecentTrend.Assess(series, IndicatorValueType.Proportion, PeriodType.FinancialYear, polarity);

    private static TrendResult Rate(List<TrendPoint> series, Polarity polarity = Polarity.HighIsGood) =>
        RecentTrend.Assess(series, IndicatorValueType.CrudeRate, PeriodType.CalendarYear, polarity);

    [Theory]
    [InlineData(Polarity.HighIsGood, "Increasing and getting better")]
    [InlineData(Polarity.LowIsGood, "Increasing and getting worse")]
    [InlineData(Polarity.NoJudgement, "Increasing")]
    public void Proportions_RisingSteadily_AreSignificant(Polarity polarity, string expected)
    {
        var result = Proportion(Proportions(100, 120, 140, 160, 180), polarity);

        result.Label.Should().Be(expected);
        // χ² for linear trend, by the formula of methods.md worked independently: 33.2225913621.
        result.ChiSquared!.Value.ShouldBeRelativelyClose(33.222591362126245, 1e-12);
        result.Slope.Should().BePositive();
    }

    [Theory]
    [InlineData(Polarity.HighIsGood, "Decreasing and getting worse")]
    [InlineData(Polarity.LowIsGood, "Decreasing and getting better")]
    [InlineData(Polarity.NoJudgement, "Decreasing")]
    public void Proportions_Falling_AreSignificant(Polarity polarity, string expected) =>
        Proportion(Proportions(180, 160, 140, 120, 100), polarity).Label.Should().Be(expected);

    [Fact]
    public void Proportions_Flat_AreNoSignificantChange()
    {
        var result = Proportion(Proportions(50, 52, 49, 51, 50), Polarity.HighIsGood);

        result.Label.Should().Be("No significant change");
        result.ChiSquared!.Value.ShouldBeRelativelyClose(0.002089434482020834, 1e-9);
    }

    [Fact]
    public void OneJump_WithALargeChiSquared_IsNotATrendWhenLeavingItOutTurnsTheSlope()
    {
        // Falling for four years then one spike: χ² = 82.04, but without the last point the logit slope falls.
        var result = Proportion(Proportions(200, 190, 180, 170, 400), Polarity.HighIsGood);

        result.ChiSquared!.Value.ShouldBeRelativelyClose(82.03799654576856, 1e-12);
        result.Label.Should().Be("No significant change");
    }

    [Fact]
    public void Proportions_AtZeroThroughout_AreNoSignificantChange() =>
        Proportion(Proportions(0, 0, 0, 0, 0), Polarity.LowIsGood)
            .Label.Should().Be("No significant change");

    [Fact]
    public void Rates_UseWeightedLeastSquares()
    {
        // SE = 2/3.92 at every point: b = 2, SE(b) = 0.16134, χ² = 153.664.
        var result = Rate(Rates(1, 10, 12, 14, 16, 18), Polarity.LowIsGood);

        result.Label.Should().Be("Increasing and getting worse");
        result.Slope!.Value.ShouldBeRelativelyClose(2, 1e-12);
        result.ChiSquared!.Value.ShouldBeRelativelyClose(153.664, 1e-10);
    }

    [Theory]
    [InlineData(2.0, 9.604, "Increasing and getting better")] // just over 9.5495
    [InlineData(2.02, 9.4148, "No significant change")]       // just under
    public void Rates_AreJudgedAgainstTheThreshold(double halfWidth, double chiSquared, string expected)
    {
        var result = Rate(Rates(halfWidth, 10, 11, 12, 13, 14), Polarity.HighIsGood);

        result.ChiSquared!.Value.Should().BeApproximately(chiSquared, 1e-3);
        result.Label.Should().Be(expected);
    }

    [Fact]
    public void OnlyTheLastFivePointsCount()
    {
        var series = Rates(1, 50, 10, 12, 14, 16, 18);

        Rate(series, Polarity.HighIsGood).Slope!.Value.ShouldBeRelativelyClose(2, 1e-12);
    }

    [Fact]
    public void CannotBeCalculated_WithoutFiveConsecutiveValidPointsOrForOtherValueTypes()
    {
        var four = Proportions(100, 120, 140, 160);
        var gap = Proportions(100, 120, 140, 160, 180);
        gap[^1] = gap[^1] with { Year = 2023 };
        var invalid = Proportions(100, 120, 140, 160, 180);
        invalid[2] = invalid[2] with { Denominator = null };
        var noWidth = Rates(0, 10, 12, 14, 16, 18);

        Proportion(four, Polarity.HighIsGood).Label.Should().Be("Cannot be calculated");
        Proportion(gap, Polarity.HighIsGood).Label.Should().Be("Cannot be calculated");
        Proportion(invalid, Polarity.HighIsGood).Label.Should().Be("Cannot be calculated");
        Rate(noWidth, Polarity.HighIsGood).Label.Should().Be("Cannot be calculated");
        var steady = Proportions(100, 120, 140, 160, 180);
        RecentTrend.Assess(steady, IndicatorValueType.DirectlyStandardisedRate, PeriodType.CalendarYear, Polarity.HighIsGood)
            .Label.Should().Be("Cannot be calculated");
        RecentTrend.Assess(steady, IndicatorValueType.Proportion, PeriodType.RollingYear, Polarity.HighIsGood)
            .Label.Should().Be("Cannot be calculated");
    }

    [Fact]
    public void CannotBeCalculated_SaysWhyInWordsAReaderUnderstands()
    {
        var four = Proportions(100, 120, 140, 160);
        var gap = Proportions(100, 120, 140, 160, 180);
        gap[^1] = gap[^1] with { Year = 2023 };
        var noCounts = Proportions(100, 120, 140, 160, 180);
        noCounts[2] = noCounts[2] with { Denominator = null };
        var steady = Proportions(100, 120, 140, 160, 180);

        Proportion(four).Reason.Should().Be("fewer than 5 time points (only 4)");
        Proportion([]).Reason.Should().Be("no values for this area");
        Proportion(gap).Reason.Should().Be("the latest 5 time points are not consecutive years");
        Proportion(noCounts).Reason.Should().Be("no counts and denominators to test");
        Rate(Rates(0, 10, 12, 14, 16, 18)).Reason.Should().Be("no confidence intervals to test");
        RecentTrend.Assess(steady, IndicatorValueType.Count, PeriodType.CalendarYear, Polarity.NoJudgement)
            .Reason.Should().Be("not tested for counts without a denominator");
        RecentTrend.Assess(steady, IndicatorValueType.DirectlyStandardisedRate, PeriodType.CalendarYear, Polarity.HighIsGood)
            .Reason.Should().Be("not tested for directly standardised rates");
        RecentTrend.Assess(steady, IndicatorValueType.Proportion, PeriodType.Quarter, Polarity.HighIsGood)
            .Reason.Should().Be("tested on yearly values only, not quarters");
        RecentTrend.Assess(steady, IndicatorValueType.Proportion, PeriodType.RollingYear, Polarity.HighIsGood)
            .Reason.Should().Be("tested on calendar or financial years only, not rolling 12-month periods");
    }

    [Fact]
    public void ACalculatedTrend_HasNoReason()
    {
        Proportion(Proportions(100, 120, 140, 160, 180)).Reason.Should().BeNull();
        Proportion(Proportions(50, 52, 49, 51, 50)).Reason.Should().BeNull();
    }
}
