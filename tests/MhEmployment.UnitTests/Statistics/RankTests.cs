using MhEmployment.Web.Features.Statistics;

namespace MhEmployment.UnitTests.Statistics;

public sealed class RankTests
{
    private static readonly Breakdown Slice = new("2023", "Persons", "All ages");

    private static readonly AreaValue[] Set =
    [
        new("A", Slice, 5), new("B", Slice, 9), new("C", Slice, 9), new("D", Slice, 1), new("E", Slice, null),
    ];

    [Theory]
    [InlineData("B", "1 of 4")]
    [InlineData("C", "1 of 4")]
    [InlineData("A", "3 of 4")]
    [InlineData("d", "4 of 4")]
    public void Rank_OneIsHighest_TiesShareTheBetterRank(string code, string expected) =>
        Rank.Of(code, Set)!.ToString().Should().Be(expected);

    [Theory]
    [InlineData("E")]
    [InlineData("Z")]
    public void Rank_WithoutAValueOrOutsideTheSet_IsNull(string code) => Rank.Of(code, Set).Should().BeNull();
}
