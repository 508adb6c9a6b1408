using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Statistics;

namespace MhEmployment.UnitTests.Statistics;

public sealed class QuintileTests
{
    private static readonly Breakdown Slice = new("2023", "Persons", "All ages");

    private static List<AreaValue> Set(params double?[] values) =>
        [.. values.Select((v, i) => new AreaValue($"E0600{i:D4}", Slice, v))];

    [Fact]
    public void PercentileInc_MatchesExcelsDocumentedExample() =>
        // Microsoft's PERCENTILE.INC help: =PERCENTILE.INC({1,3,2,4}, 0.3) is 1.9.
        Percentiles.Inclusive([1, 3, 2, 4], 0.3)!.Value.Should().BeApproximately(1.9, 1e-12);

    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(0.2, 2.8)]
    [InlineData(0.25, 3.25)]
    [InlineData(0.8, 8.2)]
    [InlineData(1.0, 10.0)]
    public void PercentileInc_InterpolatesAtPositionNMinusOneTimesFPlusOne(double fraction, double expected) =>
        Percentiles.Inclusive([10, 9, 8, 7, 6, 5, 4, 3, 2, 1], fraction)!.Value.Should().BeApproximately(expected, 1e-12);

    [Fact]
    public void PercentileInc_NothingToWorkOn_IsNull()
    {
        Percentiles.Inclusive([], 0.5).Should().BeNull();
        Percentiles.Inclusive([1, 2], 1.5).Should().BeNull();
    }

    [Fact]
    public void Bands_SplitAtP20P40P60P80()
    {
        var bands = Quintiles.Bands(Set(1, 2, 3, 4, 5, 6, 7, 8, 9, 10));

        bands.Values.Should().Equal(1, 1, 2, 2, 3, 3, 4, 4, 5, 5);
    }

    [Fact]
    public void AValueOnABound_GoesIntoTheLowerBand()
    {
        // P20 of 10..60 is exactly 20.
        var bands = Quintiles.Bands(Set(10, 20, 30, 40, 50, 60));

        bands["E06000001"].Should().Be(1);
        bands["E06000000"].Should().Be(1);
    }

    [Theory]
    [InlineData(Polarity.NoJudgement, "Lowest", "Low", "Middle", "High", "Highest")]
    [InlineData(Polarity.HighIsGood, "Worst", "Worse", "Middle", "Better", "Best")]
    [InlineData(Polarity.LowIsGood, "Best", "Better", "Middle", "Worse", "Worst")]
    public void Labels_FollowPolarity(Polarity polarity, string b1, string b2, string b3, string b4, string b5) =>
        Quintiles.Labels(Set(1, 3, 5, 7, 9), polarity).Values.Should().Equal(b1, b2, b3, b4, b5);

    [Fact]
    public void FewerThanFiveValues_AreNotCompared()
    {
        var labels = Quintiles.Labels(Set(1, 2, 3, 4, null), Polarity.HighIsGood);

        labels.Values.Should().AllBe("Not compared");
    }

    [Fact]
    public void AreasWithoutAValue_AreNotComparedAndDoNotCount()
    {
        var labels = Quintiles.Labels(Set(1, null, 3, 5, 7, 9), Polarity.NoJudgement);

        labels["E06000001"].Should().Be("Not compared");
        labels["E06000005"].Should().Be("Highest");
    }

    [Fact]
    public void ASetMustHaveEachAreaOnceAndOneBreakdown()
    {
        var twice = Set(1, 2, 3, 4, 5);
        twice.Add(twice[0] with { Value = 6 });
        var mixed = Set(1, 2, 3, 4, 5);
        mixed.Add(new AreaValue("E06000099", Slice with { Period = "2022" }, 6));

        FluentActions.Invoking(() => Quintiles.Bands(twice)).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => Quintiles.Bands(mixed)).Should().Throw<ArgumentException>();
    }
}
