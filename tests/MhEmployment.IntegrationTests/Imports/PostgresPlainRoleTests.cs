using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using MhEmployment.IntegrationTests.Infrastructure;
using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Accounts;
using MhEmployment.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace MhEmployment.IntegrationTests.Imports;

/// <summary>
/// On PostgreSQL the merge checks foreign keys once per value only when the app's role may set
/// session_replication_role; a plain role (as a careful deployment uses) commits and undoes through the per-row
/// foreign-key triggers instead, with the same results.
/// </summary>
public abstract class PostgresPlainRoleTests : IAsyncLifetime, IDisposable
{
    private readonly CommitWatcher _watcher = new();
    private AppFactory _owner = null!;
    private AppFactory _app = null!;
    private string _role = null!;

    public async Task InitializeAsync()
    {
        var connection = await PostgresServer.CreateDatabaseAsync();
        _owner = new AppFactory(Provider.Postgres, connection);
        _owner.StartServer(); // migrates and seeds as the owner
        _role = "mhe_plain_" + Guid.NewGuid().ToString("N")[..8];
        await using (var admin = new NpgsqlConnection(connection))
        {
            await admin.OpenAsync();
            foreach (var sql in new[]
            {
                $"CREATE ROLE {_role} LOGIN",
                $"GRANT USAGE ON SCHEMA public TO {_role}",
                $"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {_role}",
                $"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {_role}",
            })
            {
                await using var command = new NpgsqlCommand(sql, admin);
                await command.ExecuteNonQueryAsync();
            }
        }
        var plain = new NpgsqlConnectionStringBuilder(connection) { Username = _role }.ConnectionString;
        _app = new AppFactory(Provider.Postgres, plain, new Dictionary<string, string> { ["Database:MigrateOnStart"] = "false" }, _watcher.AddTo);
        _app.StartServer();
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _owner.DisposeAsync();
    }

    public void Dispose()
    {
        _app.Dispose();
        _owner.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task APlainRole_CommitsChangesAndUndoes_ThroughTheForeignKeyTriggers()
    {
        await _app.CreateUserAsync(Accounts.EmailFor(Roles.Analyst), Accounts.PasswordFor(Roles.Analyst), Roles.Analyst);
        var api = await _app.ApiClientAsync(Accounts.EmailFor(Roles.Analyst));
        (await new ImportDatabase(Provider.Postgres, _app.ConnectionString).ScalarAsync(
                "SELECT current_setting('is_superuser') = 'on' OR has_parameter_privilege('session_replication_role', 'SET')"))
            .Should().Be(false, "this test is about a role that may not skip triggers");
        var folder = Directory.CreateTempSubdirectory("mhe-plain-").FullName;
        string File(string name, double hackney) => Write(folder, name,
            "indicator_key,area_code,period_label,period_start,period_end,sex,age_band,value,count,denominator\n" +
            $"depression-qof-prevalence,E09000012,2036/37,2036-04-01,2037-03-31,Persons,18+ yrs,{hackney},{hackney * 10},1000\n" +
            (name == "b.csv" ? "depression-qof-prevalence,E09000013,2036/37,2036-04-01,2037-03-31,Persons,18+ yrs,9.5,95,1000\n" : ""));

        var first = await api.UploadAndValidateAsync(File("a.csv", 12.5));
        (await api.CommitAsync(first.GetProperty("id").GetInt32())).GetProperty("status").GetString().Should().Be("committed");
        var second = await api.UploadAndValidateAsync(File("b.csv", 13.5));
        var seen = WatchStatuses();
        var committed = await api.CommitAsync(second.GetProperty("id").GetInt32());

        committed.GetProperty("status").GetString().Should().Be("committed", committed.ToString());
        await CommitWatcher.UntilAsync(() => seen.Contains((second.GetProperty("id").GetInt32(), ImportStatus.Committed)));
        // Possibly seen "ready" first: the look at the save that made it ready can come after the test has seen it.
        StatusesOf(seen, second.GetProperty("id").GetInt32()).SkipWhile(s => s == ImportStatus.Ready).Should().Equal([ImportStatus.Committing, ImportStatus.Committed],
            "once asked to commit, the import is committing until it is committed");
        (committed.GetProperty("newCount").GetInt64(), committed.GetProperty("changedCount").GetInt64()).Should().Be((1, 1));
        (await api.ValuesAsync("indicator=depression-qof-prevalence&area=E09000012&from=2036-04-01")).Single().GetProperty("value").GetDouble().Should().Be(13.5);

        (await api.PostAsync(new Uri($"/api/v1/imports/{second.GetProperty("id").GetInt32()}/undo", UriKind.Relative), null)).StatusCode.Should().Be(HttpStatusCode.OK);
        var restored = await api.ValuesAsync("indicator=depression-qof-prevalence&from=2036-04-01");
        restored.Should().ContainSingle().Which.GetProperty("value").GetDouble().Should().Be(12.5);
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task APlainRole_CommitsAnUploadWithoutAPreview_TheStagedWay()
    {
        await _app.CreateUserAsync(Accounts.EmailFor(Roles.Analyst), Accounts.PasswordFor(Roles.Analyst), Roles.Analyst);
        var api = await _app.ApiClientAsync(Accounts.EmailFor(Roles.Analyst));
        var folder = Directory.CreateTempSubdirectory("mhe-plain-").FullName;
        var path = Write(folder, "c.csv", "indicator_key,area_code,period_label,period_start,period_end,sex,age_band,value\n" +
            "depression-qof-prevalence,E09000012,2038/39,2038-04-01,2039-03-31,Persons,18+ yrs,11.5\n");

        var seen = WatchStatuses();
        var upload = await api.UploadAsync(path, commit: "true");
        upload.StatusCode.Should().Be(HttpStatusCode.Accepted, await upload.Content.ReadAsStringAsync());
        var id = (await upload.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetInt32();
        var committed = await api.WaitForAsync(id, "committed", "ready", "failed", "interrupted");

        committed.GetProperty("status").GetString().Should().Be("committed", committed.ToString());
        // Checked in one pass (refused: this role may not skip the triggers), then validated, then committed: a client
        // polling the status never sees it "ready" (waiting at a preview it does not have) on the way.
        await CommitWatcher.UntilAsync(() => seen.Contains((id, ImportStatus.Committed)));
        StatusesOf(seen, id).Should().Equal([ImportStatus.Validating, ImportStatus.Committing, ImportStatus.Validating, ImportStatus.Committing, ImportStatus.Committed]);
        committed.GetProperty("newCount").GetInt64().Should().Be(1);
        var audit = await _app.WithDbAsync(db => db.AuditEvents.Where(e => e.Action == AuditActions.ImportCommitted && e.Target!.StartsWith($"#{id} "))
            .Select(e => e.Details).SingleAsync());
        audit.Should().NotContain("one pass", "a role that may not skip the per-row triggers commits through staging and the merge");
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>From now on, each import's status each time a change of the app's can be seen (see <see cref="CommitWatcher"/>).</summary>
    private ConcurrentQueue<(int Id, ImportStatus Status)> WatchStatuses()
    {
        var seen = new ConcurrentQueue<(int, ImportStatus)>();
        _watcher.OnCommitted = () => _app.WithDbAsync(async db =>
        {
            foreach (var import in await db.Imports.AsNoTracking().Select(i => new { i.Id, i.Status }).ToListAsync())
            {
                seen.Enqueue((import.Id, import.Status));
            }
            return seen.Count;
        });
        return seen;
    }

    /// <summary>The statuses an import was seen in, in order, each once however long it stayed.</summary>
    private static List<ImportStatus> StatusesOf(ConcurrentQueue<(int Id, ImportStatus Status)> seen, int importId)
    {
        var statuses = new List<ImportStatus>();
        foreach (var (_, status) in seen.Where(s => s.Id == importId))
        {
            if (statuses.Count == 0 || statuses[^1] != status)
            {
                statuses.Add(status);
            }
        }
        return statuses;
    }

    private static string Write(string folder, string name, string content)
    {
        var path = Path.Combine(folder, name);
        System.IO.File.WriteAllText(path, content);
        return path;
    }
}

[Collection(HeavyImportsCollection.Name)]
public sealed class PlainRoleOnPostgres : PostgresPlainRoleTests;
