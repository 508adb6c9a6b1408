using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MhEmployment.IntegrationTests.Infrastructure;
using MhEmployment.Web.Features.Accounts;

namespace MhEmployment.IntegrationTests.Imports;

/// <summary>Heavy import tests (a million rows, separate app processes): run alone, not beside other collections.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HeavyImportsCollection
{
    public const string Name = "Heavy imports";
}

/// <summary>
/// The app killed with SIGKILL in the middle of committing a 1,000,000-row NOMIS import, then started again: the commit
/// was one transaction, so none of the import's rows exist; the import shows as interrupted and commits again in full.
/// </summary>
public abstract class ImportCrashTests(Provider provider)
{
    private const int Rows = 1_000_000;

    [Fact]
    public async Task KilledMidCommit_LeavesNoneOfItsRows_ShowsInterrupted_AndCommitsAgainInFull()
    {
        var folder = Directory.CreateTempSubdirectory("mhe-crash-").FullName;
        try
        {
            var file = Path.Combine(folder, "nomis-1m.csv");
            await NomisFiles.WriteAsync(file, Rows);
            var storage = Path.Combine(folder, "storage");
            var connection = provider == Provider.Postgres ? await PostgresServer.CreateDatabaseAsync() : $"Data Source={Path.Combine(folder, "app.db")}";
            var database = new ImportDatabase(provider, connection);

            using (var app = AppProcess.Start(provider, connection, storage, "import", file, "--mapping", NomisFiles.Mapping, "--commit"))
            {
                await WaitUntilInsertingAsync(app);
                await app.KillAsync();
                app.Output.Should().NotContain("commit transaction", "the kill has to land before the commit's transaction ends:\n" + app.Output);
            }

            (await database.ScalarAsync("SELECT \"Status\" FROM \"Imports\"")).Should().Be("Committing");
            (await database.ValueCountAsync()).Should().Be(0, "the commit is one transaction, and it never ended");

            await using var restarted = new AppFactory(provider, connection, new Dictionary<string, string> { ["Imports:StoragePath"] = storage });
            restarted.StartServer();
            await restarted.CreateUserAsync(Accounts.EmailFor(Roles.Analyst), Accounts.PasswordFor(Roles.Analyst), Roles.Analyst);
            var api = await restarted.ApiClientAsync(Accounts.EmailFor(Roles.Analyst));
            var id = Convert.ToInt32(await database.ScalarAsync("SELECT \"Id\" FROM \"Imports\""), System.Globalization.CultureInfo.InvariantCulture);

            var interrupted = await api.GetFromJsonAsync<JsonElement>($"/api/v1/imports/{id}");
            interrupted.GetProperty("status").GetString().Should().Be("interrupted", interrupted.ToString());
            interrupted.GetProperty("message").GetString().Should().Contain("stopped while committing").And.Contain("Nothing of it was written");
            (await database.ValueCountAsync()).Should().Be(0);

            var commit = await api.PostAsync(new Uri($"/api/v1/imports/{id}/commit", UriKind.Relative), null);
            commit.StatusCode.Should().Be(HttpStatusCode.Accepted, await commit.Content.ReadAsStringAsync());
            var committed = await api.WaitForAsync(id, TimeSpan.FromMinutes(5), "committed", "ready");

            committed.GetProperty("status").GetString().Should().Be("committed", committed.ToString());
            committed.GetProperty("newCount").GetInt64().Should().Be(Rows);
            (await database.ValueCountAsync()).Should().Be(Rows);
            (await database.CountAsync($"SELECT COUNT(*) FROM \"IndicatorValues\" WHERE \"ImportId\" = {id}")).Should().Be(Rows);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>
    /// Until the commit is inserting the new values: the app logs each step of the merge as it ends, and the insert
    /// follows "update changed". A few hundred milliseconds into it, the transaction is well under way.
    /// </summary>
    private static async Task WaitUntilInsertingAsync(AppProcess app)
    {
        var waited = Stopwatch.StartNew();
        while (!app.Output.Contains("merge: update changed", StringComparison.Ordinal))
        {
            app.HasExited.Should().BeFalse("the import should still be running:\n" + app.Output);
            waited.Elapsed.Should().BeLessThan(TimeSpan.FromMinutes(5), "validation of a million rows took too long:\n" + app.Output);
            await Task.Delay(20);
        }
        await Task.Delay(300);
    }
}

[Collection(HeavyImportsCollection.Name)]
public sealed class ImportCrashOnSqlite() : ImportCrashTests(Provider.Sqlite);

[Collection(HeavyImportsCollection.Name)]
public sealed class ImportCrashOnPostgres() : ImportCrashTests(Provider.Postgres);
