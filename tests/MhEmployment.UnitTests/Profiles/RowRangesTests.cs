using FluentAssertions;
using MhEmployment.Web.Features.Profiles;
using Xunit;

namespace MhEmployment.UnitTests.Profiles;

public sealed class RowRangesTests
{
    [Theory]
    [InlineData(1, 100, 4)]
    [InlineData(17, 17, 4)]
    [InlineData(5, 7, 4)]
    [InlineData(1, 1_000_003, 3)]
    [InlineData(long.MinValue, long.MaxValue, 4)]
    [InlineData(-10, 10, 1)]
    public void Ranges_CoverTheSpanExactly_InOrder_WithoutOverlap(long first, long last, int parts)
    {
        var ranges = RowRanges.Split((first, last), parts);

        ranges.Should().NotBeEmpty().And.HaveCountLessThanOrEqualTo(parts);
        ranges[0].From.Should().Be(first);
        ranges[^1].To.Should().Be(last);
        ranges.Should().AllSatisfy(r => r.From.Should().BeLessThanOrEqualTo(r.To));
        for (var i = 1; i < ranges.Count; i++)
        {
            ranges[i].From.Should().Be(ranges[i - 1].To + 1);
        }
    }

    [Fact]
    public void ASpanOfOneHundredRows_InFourEqualRanges()
    {
        RowRanges.Split((1, 100), 4).Should().Equal((1L, 25L), (26L, 50L), (51L, 75L), (76L, 100L));
    }

    [Fact]
    public void NoRows_NoRanges()
    {
        RowRanges.Split(null, 4).Should().BeEmpty();
    }
}
