using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Statistics;

namespace MhEmployment.UnitTests.Statistics;

public sealed class BenchmarkComparisonTests
{
    private static readonly Breakdown Persons2023 = new("2023", "Persons", "16-64 yrs");
    private static readonly Interval Narrow = new(10, 12, 9.5, 12.5);

    private static AreaValue Area(Interval? interval = null, double? value = 11) =>
        new("E09000002", Persons2023, value, interval ?? Narrow);

    private static AreaValue England(double? value, Breakdown? breakdown = null) =>
        new("E92000001", breakdown ?? Persons2023, value);

    [Theory]
    [InlineData(9.0, Polarity.HighIsGood, "Better")]
    [InlineData(9.0, Polarity.LowIsGood, "Worse")]
    [InlineData(9.0, Polarity.NoJudgement, "Higher")]
    [InlineData(13.0, Polarity.HighIsGood, "Worse")]
    [InlineData(13.0, Polarity.LowIsGood, "Better")]
    [InlineData(13.0, Polarity.NoJudgement, "Lower")]
    [InlineData(11.0, Polarity.HighIsGood, "Similar")]
    [InlineData(12.0, Polarity.LowIsGood, "Similar")] // on the limit is inside
    [InlineData(10.0, Polarity.NoJudgement, "Similar")]
    public void At95_LabelsBySideAndPolarity(double england, Polarity polarity, string expected) =>
        BenchmarkComparer.Compare(Area(), England(england), polarity).Label95.Should().Be(expected);

    [Theory]
    [InlineData(9.0, Polarity.HighIsGood, "Better", "Better", "Best")]     // outside 99.8%
    [InlineData(9.8, Polarity.HighIsGood, "Better", "Similar", "Better")]  // outside 95% only
    [InlineData(9.0, Polarity.LowIsGood, "Worse", "Worse", "Worst")]
    [InlineData(12.2, Polarity.LowIsGood, "Better", "Similar", "Better")]
    [InlineData(13.0, Polarity.LowIsGood, "Better", "Better", "Best")]
    [InlineData(9.0, Polarity.NoJudgement, "Higher", "Higher", "Higher")]
    [InlineData(11.0, Polarity.HighIsGood, "Similar", "Similar", "Similar")]
    public void BothLevels_GiveTheStricterWordsOutside998(
        double england, Polarity polarity, string at95, string at998, string both)
    {
        var result = BenchmarkComparer.Compare(Area(), England(england), polarity);

        result.Label95.Should().Be(at95);
        result.Label998.Should().Be(at998);
        result.LabelBothLevels.Should().Be(both);
    }

    [Theory]
    [InlineData("E92000001")]
    [InlineData(" e92000001 ")]
    public void AnAreaIsNeverComparedWithItself(string code)
    {
        var england = new AreaValue(code, Persons2023, 15, Narrow);

        BenchmarkComparer.Compare(england, England(11), Polarity.HighIsGood).Label95.Should().Be("Not compared");
    }

    [Fact]
    public void ABenchmarkForAnotherPeriodSexOrAge_IsNotUsed()
    {
        BenchmarkComparer.Compare(Area(), England(9, Persons2023 with { Period = "2022" }), Polarity.HighIsGood)
            .Should().Be(BenchmarkComparison.NotCompared(Polarity.HighIsGood));
        BenchmarkComparer.Compare(Area(), England(9, Persons2023 with { Sex = "Female" }), Polarity.HighIsGood)
            .Label95.Should().Be("Not compared");
        BenchmarkComparer.Compare(Area(), England(9, Persons2023 with { Age = "All ages" }), Polarity.HighIsGood)
            .Label998.Should().Be("Not compared");
    }

    [Fact]
    public void MissingData_IsNotCompared()
    {
        BenchmarkComparer.Compare(Area(value: null), England(9), Polarity.HighIsGood).Label95.Should().Be("Not compared");
        BenchmarkComparer.Compare(new AreaValue("E09000002", Persons2023, 11), England(9), Polarity.HighIsGood)
            .Label95.Should().Be("Not compared");
        BenchmarkComparer.Compare(Area(), England(null), Polarity.HighIsGood).LabelBothLevels.Should().Be("Not compared");
        BenchmarkComparer.Compare(Area(), England(double.NaN), Polarity.LowIsGood).Label95.Should().Be("Not compared");
    }

    [Fact]
    public void Labels_AreTheExactWords()
    {
        ComparisonLabels.For(ComparisonOutcome.NotCompared, Polarity.HighIsGood).Should().Be("Not compared");
        new[]
        {
            ComparisonLabels.Better, ComparisonLabels.Similar, ComparisonLabels.Worse, ComparisonLabels.Best,
            ComparisonLabels.Worst, ComparisonLabels.Higher, ComparisonLabels.Lower,
        }
            .Should().Equal("Better", "Similar", "Worse", "Best", "Worst", "Higher", "Lower");
    }

    [Fact]
    public void CompareAll_LeavesTheBenchmarkItselfNotCompared()
    {
        AreaValue[] set =
        [
            Area(), new("E09000003", Persons2023, 20, new Interval(18, 22, 17, 23)), England(11) with { Interval = Narrow },
        ];

        var results = BenchmarkComparer.CompareAll(set, England(11), Polarity.LowIsGood);

        results["E09000002"].Label95.Should().Be("Similar");
        results["E09000003"].Label95.Should().Be("Worse");
        results["E92000001"].Label95.Should().Be("Not compared");
    }
}
