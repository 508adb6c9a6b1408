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

    /// <summary>
    /// An import's threads yield the cores to requests: Linux keeps a nice value per thread, shown in the thread's
    /// /proc stat, and a new thread starts with its creator's. The code after the await, and a thread it starts, keep
    /// the caller's priority (without the relay both ran at the background thread's).
    /// </summary>
    [Fact]
    public async Task BackgroundWork_RunsNicerThanItsCreator_AndWhatFollowsAsNiceAsTheCaller()
    {
        var caller = NiceOfThisThread();

        var background = await OwnThread.RunInBackgroundAsync(NiceOfThisThread, CancellationToken.None);
        var after = NiceOfThisThread();
        var startedAfter = await OwnThread.RunAsync(NiceOfThisThread, CancellationToken.None);

        background.Should().Be(Math.Min(19, caller + 5));
        after.Should().Be(caller);
        startedAfter.Should().Be(caller);
    }

    /// <summary>An import's writer, on a background thread, starts the reader of its file: both run one step lower, not two.</summary>
    [Fact]
    public async Task BackgroundWorkStartedByBackgroundWork_RunsAsNiceAsIt()
    {
        var caller = NiceOfThisThread();

        var nested = await OwnThread.RunInBackgroundAsync(() => OwnThread.RunInBackgroundAsync(NiceOfThisThread, CancellationToken.None), CancellationToken.None);

        (await nested).Should().Be(Math.Min(19, caller + 5));
    }

    /// <summary>
    /// The dashboards' reload, which nobody waits for, steps further back than an import someone watches; started from
    /// background work, a thread ends at the lower of the two priorities, never at their sum.
    /// </summary>
    [Fact]
    public async Task UnwatchedWork_RunsTenStepsNicer_AndNeverLowerWhenNested()
    {
        var caller = NiceOfThisThread();

        var unwatched = await OwnThread.RunInBackgroundAsync(NiceOfThisThread, BackgroundPriority.Unwatched, CancellationToken.None);
        var unwatchedInWatched = await await OwnThread.RunInBackgroundAsync(
            () => OwnThread.RunInBackgroundAsync(NiceOfThisThread, BackgroundPriority.Unwatched, CancellationToken.None), CancellationToken.None);
        var watchedInUnwatched = await await OwnThread.RunInBackgroundAsync(
            () => OwnThread.RunInBackgroundAsync(NiceOfThisThread, CancellationToken.None), BackgroundPriority.Unwatched, CancellationToken.None);

        unwatched.Should().Be(Math.Min(19, caller + 10));
        unwatchedInWatched.Should().Be(Math.Min(19, caller + 10));
        watchedInUnwatched.Should().Be(Math.Min(19, caller + 10));
    }

    [Fact]
    public async Task BackgroundWorkThatThrows_FailsItsTask()
    {
        var run = () => OwnThread.RunInBackgroundAsync(() => throw new InvalidOperationException("a value is already stored"), CancellationToken.None);

        await run.Should().ThrowAsync<InvalidOperationException>().WithMessage("a value is already stored");
    }

    /// <summary>Field 19 of /proc/thread-self/stat; counted after the command name, which is in brackets and may hold spaces.</summary>
    private static int NiceOfThisThread()
    {
        var stat = File.ReadAllText("/proc/thread-self/stat");
        return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[16], System.Globalization.CultureInfo.InvariantCulture);
    }
}
