using MhEmployment.Web.Infrastructure;

namespace MhEmployment.UnitTests;

public class SharedBuildsTests
{
    [Fact]
    public async Task ManyAskingAtOnce_GetOneBuild()
    {
        var builds = new SharedBuilds<string>();
        var release = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = 0;
        Task<string> Build()
        {
            Interlocked.Increment(ref started);
            return release.Task;
        }

        var asking = Enumerable.Range(0, 16).Select(_ => builds.RunAsync("hackney v7", Build, CancellationToken.None)).ToList();
        release.SetResult("summary");

        (await Task.WhenAll(asking)).Should().AllBe("summary");
        started.Should().Be(1);
    }

    [Fact]
    public async Task AskingAfterABuildEnded_BuildsAgain_AndOtherKeysNeverWait()
    {
        var builds = new SharedBuilds<int>();
        var count = 0;

        (await builds.RunAsync("a", () => Task.FromResult(Interlocked.Increment(ref count)), CancellationToken.None)).Should().Be(1);
        (await builds.RunAsync("a", () => Task.FromResult(Interlocked.Increment(ref count)), CancellationToken.None)).Should().Be(2);
        var never = new TaskCompletionSource<int>();
        _ = builds.RunAsync("slow", () => never.Task, CancellationToken.None);
        (await builds.RunAsync("b", () => Task.FromResult(42), CancellationToken.None)).Should().Be(42);
    }

    [Fact]
    public async Task TheFirstCallerGoingAway_LeavesTheBuildToTheOthers()
    {
        var builds = new SharedBuilds<string>();
        var release = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var leaving = new CancellationTokenSource();

        var first = builds.RunAsync("k", () => release.Task, leaving.Token);
        var second = builds.RunAsync("k", () => Task.FromResult("a second build"), CancellationToken.None);
        await leaving.CancelAsync();
        release.SetResult("summary");

        await first.Invoking(async t => await t).Should().ThrowAsync<OperationCanceledException>();
        (await second).Should().Be("summary");
    }

    [Fact]
    public async Task AFailedBuild_ReachesEveryoneWaiting_AndIsNotKept()
    {
        var builds = new SharedBuilds<string>();
        var release = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);

        var one = builds.RunAsync("k", () => release.Task, CancellationToken.None);
        var two = builds.RunAsync("k", () => release.Task, CancellationToken.None);
        release.SetException(new TimeoutException("the database did not answer"));

        await one.Invoking(async t => await t).Should().ThrowAsync<TimeoutException>();
        await two.Invoking(async t => await t).Should().ThrowAsync<TimeoutException>();
        (await builds.RunAsync("k", () => Task.FromResult("built again"), CancellationToken.None)).Should().Be("built again");
    }
}
