using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.DataVersions;
using MhEmployment.Web.Features.Profiles;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace MhEmployment.UnitTests.Profiles;

/// <summary>
/// The dashboards' snapshot around a change of the data: readers are answered at once from the previous version
/// while the new one loads, the person who made the change waits for it, and only what changed is read again.
/// </summary>
public sealed class DashboardCacheTests : IDisposable
{
    private const string Committer = "analyst@test.local";
    private readonly DataVersion versions = new();
    private readonly FakeDatabase database = new();
    private readonly DashboardCache cache;

    public DashboardCacheTests()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Dashboards:OwnChangeWaitSeconds"] = "30" }).Build();
        cache = new DashboardCache(database, versions, configuration, NullLogger<DashboardCache>.Instance);
    }

    public void Dispose()
    {
        cache.Dispose();
        versions.Dispose();
    }

    [Fact]
    public async Task WithoutAChange_TheSnapshotIsServedWithoutReadingTheDatabaseAgain()
    {
        var first = await cache.SnapshotAsync();
        await cache.RefreshAsync(CancellationToken.None);
        var second = await cache.SnapshotAsync();

        second.Should().BeSameAs(first);
        database.Loads.Should().Be(1);
    }

    [Fact]
    public async Task WhileANewVersionLoads_ReadersGetThePreviousFiguresAtOnce_AndAreToldTheyAreBeingUpdated()
    {
        await cache.SnapshotAsync();
        var version = database.Commit(1, "after");
        versions.Committed(version, Committer);
        var held = database.HoldNextLoad();
        var refresh = cache.RefreshAsync(CancellationToken.None);
        await held.Reading;

        var during = cache.SnapshotAsync("someone-else@test.local");

        during.IsCompleted.Should().BeTrue("nobody but the committer waits on a reload");
        FigureOf(await during, 1).Should().Be("before");
        cache.IsBehind(await during).Should().BeTrue();
        held.Finish();
        await refresh;
        var after = await cache.SnapshotAsync("someone-else@test.local");
        FigureOf(after, 1).Should().Be("after");
        cache.IsBehind(after).Should().BeFalse();
    }

    [Fact]
    public async Task TheCommitter_WaitsForTheirOwnChange_OthersDoNot()
    {
        await cache.SnapshotAsync();
        var held = database.HoldNextLoad();
        versions.Committed(database.Commit(1, "after"), Committer);
        var refresh = cache.RefreshAsync(CancellationToken.None);
        await held.Reading;

        var committers = cache.SnapshotAsync(Committer);
        var others = await cache.SnapshotAsync("someone-else@test.local");

        committers.IsCompleted.Should().BeFalse();
        FigureOf(others, 1).Should().Be("before");
        held.Finish();
        await refresh;
        FigureOf(await committers, 1).Should().Be("after");
        versions.ExpectedBy(Committer).Should().BeNull("their change is shown now");
    }

    [Fact]
    public async Task TheCommittersWait_IsBounded_ThenThePreviousFiguresAreShownAsBeingUpdated()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Dashboards:OwnChangeWaitSeconds"] = "0.2" }).Build();
        using var impatient = new DashboardCache(database, versions, configuration, NullLogger<DashboardCache>.Instance);
        await impatient.SnapshotAsync();
        var held = database.HoldNextLoad();
        versions.Committed(database.Commit(1, "after"), Committer);
        var refresh = impatient.RefreshAsync(CancellationToken.None);
        await held.Reading;

        var shown = await impatient.SnapshotAsync(Committer);

        FigureOf(shown, 1).Should().Be("before");
        impatient.IsBehind(shown).Should().BeTrue();
        held.Finish();
        await refresh;
    }

    [Fact]
    public async Task ANewVersion_ReadsOnlyTheIndicatorsItsChangesTouched()
    {
        var before = await cache.SnapshotAsync();
        database.Commit(2, "after");

        await cache.RefreshAsync(CancellationToken.None);
        var after = await cache.SnapshotAsync();

        database.LastChanged!.Values.Should().BeEquivalentTo([2]);
        after.IndicatorsByKey["one"].Should().BeSameAs(before.IndicatorsByKey["one"]);
        FigureOf(after, 2).Should().Be("after");
    }

    [Fact]
    public async Task AReaderWhoLeavesDuringTheFirstLoad_IsReleasedAtOnce_AndTheLoadGoesOnForOthers()
    {
        var held = database.HoldNextLoad();
        using var leaving = new CancellationTokenSource();
        var first = cache.SnapshotAsync(cancellationToken: leaving.Token);
        await held.Reading;

        await leaving.CancelAsync();

        await first.Invoking(t => t).Should().ThrowAsync<OperationCanceledException>();
        held.Finish();
        FigureOf(await cache.SnapshotAsync(), 1).Should().Be("before");
        database.Loads.Should().Be(1);
    }

    [Fact]
    public async Task WhatIsDerivedFromASnapshot_IsKeptForItAlone()
    {
        var before = await cache.SnapshotAsync();
        cache.GetOrAdd(before, "page", () => "built before").Should().Be("built before");
        cache.GetOrAdd(before, "page", () => "built again").Should().Be("built before");
        database.Commit(1, "after");
        await cache.RefreshAsync(CancellationToken.None);

        var after = await cache.SnapshotAsync();

        cache.GetOrAdd(after, "page", () => "built after").Should().Be("built after");
    }

    [Fact]
    public async Task DatabaseReads_AreKeptAcrossANewVersionOfValues_AndReadAgainAfterAChangeBeyondThem()
    {
        await cache.SnapshotAsync();
        var reads = 0;
        Task<string> Read(CancellationToken _) => Task.FromResult($"coverage read {++reads}");
        (await cache.GetOrAddAsync("coverage|E09000012", Read, CancellationToken.None)).Should().Be("coverage read 1");

        database.Commit(1, "after");
        await cache.RefreshAsync(CancellationToken.None);
        var afterImport = await cache.GetOrAddAsync("coverage|E09000012", Read, CancellationToken.None);
        database.CommitBeyondValues();
        await cache.RefreshAsync(CancellationToken.None);
        var afterAssets = await cache.GetOrAddAsync("coverage|E09000012", Read, CancellationToken.None);

        afterImport.Should().Be("coverage read 1", "an import changes no asset");
        afterAssets.Should().Be("coverage read 2", "an asset or rating change is read again");
    }

    [Fact]
    public async Task ADatabaseRead_DuringWhichAChangeBeyondValuesIsServed_IsNotKept()
    {
        await cache.SnapshotAsync();

        var during = await cache.GetOrAddAsync("coverage|E09000012", async token =>
        {
            database.CommitBeyondValues();
            await cache.RefreshAsync(token);
            return "read before the change was served";
        }, CancellationToken.None);
        var next = await cache.GetOrAddAsync("coverage|E09000012", _ => Task.FromResult("read again"), CancellationToken.None);

        during.Should().Be("read before the change was served");
        next.Should().Be("read again");
    }

    /// <summary>
    /// After a new version is published every page is asked for again at once: those who ask while a page or a
    /// comparison is being built wait for that build rather than each doing it again.
    /// </summary>
    [Fact]
    public async Task APageOrComparisonAskedForByManyAtOnce_IsBuiltOnce_AndAFailedBuildIsTriedAgain()
    {
        var snapshot = await cache.SnapshotAsync();
        var builds = 0;
        var comparisons = 0;
        using var start = new Barrier(8);
        var askers = Enumerable.Range(0, 8).Select(_ => Task.Factory.StartNew(() =>
        {
            start.SignalAndWait();
            var page = cache.GetOrAdd(snapshot, "page", () =>
            {
                Interlocked.Increment(ref builds);
                Thread.Sleep(200);
                return "built";
            });
            var comparison = cache.Comparison(snapshot.IndicatorsByKey["one"], "key", () =>
            {
                Interlocked.Increment(ref comparisons);
                Thread.Sleep(200);
                return Compare(snapshot, "one");
            });
            return (page, comparison);
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToList();
        var answers = await Task.WhenAll(askers);

        builds.Should().Be(1);
        comparisons.Should().Be(1);
        answers.Select(a => a.comparison).Distinct().Should().ContainSingle();
        var failing = () => cache.GetOrAdd<string>(snapshot, "failing", () => throw new InvalidOperationException("the build failed"));
        failing.Should().Throw<InvalidOperationException>();
        cache.GetOrAdd(snapshot, "failing", () => "built on the next try").Should().Be("built on the next try");
    }

    [Fact]
    public async Task ComparisonsOfAnIndicatorANewVersionLeftAlone_AreKept_AndThoseOfTheChangedOneBuiltAgain()
    {
        var before = await cache.SnapshotAsync();
        var one = cache.Comparison(before.IndicatorsByKey["one"], "key", () => Compare(before, "one"));
        var two = cache.Comparison(before.IndicatorsByKey["two"], "key", () => Compare(before, "two"));
        database.Commit(2, "after");
        await cache.RefreshAsync(CancellationToken.None);

        var after = await cache.SnapshotAsync();

        cache.Comparison(after.IndicatorsByKey["one"], "key", () => Compare(after, "one")).Should().BeSameAs(one);
        cache.Comparison(after.IndicatorsByKey["two"], "key", () => Compare(after, "two")).Should().NotBeSameAs(two);
    }

    [Fact]
    public async Task AStartWithASavedSnapshot_ReadsOnlyTheIndicatorsChangedSinceItWasSaved()
    {
        using var folder = new ScratchFolder();
        var files = new SnapshotFiles(folder.Path, NullLogger<SnapshotFiles>.Instance);
        database.Commit(1, "saved");
        var saved = await cache.SnapshotAsync();
        await files.SaveAsync(saved, (await database.ChangeTimeAsync(saved.Version, CancellationToken.None))!.Value, CancellationToken.None);
        database.Commit(2, "while down");
        var logger = new ListLogger<DashboardCache>();
        using var restarted = new DashboardCache(database, versions, new ConfigurationBuilder().Build(), logger, files);

        var started = await restarted.SnapshotAsync();

        database.LastChanged!.Values.Should().BeEquivalentTo([2], "only what changed since the save is read from the database");
        started.Version.Should().Be(2);
        FigureOf(started, 1).Should().Be("saved");
        FigureOf(started, 2).Should().Be("while down");
        logger.Entries.Should().Contain(e => e.Level == LogLevel.Information && e.Message.StartsWith(
            "Dashboards loaded data version 2 from the snapshot saved at 1: 1 indicators from its files, 1 read from the database, 2 values in",
            StringComparison.Ordinal), "an operator can see how the start was made");
    }

    [Fact]
    public async Task AStartWithASavedSnapshotThatCannotBeRead_ReadsEverythingFromTheDatabase()
    {
        using var folder = new ScratchFolder();
        var files = new SnapshotFiles(folder.Path, NullLogger<SnapshotFiles>.Instance);
        database.Commit(1, "saved");
        var saved = await cache.SnapshotAsync();
        await files.SaveAsync(saved, (await database.ChangeTimeAsync(saved.Version, CancellationToken.None))!.Value, CancellationToken.None);
        var file = Directory.EnumerateFiles(folder.Path, "1-*.values").Single();
        await File.WriteAllBytesAsync(file, (await File.ReadAllBytesAsync(file))[..^1]);
        var logger = new ListLogger<DashboardCache>();
        using var restarted = new DashboardCache(database, versions, new ConfigurationBuilder().Build(), logger, files);

        var started = await restarted.SnapshotAsync();

        database.LastChanged.Should().BeNull("everything is read again");
        FigureOf(started, 1).Should().Be("saved");
        FigureOf(started, 2).Should().Be("before");
        logger.Entries.Should().Contain(e => e.Level == LogLevel.Warning && e.Message.StartsWith("The dashboards' saved snapshot in", StringComparison.Ordinal));
    }

    private static PeriodComparison Compare(ValueSnapshot snapshot, string key)
    {
        var indicator = snapshot.IndicatorsByKey[key];
        var slice = indicator.Slices.Values.Single();
        return PeriodComparison.Build(snapshot, indicator, slice, slice.Periods.Single(), ComparisonGroup.UpperTier, BenchmarkChoice.Default, null, null);
    }

    /// <summary>An indicator's figure: the note on its one stored value, which the fake database sets.</summary>
    private static string? FigureOf(ValueSnapshot snapshot, int indicatorId) =>
        snapshot.Indicators.Single(i => i.Indicator.Id == indicatorId).Slices.Values.Single().Periods.Single().ByArea["E92000001"].Note;

    /// <summary>Two indicators, each holding one value whose note is its "figure"; a commit changes one and records a version.</summary>
    private sealed class FakeDatabase : IDashboardSource
    {
        private readonly Dictionary<int, string> figures = new() { [1] = "before", [2] = "before" };
        private readonly List<(long Version, int Indicator)> changes = [];
        private Hold? hold;

        public int Loads;

        public ChangedIndicators? LastChanged { get; private set; }

        public long Commit(int indicator, string figure)
        {
            lock (changes)
            {
                figures[indicator] = figure;
                changes.Add((changes.Count + 1, indicator));
                return changes.Count;
            }
        }

        /// <summary>A change of something besides values (an asset, say): recorded as indicator 0.</summary>
        public long CommitBeyondValues()
        {
            lock (changes)
            {
                changes.Add((changes.Count + 1, 0));
                return changes.Count;
            }
        }

        public Hold HoldNextLoad() => hold = new Hold();

        public Task<long> LatestVersionAsync(CancellationToken cancellationToken)
        {
            lock (changes)
            {
                return Task.FromResult((long)changes.Count);
            }
        }

        public Task<ChangedIndicators?> ChangedAsync(long after, long upTo, CancellationToken cancellationToken)
        {
            lock (changes)
            {
                var changed = changes.Where(c => c.Version > after && c.Version <= upTo).ToList();
                var values = changed.Where(c => c.Indicator != 0).Select(c => c.Indicator).ToHashSet();
                return Task.FromResult<ChangedIndicators?>(new ChangedIndicators(values, new HashSet<int>()) { BeyondValues = changed.Any(c => c.Indicator == 0) });
            }
        }

        public async Task<ValueSnapshot> LoadAsync(long version, ValueSnapshot? previous, ChangedIndicators? changed, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Loads);
            LastChanged = changed;
            var touched = changed?.Values;
            Dictionary<int, string> read;
            lock (changes)
            {
                read = new(figures);
            }
            if (Interlocked.Exchange(ref hold, null) is { } held)
            {
                held.StartedReading();
                await held.Finished;
            }
            var indicators = read.Select(f => previous is not null && touched is not null && !touched.Contains(f.Key)
                ? previous.Indicators.Single(i => i.Indicator.Id == f.Key)
                : Build(f.Key, f.Value));
            return new ValueSnapshot(version, [new SnapshotArea("E92000001", "England", AreaKind.Country, null, null, null, [])], indicators);
        }

        public Task<DateTime?> ChangeTimeAsync(long version, CancellationToken cancellationToken)
        {
            lock (changes)
            {
                return Task.FromResult<DateTime?>(version >= 1 && version <= changes.Count ? new DateTime(2026, 12, 6, 0, 0, (int)version, DateTimeKind.Utc) : null);
            }
        }

        public Task<IReadOnlyList<Indicator>> CatalogueAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<Indicator>>([Entry(1), Entry(2)]);

        private static Indicator Entry(int id) => new()
        {
            Id = id, Key = id == 1 ? "one" : "two", Name = $"Indicator {id}", Definition = "", Source = "", Age = "16-64 yrs", Sex = Sex.Persons,
        };

        private static IndicatorValues Build(int id, string figure)
        {
            var builder = new IndicatorValuesBuilder(Entry(id));
            builder.Add("E92000001", new PeriodKey(new DateOnly(2020, 4, 1), new DateOnly(2021, 3, 31)), "2020/21", new Slice(Sex.Persons, "16-64 yrs"),
                1, null, null, null, null, null, null, figure, 1);
            return builder.Build();
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
