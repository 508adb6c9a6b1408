using MhEmployment.Web.Features.Imports;

namespace MhEmployment.UnitTests.Imports;

public sealed class ValueKeysTests
{
    [Fact]
    public void KeysWithIdsTooLargeToPack_NeverCollideWithPackedOnes()
    {
        var keys = new ValueKeys();

        // Packed without a check, an area id of 2^24 would spill into the indicator-and-period bits and equal (1, 0, 0).
        keys.TryAdd(new ValueKeys.Key(1, 0, 0), fingerprint: 1, line: 2, out _).Should().BeTrue();
        keys.TryAdd(new ValueKeys.Key(0, 1 << 24, 0), fingerprint: 2, line: 3, out _).Should().BeTrue();
        keys.TryAdd(new ValueKeys.Key(0, 0, 1 << 16), fingerprint: 3, line: 4, out _).Should().BeTrue();
        keys.TryAdd(new ValueKeys.Key(int.MaxValue, 5, 5), fingerprint: 4, line: 5, out _).Should().BeTrue();

        keys.Count.Should().Be(4);
    }

    [Fact]
    public void AKeyAddedAgain_GivesWhatItsFirstRowGave()
    {
        var keys = new ValueKeys();
        keys.TryAdd(new ValueKeys.Key(3, 7, 1), fingerprint: 42, line: 10, out _);
        keys.TryAdd(new ValueKeys.Key(0, 1 << 24, 0), fingerprint: 43, line: 11, out _);

        keys.TryAdd(new ValueKeys.Key(3, 7, 1), fingerprint: 99, line: 20, out var first).Should().BeFalse();
        first.Should().Be((42, 10));
        keys.TryAdd(new ValueKeys.Key(0, 1 << 24, 0), fingerprint: 99, line: 21, out first).Should().BeFalse();
        first.Should().Be((43, 11));
    }
}
