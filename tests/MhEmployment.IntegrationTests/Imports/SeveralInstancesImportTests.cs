using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MhEmployment.IntegrationTests.Infrastructure;
using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Accounts;
using MhEmployment.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace MhEmployment.IntegrationTests.Imports;

/// <summary>
/// Two app instances on one PostgreSQL database and one shared upload folder, as a scaled-out deployment runs them:
/// imports are claimed through the database, each by exactly one instance, and every instance shows their progress.
/// </summary>
[Collection(HeavyImportsCollection.Name)]
public sealed class SeveralInstancesImportTests : IAsyncLifetime, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("mhe-instances-").FullName;
    private AppFactory _a = null!;
    private AppFactory _b = null!;
    private HttpClient _onA = null!;
    private HttpClient _onB = null!;

    public async Task InitializeAsync()
    {
        var database = await PostgresServer.CreateDatabaseAsync();
        var shared = new Dictionary<string, string>
        {
            ["Imports:StoragePath"] = Path.Combine(_folder, "uploads"),
            ["Imports:PollSeconds"] = "0.2",
            // Renewed (with progress) every half second, so that a validation of seconds shows its progress elsewhere.
            ["Imports:LeaseSeconds"] = "3",
        };
        _a = new AppFactory(Provider.Postgres, database, shared);
        _a.StartServer(); // migrates; B then joins a running deployment
        _b = new AppFactory(Provider.Postgres, database, shared);
        _b.StartServer();
        await _a.CreateUserAsync(Accounts.EmailFor(Roles.Analyst), Accounts.PasswordFor(Roles.Analyst), Roles.Analyst);
        _onA = await _a.ApiClientAsync(Accounts.EmailFor(Roles.Analyst));
        _onB = await _b.ApiClientAsync(Accounts.EmailFor(Roles.Analyst));
    }

    public async Task DisposeAsync()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    public void Dispose()
    {
        _onA.Dispose();
        _onB.Dispose();
    }

    [Fact]
    public async Task ImportsUploadedAndCommittedThroughEitherInstance_AreEachCommittedExactlyOnce()
    {
        var ids = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            var path = Path.Combine(_folder, $"nomis-{i}.csv");
            await NomisFiles.WriteAsync(path, 2_000 + (500 * i), valueOffset: i);
            var (upload, commit) = i % 2 == 0 ? (_onA, _onB) : (_onB, _onA);
            var response = await upload.UploadAsync(path, mapping: NomisFiles.Mapping);
            response.StatusCode.Should().Be(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
            var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
            // The other instance sees it validated, and asks for the commit: the file is in the shared folder.
            (await commit.WaitForAsync(id, "ready", "failed")).GetProperty("status").GetString().Should().Be("ready");
            (await commit.PostAsync(new Uri($"/api/v1/imports/{id}/commit", UriKind.Relative), null)).StatusCode.Should().Be(HttpStatusCode.Accepted);
            ids.Add(id);
        }

        foreach (var id in ids)
        {
            (await _onA.WaitForAsync(id, "committed", "ready")).GetProperty("status").GetString().Should().Be("committed");
            (await _onB.WaitForAsync(id, "committed")).GetProperty("status").GetString().Should().Be("committed");
        }
        var commits = await _a.WithDbAsync(db => db.AuditEvents.Where(e => e.Action == AuditActions.ImportCommitted).Select(e => e.Target!).ToListAsync());
        commits.Should().HaveCount(ids.Count).And.OnlyHaveUniqueItems("each import is committed by one instance, once");
        (await _a.WithDbAsync(db => db.IndicatorValues.CountAsync())).Should().Be(3_500, "the largest file's rows, written once each");
        (await _a.WithDbAsync(db => db.ImportJobs.CountAsync())).Should().Be(0, "a job is removed when its work ends");
    }

    [Fact]
    public async Task WhileOneInstanceIsBusy_TheOtherRunsTheNextJob_AndShowsTheBusyOnesProgress()
    {
        var small = Path.Combine(_folder, "small.csv");
        await NomisFiles.WriteAsync(small, 1_000);
        var smallId = (await _onA.UploadAndValidateAsync(small, mapping: NomisFiles.Mapping)).GetProperty("id").GetInt32();
        var large = Path.Combine(_folder, "large.csv");
        await NomisFiles.WriteAsync(large, 300_000, valueOffset: 1);

        // Commits wait for each other at an advisory lock: held here, the instance that claims this commit is kept busy.
        await using var holder = new NpgsqlConnection(_a.ConnectionString);
        await holder.OpenAsync();
        await using (var hold = new NpgsqlCommand($"SELECT pg_advisory_lock({CommitLockKey})", holder))
        {
            await hold.ExecuteNonQueryAsync();
        }
        (await _onA.PostAsync(new Uri($"/api/v1/imports/{smallId}/commit", UriKind.Relative), null)).StatusCode.Should().Be(HttpStatusCode.Accepted);
        var busyId = await WaitForOwnerAsync(smallId, ImportJobKind.Commit);
        var (busy, idle, idleId) = busyId == InstanceId(_a) ? (_onA, _onB, InstanceId(_b)) : (_onB, _onA, InstanceId(_a));

        // Uploaded to the busy instance, whose worker runs one job at a time: the other checks the file.
        var upload = await busy.UploadAsync(large, mapping: NomisFiles.Mapping);
        upload.StatusCode.Should().Be(HttpStatusCode.Accepted);
        var largeId = (await upload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        (await WaitForOwnerAsync(largeId, ImportJobKind.Validate)).Should().Be(idleId);
        (await idle.WaitForAsync(largeId, TimeSpan.FromMinutes(3), "ready", "failed")).GetProperty("rowCount").GetInt64().Should().Be(300_000);

        // The commit waits at the lock on the busy instance: the idle one shows how far it has got from its job's lease.
        var seenOnIdle = await WaitForProgressAsync(idle, smallId);
        seenOnIdle.GetProperty("status").GetString().Should().Be("committing");
        seenOnIdle.GetProperty("progress").GetDouble().Should().BeInRange(0.01, 0.99, "the instance committing it writes its progress with its lease");

        await using (var release = new NpgsqlCommand($"SELECT pg_advisory_unlock({CommitLockKey})", holder))
        {
            await release.ExecuteNonQueryAsync();
        }
        (await idle.WaitForAsync(smallId, TimeSpan.FromSeconds(60), "committed", "ready")).GetProperty("status").GetString().Should().Be("committed");
    }

    [Fact]
    public async Task AnotherInstancesRunningJob_IsLeftAlone_UntilItsLeaseRunsOut()
    {
        var path = Path.Combine(_folder, "held.csv");
        await NomisFiles.WriteAsync(path, 100);
        var id = (await _onA.UploadAndValidateAsync(path, mapping: NomisFiles.Mapping)).GetProperty("id").GetInt32();
        // As an instance in the middle of committing it leaves the database, with a lease it keeps renewing.
        await _a.WithDbAsync(async db =>
        {
            await db.Imports.Where(i => i.Id == id).ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, ImportStatus.Committing));
            db.ImportJobs.Add(new ImportJob
            {
                ImportId = id, Kind = ImportJobKind.Commit, QueuedUtc = DateTime.UtcNow, Owner = "instance C", LeaseExpiresUtc = DateTime.UtcNow.AddMinutes(1),
            });
            return await db.SaveChangesAsync();
        });

        // A third instance starting, and the others' workers looking several times: none takes it for stopped.
        await using (var starting = new AppFactory(Provider.Postgres, _a.ConnectionString, new Dictionary<string, string> { ["Imports:PollSeconds"] = "0.2" }))
        {
            starting.StartServer();
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
        (await _onB.GetFromJsonAsync<JsonElement>($"/api/v1/imports/{id}")).GetProperty("status").GetString().Should().Be("committing");

        await _a.WithDbAsync(db => db.ImportJobs.Where(j => j.ImportId == id).ExecuteUpdateAsync(s => s.SetProperty(j => j.LeaseExpiresUtc, DateTime.UtcNow.AddSeconds(-1))));
        var interrupted = await _onB.WaitForAsync(id, TimeSpan.FromSeconds(10), "interrupted");

        interrupted.GetProperty("message").GetString().Should().Contain("stopped while committing");
        (await _a.WithDbAsync(db => db.ImportJobs.CountAsync(j => j.ImportId == id))).Should().Be(0);
        (await _onA.CommitAsync(id)).GetProperty("status").GetString().Should().Be("committed", "an interrupted import commits again");
    }

    /// <summary>PostgresImportStore's advisory lock key, which commits and undos take.</summary>
    private const long CommitLockKey = 0x4D48_454D_5049;

    private async Task<string> WaitForOwnerAsync(int importId, ImportJobKind kind)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var owner = await _a.WithDbAsync(db => db.ImportJobs.Where(j => j.ImportId == importId && j.Kind == kind).Select(j => j.Owner).FirstOrDefaultAsync());
            if (owner is not null)
            {
                return owner;
            }
            DateTime.UtcNow.Should().BeBefore(deadline, "an instance should have claimed the upload's validation");
            await Task.Delay(20);
        }
    }

    private static string InstanceId(AppFactory factory) => factory.Services.GetRequiredService<MhEmployment.Web.Infrastructure.AppInstance>().Id;

    /// <summary>The import as <paramref name="api"/> shows it once some progress is shown (or after a minute).</summary>
    private static async Task<JsonElement> WaitForProgressAsync(HttpClient api, int id)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var import = await api.GetFromJsonAsync<JsonElement>($"/api/v1/imports/{id}");
            if (import.GetProperty("progress").GetDouble() > 0 || DateTime.UtcNow > deadline)
            {
                return import;
            }
            await Task.Delay(100);
        }
    }
}
