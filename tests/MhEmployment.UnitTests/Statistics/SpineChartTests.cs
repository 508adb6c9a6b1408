using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Statistics;

namespace MhEmployment.UnitTests.Statistics;

public sealed class SpineChartTests
{
    private static readonly double[] Values = [8, 2, 20, 6, 4];

    [Fact]
    public void HighIsGood_RunsLowestToHighest_WithTheBenchmarkInTheMiddle()
    {
        var scale = SpineChart.Build(Values, 5, Polarity.HighIsGood)!;

        scale.Should().Be(new SpineScale(2, 4, 8, 20, 5, 15, Polarity.HighIsGood));
        scale.Position(5).Should().Be(0.5);
        scale.Position(20).Should().Be(1);
        scale.Position(2).Should().BeApproximately(0.4, 1e-12);
    }

    [Fact]
    public void LowIsGood_IsReversed_SoTheWorstEndIsStillOnTheLeft()
    {
        var scale = SpineChart.Build(Values, 5, Polarity.LowIsGood)!;

        scale.Should().Be(new SpineScale(20, 8, 4, 2, 5, 15, Polarity.LowIsGood));
        scale.Position(20).Should().Be(0);
        scale.Position(2).Should().BeApproximately(0.6, 1e-12);
    }

    [Fact]
    public void Positions_OutsideTheScale_AreClampedAndAFlatSetSitsInTheMiddle()
    {
        SpineChart.Build(Values, 5, Polarity.NoJudgement)!.Position(100).Should().Be(1);
        SpineChart.Build([3, 3, 3], 3, Polarity.HighIsGood)!.Position(3).Should().Be(0.5);
    }

    [Fact]
    public void NothingToChart_IsNull()
    {
        SpineChart.Build([], 5, Polarity.HighIsGood).Should().BeNull();
        SpineChart.Build(Values, double.NaN, Polarity.HighIsGood).Should().BeNull();
    }
}
