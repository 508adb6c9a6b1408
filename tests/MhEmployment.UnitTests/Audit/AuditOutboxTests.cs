using MhEmployment.Tests;
using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Audit;
using MhEmployment.Web.Infrastructure;

namespace MhEmployment.UnitTests.Audit;

/// <summary>The outbox file, the rule that keeps a move from writing an entry twice, and the long-write scope (ADR 0021).</summary>
public sealed class AuditOutboxTests
{
    private static readonly DateTime At = new DateTime(2026, 12, 7, 9, 30, 0, DateTimeKind.Utc).AddTicks(1234567);

    private static AuditEvent Entry(DateTime at, string action = AuditActions.SummaryExported, string? target = "E09000012", string? details = "CSV") =>
        new() { OccurredUtc = at, Actor = "officer@example.org", Action = action, Target = target, Details = details };

    private static string NewDatabasePath() => Path.Combine(TestScratch.Folder, $"outbox-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task Outbox_KeepsEveryField_ToTheTick_InTheOrderAdded_AndForgetsThroughTheLastMoved()
    {
        var outbox = AuditOutbox.Beside($"Data Source={NewDatabasePath()}");
        var first = new AuditEvent
        {
            OccurredUtc = At, ActorUserId = "u1", Actor = "officer@example.org", IpAddress = "10.0.0.1", Action = AuditActions.SummaryExported, Target = "E09000012", Details = "CSV",
        };
        await outbox.AddAsync([first], CancellationToken.None);
        await outbox.AddAsync([Entry(At.AddSeconds(-1), AuditActions.BulkExportDownloaded, target: null, details: null)], CancellationToken.None);
        await outbox.AddAsync([Entry(At.AddSeconds(1))], CancellationToken.None);

        var read = await outbox.ReadAsync(2, CancellationToken.None);

        read.Should().HaveCount(2);
        read[0].Event.Should().BeEquivalentTo(first);
        read[0].Event.OccurredUtc.Kind.Should().Be(DateTimeKind.Utc);
        read[1].Event.Target.Should().BeNull();
        read[1].Event.Details.Should().BeNull();
        await outbox.DeleteThroughAsync(read[^1].Id, CancellationToken.None);
        (await outbox.CountAsync(CancellationToken.None)).Should().Be(1);
        (await outbox.ReadAsync(10, CancellationToken.None)).Single().Event.OccurredUtc.Should().Be(At.AddSeconds(1));
    }

    [Fact]
    public async Task Outbox_IsAFileBesideTheDatabase_MadeOnlyWhenAnEntryIsAdded()
    {
        var database = NewDatabasePath();
        var outbox = AuditOutbox.Beside($"Data Source={database};Cache=Shared");

        outbox.Path.Should().Be(database + ".audit-outbox");
        (await outbox.CountAsync(CancellationToken.None)).Should().Be(0);
        (await outbox.ReadAsync(10, CancellationToken.None)).Should().BeEmpty();
        File.Exists(outbox.Path).Should().BeFalse("looking does not make the file");
        await outbox.AddAsync([Entry(At)], CancellationToken.None);
        File.Exists(outbox.Path).Should().BeTrue();
    }

    [Theory]
    [InlineData("Data Source=:memory:")]
    [InlineData("Data Source=test;Mode=Memory;Cache=Shared")]
    public void Outbox_OfAnInMemoryDatabase_IsOff(string connectionString) =>
        AuditOutbox.Beside(connectionString).Enabled.Should().BeFalse();

    [Fact]
    public void NotYetWritten_SkipsEntriesAlreadyStored_AsAfterACrashBetweenTheWriteAndTheDelete()
    {
        var waiting = new[] { new OutboxEntry(1, Entry(At)), new OutboxEntry(2, Entry(At.AddTicks(1))) };

        AuditOutboxEntries.NotYetWritten(waiting, waiting.Select(e => AuditEntryKey.Of(e.Event))).Should().BeEmpty();
        AuditOutboxEntries.NotYetWritten(waiting, []).Should().HaveCount(2);
    }

    [Fact]
    public void NotYetWritten_TellsEntriesApartByEveryPartOfTheKey()
    {
        var stored = AuditEntryKey.Of(Entry(At));
        var waiting = new[]
        {
            Entry(At.AddTicks(1)), Entry(At, AuditActions.BulkExportDownloaded), Entry(At, target: "E09000004"), Entry(At, details: "PDF"), Entry(At, target: null),
            new AuditEvent { OccurredUtc = At, Actor = "someone.else@example.org", Action = AuditActions.SummaryExported, Target = "E09000012", Details = "CSV" },
        }.Select((e, i) => new OutboxEntry(i + 1, e)).ToList();

        AuditOutboxEntries.NotYetWritten(waiting, [stored]).Should().HaveCount(waiting.Count);
    }

    [Fact]
    public void NotYetWritten_KeepsTwoIdenticalEntries_WhenOnlyOneIsStored_OldestFirst()
    {
        var waiting = new[] { new OutboxEntry(3, Entry(At.AddSeconds(5))), new OutboxEntry(1, Entry(At)), new OutboxEntry(2, Entry(At)) };

        var fresh = AuditOutboxEntries.NotYetWritten(waiting, [AuditEntryKey.Of(Entry(At))]);

        fresh.Select(e => e.OccurredUtc).Should().Equal(At, At.AddSeconds(5));
    }

    [Fact]
    public async Task LongWrites_RunWhileAnyScopeIsOpen_AndWakeTheWaiterWhenTheLastEnds()
    {
        var longWrites = new SqliteLongWrites(enabled: true);
        var outer = longWrites.Enter();
        var inner = longWrites.Enter();
        var ended = longWrites.WaitForEndAsync(TimeSpan.FromSeconds(30), CancellationToken.None);

        inner.Dispose();
        inner.Dispose(); // twice counts once
        longWrites.Running.Should().BeTrue();
        ended.IsCompleted.Should().BeFalse();
        outer.Dispose();

        longWrites.Running.Should().BeFalse();
        (await Task.WhenAny(ended, Task.Delay(TimeSpan.FromSeconds(5)))).Should().BeSameAs(ended, "the end wakes the mover at once");
    }

    [Fact]
    public void LongWrites_Off_NeverRun()
    {
        var longWrites = new SqliteLongWrites(enabled: false);

        using (longWrites.Enter())
        {
            longWrites.Running.Should().BeFalse();
        }
    }
}
