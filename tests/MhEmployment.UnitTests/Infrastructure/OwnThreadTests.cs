using MhEmployment.Web.Infrastructure;

namespace MhEmployment.UnitTests.Infrastructure;

public sealed class OwnThreadTests
{
    [Fact]
    public async Task Work_RunsOffThePool_AndHandsBackItsResult()
    {
        var (onPool, result) = await OwnThread.RunAsync(() => (Thread.CurrentThread.IsThreadPoolThread, 42), CancellationToken.None);

        onPool.Should().BeFalse();
        result.Should().Be(42);
    }

    [Fact]
    public async Task WorkThatThrows_FailsItsTask()
    {
        var run = () => OwnThread.RunAsync(() => throw new InvalidOperationException("the file has errors"), CancellationToken.None);

        await run.Should().ThrowAsync<InvalidOperationException>().WithMessage("the file has errors");
    }
}
