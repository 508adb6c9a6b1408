using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Imports;
using MhEmployment.Web.Features.Profiles;
using Microsoft.Extensions.Configuration;

namespace MhEmployment.UnitTests.Profiles;

/// <summary>
/// The dashboards' snapshot around a change of the data (a commit, undo or catalogue edit): whoever reads after the
/// change has been seen committed gets the data after it, however the reads and the change interleave.
/// </summary>
public sealed class DashboardCacheTests : IDisposable
{
    private readonly ValuesChangedSignal signal = new();
    private readonly FakeDatabase database = new();
    private readonly DashboardCache cache;

    public DashboardCacheTests()
    {
        // Rechecked by the clock only after an hour: what these tests see comes from the signal alone.
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Dashboards:RecheckSeconds"] = "3600" }).Build();
        cache = new DashboardCache(database, configuration, TimeProvider.System, signal);
    }

    public void Dispose() => cache.Dispose();

    [Fact]
    public async Task WithoutAChange_TheSnapshotIsServedWithoutReadingTheDatabaseAgain()
    {
        var first = await cache.SnapshotAsync();
        var second = await cache.SnapshotAsync();

        second.Should().BeSameAs(first);
        (database.Loads, database.StampReads).Should().Be((1, 1));
    }

    [Fact]
    public async Task AChangeSeenCommitted_IsShownBeforeTheCommitterHasFinished()
    {
        await cache.SnapshotAsync();
        using var change = signal.Changing();
        database.Commit("after");

        // The transaction has committed (a client polling the import sees it) but its code has not yet returned.
        var during = await cache.SnapshotAsync();

        FiguresOf(during).Should().Be("after");
    }

    [Fact]
    public async Task ASnapshotReadBeforeAChange_AndStoredAfterIt_IsNotServedAfterIt()
    {
        var held = database.HoldNextLoad();
        var early = cache.SnapshotAsync(); // a reader starts reading the data before the change
        await held.Reading;
        using (signal.Changing())
        {
            database.Commit("after");
        }
        held.Finish(); // ... and finishes after it, with what it read before

        FiguresOf(await early).Should().Be("before", "that reader asked before the change");
        FiguresOf(await cache.SnapshotAsync()).Should().Be("after");
    }

    [Fact]
    public async Task ASnapshotCheckedWhileAChangeIsUnderWay_IsCheckedAgainAfterIt()
    {
        await cache.SnapshotAsync();
        var change = signal.Changing();
        var during = await cache.SnapshotAsync(); // checked before the transaction commits: still the old figures
        database.Commit("after");
        change.Dispose();

        FiguresOf(during).Should().Be("before");
        FiguresOf(await cache.SnapshotAsync()).Should().Be("after");
    }

    [Fact]
    public async Task AChangeMadeBehindTheAppsBack_ShowsOnceTheCacheIsInvalidated()
    {
        await cache.SnapshotAsync();
        database.Commit("after");

        cache.Invalidate();

        FiguresOf(await cache.SnapshotAsync()).Should().Be("after");
    }

    [Fact]
    public async Task WhatIsDerivedFromASnapshot_IsKeptForItAlone()
    {
        var before = await cache.SnapshotAsync();
        cache.GetOrAdd(before, "page", () => "built before").Should().Be("built before");
        cache.GetOrAdd(before, "page", () => "built again").Should().Be("built before");
        using (signal.Changing())
        {
            database.Commit("after");
        }

        var after = await cache.SnapshotAsync();

        cache.GetOrAdd(after, "page", () => "built after").Should().Be("built after");
    }

    /// <summary>The figures a snapshot was read from: the state of the fake database when it was loaded.</summary>
    private static string FiguresOf(ValueSnapshot snapshot) => snapshot.NameOf("figures");

    /// <summary>A database whose stamp and data change together, as a commit changes both in one transaction.</summary>
    private sealed class FakeDatabase : IDashboardSource
    {
        private volatile string state = "before";
        private volatile int stampVersion;
        private Hold? hold;

        public int Loads;
        public int StampReads;

        public void Commit(string newState)
        {
            state = newState;
            stampVersion++;
        }

        public Hold HoldNextLoad() => hold = new Hold();

        public Task<string> StampAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref StampReads);
            return Task.FromResult(stampVersion.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        public async Task<ValueSnapshot> LoadAsync(long version, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Loads);
            var read = state;
            if (Interlocked.Exchange(ref hold, null) is { } held)
            {
                held.StartedReading();
                await held.Finished;
            }
            return new ValueSnapshot(version, [new SnapshotArea("figures", read, AreaKind.Country, null, null, null, [])], [], []);
        }
    }

    /// <summary>A load stopped after it has read the data, until the test lets it finish.</summary>
    private sealed class Hold
    {
        private readonly TaskCompletionSource reading = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource finished = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Reading => reading.Task;
        public Task Finished => finished.Task;

        public void StartedReading() => reading.SetResult();

        public void Finish() => finished.SetResult();
    }
}
