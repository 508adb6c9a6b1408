using System.Net;
using MhEmployment.IntegrationTests.Infrastructure;
using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Accounts;
using MhEmployment.Web.Features.Audit;
using MhEmployment.Web.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MhEmployment.IntegrationTests.Exports;

/// <summary>
/// Downloads are not held up by an import's long write on SQLite (ADR 0021): their audit entries wait in the outbox
/// and reach the audit log, once each, when it ends.
/// </summary>
public abstract class AuditOutboxTests(Provider provider) : IAsyncLifetime
{
    private const string HackneyCsv = "/api/v1/areas/E09000012/summary.csv";

    private AppFactory _factory = null!;

    public async Task InitializeAsync()
    {
        _factory = await AppFactory.CreateAsync(provider);
        _factory.StartServer();
        await _factory.CreateUserAsync(Accounts.EmailFor(Roles.Officer), Accounts.PasswordFor(Roles.Officer), Roles.Officer);
        await _factory.CreateUserAsync(Accounts.EmailFor(Roles.Admin), Accounts.PasswordFor(Roles.Admin), Roles.Admin);
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Export_WhileALongWriteHoldsTheDatabase_AnswersAtOnce_AndIsAuditedOnceWhenItEnds()
    {
        var officer = await _factory.ApiClientAsync(Accounts.EmailFor(Roles.Officer)); // its first call would record the token's use
        var admin = await _factory.SignedInClientAsync(Accounts.EmailFor(Roles.Admin), Accounts.PasswordFor(Roles.Admin));
        var longWrites = _factory.Services.GetRequiredService<SqliteLongWrites>();

        HttpResponseMessage response;
        string auditPage;
        using (var longWrite = longWrites.Enter())
        await using (var held = await HoldWriteLockAsync())
        {
            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(10)); // the lock is held longer: a write would wait for it
            response = await officer.GetAsync(HackneyCsv, patience.Token);
            auditPage = await admin.GetStringAsync("/Admin/Audit", patience.Token);
            (await ExportEntriesAsync()).Should().Be(0, "the entry waits in the outbox while the database is held");
        }

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        auditPage.Should().Contain("1 entry is waiting to be written while an import is being committed");
        await WaitUntilAsync(async () => await ExportEntriesAsync() == 1, TimeSpan.FromSeconds(20));
        (await _factory.Services.GetRequiredService<AuditOutbox>().CountAsync(CancellationToken.None)).Should().Be(0);
        await Task.Delay(AuditOutboxMover.Backstop + TimeSpan.FromSeconds(1)); // another look by the mover writes nothing more
        (await ExportEntriesAsync()).Should().Be(1);
        var entry = await _factory.WithDbAsync(db => db.AuditEvents.AsNoTracking().SingleAsync(e => e.Action == AuditActions.SummaryExported));
        entry.Actor.Should().Be(Accounts.EmailFor(Roles.Officer));
        entry.Target.Should().Be("E09000012");
    }

    /// <summary>
    /// A long write can take the database between a request's look at whether one runs and its write: the write then
    /// waits briefly, not for the whole command timeout (30 s, then a 500), and goes around it. Here another connection
    /// holds the lock and no long write is known, which is what the request finds in that moment.
    /// </summary>
    [Fact]
    public async Task ExportThroughANewToken_WhenTheDatabaseIsTakenUnannounced_AnswersWithinSeconds_AndRecordsUseAndEntryAfterwards()
    {
        var officer = await _factory.ApiClientAsync(Accounts.EmailFor(Roles.Officer)); // never used: its first call records its use

        HttpResponseMessage response;
        var waited = System.Diagnostics.Stopwatch.StartNew();
        await using (var held = await HoldWriteLockAsync())
        {
            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            response = await officer.GetAsync(HackneyCsv, patience.Token);
            waited.Stop();
            (await ExportEntriesAsync()).Should().Be(0);
        }

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        waited.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10), "the token's use and the audit entry each wait 2 s at most");
        (await LastUsedAsync()).Should().BeNull("the use could not be recorded while the database was held");
        await WaitUntilAsync(async () => await ExportEntriesAsync() == 1, TimeSpan.FromSeconds(20));
        (await officer.GetAsync("/api/v1/areas/E09000012/profile")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await LastUsedAsync()).Should().NotBeNull("the next call records the use");
    }

    /// <summary>
    /// After an import the mover writes the outbox's entries in batches that take the lock one after another; a download
    /// meanwhile goes to the outbox rather than wait for a gap between them, and is moved by the next look.
    /// </summary>
    [Fact]
    public async Task Export_WhileTheOutboxIsBeingEmptied_JoinsIt_AndIsMovedByTheNextLook()
    {
        var officer = await _factory.ApiClientAsync(Accounts.EmailFor(Roles.Officer));
        (await officer.GetAsync("/api/v1/areas/E09000012/profile")).StatusCode.Should().Be(HttpStatusCode.OK); // the token's first use recorded
        var outbox = _factory.Services.GetRequiredService<AuditOutbox>();

        using (outbox.BeginDraining()) // as the mover marks its move; the app's own mover waits for it to end
        {
            (await officer.GetAsync(HackneyCsv)).StatusCode.Should().Be(HttpStatusCode.OK);
            (await outbox.CountAsync(CancellationToken.None)).Should().Be(1);
            (await ExportEntriesAsync()).Should().Be(0);
        }

        await WaitUntilAsync(async () => await ExportEntriesAsync() == 1, TimeSpan.FromSeconds(20));
        (await outbox.CountAsync(CancellationToken.None)).Should().Be(0);
    }

    /// <summary>
    /// A batch of entries is saved in a transaction, whose BEGIN Microsoft.Data.Sqlite retries under the connection's
    /// own timeout (30 s), not EF's: a batch that looked just before an import took the lock once waited out the
    /// import's whole write, and every download behind it with it.
    /// </summary>
    [Fact]
    public async Task SaveOfABatch_WhenTheDatabaseIsTakenUnannounced_GivesUpWithinSeconds_WithNothingSaved()
    {
        var longWrites = _factory.Services.GetRequiredService<SqliteLongWrites>();
        bool saved;
        var waited = System.Diagnostics.Stopwatch.StartNew();
        await using (var held = await HoldWriteLockAsync())
        {
            saved = await _factory.WithDbAsync(async db =>
            {
                db.AuditEvents.AddRange(Enumerable.Range(0, 3).Select(i => new AuditEvent
                {
                    OccurredUtc = DateTime.UtcNow, Actor = "officer@example.org", Action = AuditActions.SummaryExported, Target = $"batch {i}",
                }));
                return await longWrites.TrySaveAroundAsync(db, CancellationToken.None);
            });
            waited.Stop();
        }

        saved.Should().BeFalse();
        waited.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10), "the save waits 2 s at most, not SQLite's 30 s timeout");
        (await ExportEntriesAsync()).Should().Be(0);
    }

    /// <summary>
    /// An import announces its long write before it takes the lock, and waits for the short writes already under way:
    /// a batch that had looked a moment before (no long write yet) and is waiting for the lock is saved, not left
    /// waiting behind the import's whole write with every download behind it. Here the batch waits for another
    /// connection, which lets go while the import is announcing itself. The save and the import run on threads of their
    /// own, as in the app, so that their blocking waits leave the test's timing alone.
    /// </summary>
    [Fact]
    public async Task LongWrite_AnnouncedWhileASaveWaitsForTheLock_WaitsForThatSave_WhichIsKept()
    {
        var longWrites = _factory.Services.GetRequiredService<SqliteLongWrites>();
        Task<bool> save;
        Task<bool> enter;
        await using (var held = await HoldWriteLockAsync())
        {
            save = OwnThread.RunAsync(() => SaveThreeEntries(longWrites), CancellationToken.None);
            await Task.Delay(200); // the save is under way, in its first second's try for the lock
            enter = OwnThread.RunAsync(() =>
            {
                using var longWrite = longWrites.Enter();
                return save.IsCompleted; // where the import would take the lock
            }, CancellationToken.None);
            await Task.Delay(200);
            enter.IsCompleted.Should().BeFalse("the long write waits for the save under way");
        }

        (await enter).Should().BeTrue("Enter returns once the save has ended");
        (await save).Should().BeTrue("the lock was let go within the save's first try");
        (await ExportEntriesAsync()).Should().Be(3);
    }

    private bool SaveThreeEntries(SqliteLongWrites longWrites) => _factory.WithDbAsync(db =>
    {
        db.AuditEvents.AddRange(Enumerable.Range(0, 3).Select(i => new AuditEvent
        {
            OccurredUtc = DateTime.UtcNow, Actor = "officer@example.org", Action = AuditActions.SummaryExported, Target = $"batch {i}",
        }));
        return longWrites.TrySaveAroundAsync(db, CancellationToken.None);
    }).GetAwaiter().GetResult();

    private Task<DateTime?> LastUsedAsync() =>
        _factory.WithDbAsync(db => db.ApiTokens.AsNoTracking().Where(t => t.Name == "tests").Select(t => t.LastUsedUtc).SingleAsync());

    [Fact]
    public async Task Move_RunAgainOverTheSameEntries_AsAfterACrashBeforeTheyWereDeleted_WritesEachOnce()
    {
        var outbox = _factory.Services.GetRequiredService<AuditOutbox>();
        var mover = _factory.Services.GetServices<IHostedService>().OfType<AuditOutboxMover>().Single();
        var at = new DateTime(2026, 12, 7, 9, 30, 15, DateTimeKind.Utc).AddTicks(1234567);
        AuditEvent[] entries =
        [
            new() { OccurredUtc = at, Actor = "officer@example.org", ActorUserId = "u1", IpAddress = "10.0.0.1", Action = AuditActions.SummaryExported, Target = "E09000012", Details = "CSV" },
            new() { OccurredUtc = at.AddTicks(1), Actor = "officer@example.org", Action = AuditActions.BulkExportDownloaded, Target = "export 7" },
        ];

        foreach (var entry in entries)
        {
            await outbox.AddAsync([entry], CancellationToken.None);
        }
        await mover.MoveAsync(CancellationToken.None);
        foreach (var entry in entries) // the same batch still waiting, as if the process had died before deleting it
        {
            await outbox.AddAsync([entry], CancellationToken.None);
        }
        await mover.MoveAsync(CancellationToken.None);

        var stored = await _factory.WithDbAsync(db => db.AuditEvents.AsNoTracking()
            .Where(e => e.Action == AuditActions.SummaryExported || e.Action == AuditActions.BulkExportDownloaded).OrderBy(e => e.OccurredUtc).ToListAsync());
        stored.Select(e => (e.OccurredUtc.Ticks, e.Action, e.Target, e.Details, e.IpAddress, e.ActorUserId))
            .Should().Equal(entries.Select(e => (e.OccurredUtc.Ticks, e.Action, e.Target, e.Details, e.IpAddress, e.ActorUserId)));
        (await outbox.CountAsync(CancellationToken.None)).Should().Be(0);
    }

    [Fact]
    public async Task Move_OfABacklogOfSeveralBatches_WritesEveryEntryOnce_AndEmptiesTheOutbox()
    {
        var outbox = _factory.Services.GetRequiredService<AuditOutbox>();
        var mover = _factory.Services.GetServices<IHostedService>().OfType<AuditOutboxMover>().Single();
        var at = new DateTime(2026, 12, 7, 9, 0, 0, DateTimeKind.Utc);
        int moved;
        using (outbox.BeginDraining()) // the app's own mover does not look meanwhile
        {
            await outbox.AddAsync([.. Enumerable.Range(0, 1_200).Select(i => new AuditEvent
            {
                OccurredUtc = at.AddMilliseconds(i), Actor = "officer@example.org", Action = AuditActions.SummaryExported, Target = $"E0900{i:0000}",
            })], CancellationToken.None);
            moved = await mover.MoveAsync(CancellationToken.None); // 500, 500, then 200: the short batch ends the move
        }

        moved.Should().Be(1_200);
        (await ExportEntriesAsync()).Should().Be(1_200);
        (await outbox.CountAsync(CancellationToken.None)).Should().Be(0);
        outbox.Draining.Should().BeFalse();
    }

    private Task<int> ExportEntriesAsync() =>
        _factory.WithDbAsync(db => db.AuditEvents.AsNoTracking().CountAsync(e => e.Action == AuditActions.SummaryExported));

    /// <summary>SQLite's write lock, taken as a long commit takes it, on a connection of the test's own.</summary>
    private async Task<SqliteConnection> HoldWriteLockAsync()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder(_factory.ConnectionString) { Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var begin = connection.CreateCommand();
        begin.CommandText = "BEGIN IMMEDIATE";
        await begin.ExecuteNonQueryAsync();
        return connection; // disposed: rolled back, the lock released
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (!await condition())
        {
            DateTime.UtcNow.Should().BeBefore(deadline, "the waiting entry should reach the audit log once the long write ends");
            await Task.Delay(200);
        }
    }
}

public sealed class AuditOutboxTestsOnSqlite() : AuditOutboxTests(Provider.Sqlite);
