using MhEmployment.Web.Features.Imports;

namespace MhEmployment.UnitTests.Imports;

public sealed class ValuesChangedSignalTests
{
    [Fact]
    public void WhileAChangeIsUnderWay_NothingIsSettled_AndAfterIt_TheGenerationHasMovedOn()
    {
        var signal = new ValuesChangedSignal();
        var raised = 0;
        signal.Changed += (_, _) => raised++;
        var before = signal.Settled;

        var change = signal.Changing();
        var during = signal.Settled;
        change.Dispose();
        change.Dispose(); // ended once only

        before.Should().NotBeNull();
        during.Should().BeNull();
        signal.Settled.Should().NotBeNull().And.NotBe(before);
        raised.Should().Be(1, "the change is told once it has ended");
    }

    [Fact]
    public void TwoChangesOverlapping_AreSettledOnlyWhenBothHaveEnded()
    {
        var signal = new ValuesChangedSignal();
        var first = signal.Changing();
        var second = signal.Changing();

        first.Dispose();
        signal.Settled.Should().BeNull();
        second.Dispose();
        signal.Settled.Should().NotBeNull();
    }
}
