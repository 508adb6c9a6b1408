using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.DataVersions;
using MhEmployment.Web.Features.Profiles;
using MhEmployment.Web.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using static MhEmployment.UnitTests.Profiles.IndicatorValuesFileTests;

namespace MhEmployment.UnitTests.Profiles;

/// <summary>
/// The dashboards' snapshot saved to files and read at a start: read back only for the state of the database it was
/// saved at, under the current catalogue; each save writes only what changed; a save cut short, or another process's
/// save in the same folder, never leaves a manifest naming files that are not there; saves wait for one another.
/// </summary>
public sealed class SnapshotFilesTests : IDisposable
{
    private static readonly DateTime Saved = new(2026, 12, 6, 10, 0, 0, DateTimeKind.Utc);
    private static readonly SnapshotArea[] Areas =
    [
        new("E09000012", "Hackney", AreaKind.LondonBorough, "E12000007", "E12000007", null, []),
        new("E10000006", "Cumbria", AreaKind.County, "E12000002", null, new DateOnly(2023, 3, 31), ["E06000063", "E06000064"]),
    ];

    private readonly ScratchFolder folder = new();
    private readonly Database database = new();

    public void Dispose() => folder.Dispose();

    private string Directory => Path.Combine(folder.Path, "database");

    /// <summary>As a process would have it: a new one for a start.</summary>
    private SnapshotFiles Files() => new(Directory, NullLogger<SnapshotFiles>.Instance);

    private static ValueSnapshot Snapshot(long version, params IndicatorValues[] indicators) => new(version, Areas, indicators);

    private int ValueFiles() => System.IO.Directory.EnumerateFiles(Directory, "*.values").Count();

    [Fact]
    public async Task ASavedSnapshot_ReadsBackAtItsVersion_WithItsAreasAndEveryAnswerOfItsIndicators()
    {
        var claimants = Varied(database.Entry(7));
        var employment = Varied(database.Entry(8));
        database.Changes[5] = Saved;

        (await Files().SaveAsync(Snapshot(5, claimants, employment), Saved, CancellationToken.None)).Should().Be(2);
        var read = (await Files().ReadAsync(database, CancellationToken.None))!;

        read.Version.Should().Be(5);
        read.Areas.Values.Should().BeEquivalentTo(Areas);
        AssertSameAnswers(claimants, read.IndicatorsByKey["indicator-7"]);
        AssertSameAnswers(employment, read.IndicatorsByKey["indicator-8"]);
    }

    [Fact]
    public async Task NothingSaved_IsNoSnapshot()
    {
        (await Files().ReadAsync(database, CancellationToken.None)).Should().BeNull();
        System.IO.Directory.CreateDirectory(Directory);
        (await Files().ReadAsync(database, CancellationToken.None)).Should().BeNull();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ASnapshotOfAnotherStateOfTheDatabase_IsNotRead_AndItsFilesAreDeleted(bool changeRecordedAtAnotherTime)
    {
        database.Changes[5] = Saved;
        await Files().SaveAsync(Snapshot(5, Varied(database.Entry(7))), Saved, CancellationToken.None);
        // A restored backup, or another database under the same name: its change 5 is another one, or it has none.
        database.Changes.Remove(5);
        if (changeRecordedAtAnotherTime)
        {
            database.Changes[5] = Saved.AddTicks(10);
        }

        (await Files().ReadAsync(database, CancellationToken.None)).Should().BeNull();

        System.IO.Directory.EnumerateFiles(Directory).Select(Path.GetFileName).Should().Equal("saving.lock");
    }

    [Fact]
    public async Task ValuesRead_AreUnderTheCurrentCatalogue_AndThoseOfIndicatorsNoLongerInItAreLeftOut()
    {
        var claimants = Varied(database.Entry(7));
        database.Changes[5] = Saved;
        await Files().SaveAsync(Snapshot(5, claimants, Varied(database.Entry(8))), Saved, CancellationToken.None);
        var edited = Catalogued(7, "indicator-7");
        edited.Polarity = Polarity.HighIsGood;
        database.Catalogue = [edited, Catalogued(9, "indicator-9")];

        var read = (await Files().ReadAsync(database, CancellationToken.None))!;

        read.Indicators.Should().ContainSingle().Which.Indicator.Should().BeSameAs(edited);
        AssertSameAnswers(claimants.WithIndicator(edited), read.Indicators.Single());
    }

    [Fact]
    public async Task ASave_WritesOnlyTheIndicatorsWhoseValuesChanged_AndDeletesTheFilesNoLongerListed()
    {
        var files = Files();
        var claimants = Varied(database.Entry(7));
        database.Changes[5] = Saved;
        database.Changes[6] = Saved.AddMinutes(1);
        await files.SaveAsync(Snapshot(5, claimants, Varied(database.Entry(8))), Saved, CancellationToken.None);
        var edited = Catalogued(7, "indicator-7");
        edited.Name = "Claimants, renamed";
        var employment = Varied(database.Entry(8));

        var written = await files.SaveAsync(Snapshot(6, claimants.WithIndicator(edited), employment), Saved.AddMinutes(1), CancellationToken.None);

        written.Should().Be(1, "a catalogue edit leaves the values as they were");
        ValueFiles().Should().Be(2);
        var read = (await Files().ReadAsync(database, CancellationToken.None))!;
        read.Version.Should().Be(6);
        AssertSameAnswers(employment, read.IndicatorsByKey["indicator-8"]);
    }

    [Fact]
    public async Task AfterAStartFromTheFiles_ASaveWritesOnlyWhatChangedSince()
    {
        database.Changes[5] = Saved;
        database.Changes[6] = Saved.AddMinutes(1);
        await Files().SaveAsync(Snapshot(5, Varied(database.Entry(7)), Varied(database.Entry(8))), Saved, CancellationToken.None);
        var restarted = Files();
        var read = (await restarted.ReadAsync(database, CancellationToken.None))!;

        var written = await restarted.SaveAsync(Snapshot(6, read.IndicatorsByKey["indicator-7"], Varied(database.Entry(8))), Saved.AddMinutes(1), CancellationToken.None);

        written.Should().Be(1);
        ValueFiles().Should().Be(2);
    }

    [Fact]
    public async Task AnotherProcessSavingInTheSameFolder_IsNotTakenForOnesOwnSave()
    {
        var first = Files();
        var claimants = Varied(database.Entry(7));
        database.Changes[5] = Saved;
        database.Changes[6] = Saved.AddMinutes(1);
        database.Changes[7] = Saved.AddMinutes(2);
        await first.SaveAsync(Snapshot(5, claimants), Saved, CancellationToken.None);
        await Files().SaveAsync(Snapshot(6, Varied(database.Entry(7))), Saved.AddMinutes(1), CancellationToken.None); // deletes the first's file

        var written = await first.SaveAsync(Snapshot(7, claimants), Saved.AddMinutes(2), CancellationToken.None);

        written.Should().Be(1, "the file the first process saved is gone");
        AssertSameAnswers(claimants, (await Files().ReadAsync(database, CancellationToken.None))!.Indicators.Single());
    }

    [Fact]
    public async Task ASaveCutShort_LeavesThePreviousSnapshotToBeRead_AndTheNextSaveDeletesWhatItLeft()
    {
        var claimants = Varied(database.Entry(7));
        database.Changes[5] = Saved;
        database.Changes[6] = Saved.AddMinutes(1);
        await Files().SaveAsync(Snapshot(5, claimants), Saved, CancellationToken.None);
        await File.WriteAllTextAsync(Path.Combine(Directory, "7-0123456789abcdef0123456789abcdef.values"), "half");
        await File.WriteAllTextAsync(Path.Combine(Directory, "manifest.json.tmp"), "{\"format\":");

        var read = (await Files().ReadAsync(database, CancellationToken.None))!;
        read.Version.Should().Be(5);
        AssertSameAnswers(claimants, read.Indicators.Single());
        await Files().SaveAsync(Snapshot(6, claimants), Saved.AddMinutes(1), CancellationToken.None);

        System.IO.Directory.EnumerateFiles(Directory).Select(Path.GetFileName).Should().HaveCount(3).And.Contain(["manifest.json", "saving.lock"]);
    }

    [Fact]
    public async Task AFileOrManifestThatCannotBeRead_FailsTheRead()
    {
        database.Changes[5] = Saved;
        await Files().SaveAsync(Snapshot(5, Varied(database.Entry(7))), Saved, CancellationToken.None);
        var file = System.IO.Directory.EnumerateFiles(Directory, "*.values").Single();
        var bytes = await File.ReadAllBytesAsync(file);
        bytes[^1] ^= 1;
        await File.WriteAllBytesAsync(file, bytes);

        await FluentActions.Awaiting(() => Files().ReadAsync(database, CancellationToken.None)).Should().ThrowAsync<InvalidDataException>();

        await File.WriteAllTextAsync(Path.Combine(Directory, "manifest.json"), "{\"format\": 1, \"files\": {\"7\": \"../elsewhere.values\"}}");
        await FluentActions.Awaiting(() => Files().ReadAsync(database, CancellationToken.None)).Should().ThrowAsync<InvalidDataException>();
    }

    [Fact]
    public async Task ASave_WaitsWhileAnotherProcessHasTheFolder()
    {
        database.Changes[5] = Saved;
        System.IO.Directory.CreateDirectory(Directory);
        Task<int> save;
        await using (new FileStream(Path.Combine(Directory, "saving.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
        {
            save = Files().SaveAsync(Snapshot(5, Varied(database.Entry(7))), Saved, CancellationToken.None);
            await Task.Delay(300);
            save.IsCompleted.Should().BeFalse();
        }

        (await save).Should().Be(1);
    }

    [Fact]
    public void EachDatabase_HasAFolderOfItsOwn_WhateverItsPassword()
    {
        SnapshotFiles.FolderName(DatabaseProvider.Sqlite, "Data Source=/data/a.db")
            .Should().NotBe(SnapshotFiles.FolderName(DatabaseProvider.Sqlite, "Data Source=/data/b.db"));
        SnapshotFiles.FolderName(DatabaseProvider.Postgres, "Host=db;Database=jsna;Username=app;Password=one")
            .Should().Be(SnapshotFiles.FolderName(DatabaseProvider.Postgres, "Host=db;Database=jsna;Username=app;Password=two"))
            .And.NotBe(SnapshotFiles.FolderName(DatabaseProvider.Postgres, "Host=db;Database=other;Username=app;Password=one"))
            .And.StartWith("postgres-");
    }

    [Fact]
    public void TheFolder_IsUnderAppDataByDefault_ConfiguredOrOff()
    {
        var environment = new Environment { ContentRootPath = folder.Path };
        static IConfiguration Settings(string? directory) => new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Sqlite"] = "Data Source=App_Data/app.db",
            ["Dashboards:SavedSnapshotDirectory"] = directory,
        }).Build();

        SnapshotFiles.DirectoryFor(Settings(null), environment).Should().StartWith(Path.Combine(folder.Path, "App_Data", "saved-snapshots", "sqlite-"));
        SnapshotFiles.DirectoryFor(Settings("/srv/snapshots"), environment).Should().StartWith("/srv/snapshots/sqlite-");
        SnapshotFiles.DirectoryFor(Settings(""), environment).Should().BeNull();
    }

    [Fact]
    public async Task ASnapshotPublishedWhileASaveRuns_ReplacesAnyWaiting_SoTheNextSaveIsOfTheNewest()
    {
        foreach (var version in new long[] { 1, 2, 3 })
        {
            database.Changes[version] = Saved.AddMinutes(version);
        }
        var held = database.HoldChangeTime(1);
        using var versions = new DataVersion();
        using var cache = new DashboardCache(database, versions, new ConfigurationBuilder().Build(), NullLogger<DashboardCache>.Instance);
        using var saver = new SnapshotSaver(cache, Files(), database, NullLogger<SnapshotSaver>.Instance);
        await saver.StartAsync(CancellationToken.None);

        saver.Offer(Snapshot(1, Varied(database.Entry(7))));
        await held.Task;
        saver.Offer(Snapshot(2, Varied(database.Entry(7))));
        saver.Offer(Snapshot(3, Varied(database.Entry(8))));
        database.Release();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await saver.SavedAsync(3, timeout.Token);
        await saver.StopAsync(CancellationToken.None);

        database.AskedFor.Should().Equal(1, 3);
        var read = (await Files().ReadAsync(database, CancellationToken.None))!;
        read.Version.Should().Be(3);
        read.Indicators.Single().Indicator.Id.Should().Be(8);
    }

    [Fact]
    public async Task AFailedSave_LeavesThePreviousOneStanding_AndTheNextSaveStillRuns()
    {
        database.Changes[1] = Saved;
        database.Changes[3] = Saved.AddMinutes(3);
        using var versions = new DataVersion();
        using var cache = new DashboardCache(database, versions, new ConfigurationBuilder().Build(), NullLogger<DashboardCache>.Instance);
        using var saver = new SnapshotSaver(cache, Files(), database, NullLogger<SnapshotSaver>.Instance);
        await saver.StartAsync(CancellationToken.None);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        saver.Offer(Snapshot(1, Varied(database.Entry(7))));
        await saver.SavedAsync(1, timeout.Token);

        database.FailAt = 2;
        saver.Offer(Snapshot(2, Varied(database.Entry(8))));
        await database.Failed.Task.WaitAsync(timeout.Token);
        (await Files().ReadAsync(database, CancellationToken.None))!.Version.Should().Be(1);
        saver.Offer(Snapshot(3, Varied(database.Entry(8))));
        await saver.SavedAsync(3, timeout.Token);
        await saver.StopAsync(CancellationToken.None);

        (await Files().ReadAsync(database, CancellationToken.None))!.Version.Should().Be(3);
    }

    private sealed class Environment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Testing";
        public string ApplicationName { get; set; } = "MhEmployment.Web";
        public string ContentRootPath { get; set; } = "";
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }

    /// <summary>The database as the saved files see it: when each change was recorded, and the catalogue.</summary>
    private sealed class Database : IDashboardSource
    {
        private readonly TaskCompletionSource released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private (long Version, TaskCompletionSource Reached)? hold;

        public Dictionary<long, DateTime> Changes { get; } = [];
        public List<Indicator> Catalogue { get; set; } = [];
        public List<long> AskedFor { get; } = [];
        public long FailAt { get; set; } = -1;
        public TaskCompletionSource Failed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>The catalogue's entry, added to it the first time.</summary>
        public Indicator Entry(int id)
        {
            if (Catalogue.Find(i => i.Id == id) is not { } entry)
            {
                Catalogue.Add(entry = Catalogued(id, $"indicator-{id}"));
            }
            return entry;
        }

        /// <summary>Holds the question for <paramref name="version"/>'s change (a save's first step) until <see cref="Release"/>.</summary>
        public TaskCompletionSource HoldChangeTime(long version)
        {
            var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            hold = (version, reached);
            return reached;
        }

        public void Release() => released.TrySetResult();

        public async Task<DateTime?> ChangeTimeAsync(long version, CancellationToken cancellationToken)
        {
            lock (AskedFor)
            {
                AskedFor.Add(version);
            }
            if (hold is { } held && held.Version == version)
            {
                held.Reached.TrySetResult();
                await released.Task;
            }
            if (version == FailAt)
            {
                Failed.TrySetResult();
                throw new IOException("The disk is full.");
            }
            return Changes.TryGetValue(version, out var at) ? at : null;
        }

        public Task<IReadOnlyList<Indicator>> CatalogueAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<Indicator>>(Catalogue);

        public Task<long> LatestVersionAsync(CancellationToken cancellationToken) => Task.FromResult(Changes.Keys.DefaultIfEmpty().Max());

        public Task<ChangedIndicators?> ChangedAsync(long after, long upTo, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<ValueSnapshot> LoadAsync(long version, ValueSnapshot? previous, ChangedIndicators? changed, CancellationToken cancellationToken) =>
            throw new NotSupportedException();
    }
}
