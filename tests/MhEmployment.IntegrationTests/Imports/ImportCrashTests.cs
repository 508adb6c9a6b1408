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
/// The app killed with SIGKILL in the middle of committing a 1,000,000-row NOMIS import: the commit was one transaction,
/// so none of the import's rows exist; another instance marks the import interrupted once the killed one's lease has
/// run out, and it commits again in full. On PostgreSQL the other instance runs all along, as in a scaled-out
/// deployment, and leaves the running commit alone while its lease is renewed; on SQLite (one instance) the app starts
/// again after the kill.
/// The command line's --commit writes a file of new values in one pass; with some of its keys stored already, it
/// validates and stages the file first and merges it after: both ways are killed.
/// </summary>
public abstract partial class ImportCrashTests(Provider provider)
{
    private const int Rows = 1_000_000;

    [Theory]
    [InlineData(0)]
    [InlineData(100)]
    public async Task KilledMidCommit_LeavesNoneOfItsRows_ShowsInterrupted_AndCommitsAgainInFull(int storedBefore)
    {
        var folder = Directory.CreateTempSubdirectory("mhe-crash-").FullName;
        try
        {
            var file = Path.Combine(folder, "nomis-1m.csv");
            await NomisFiles.WriteAsync(file, Rows);
            var storage = Path.Combine(folder, "storage");
            var connection = provider == Provider.Postgres ? await PostgresServer.CreateDatabaseAsync() : $"Data Source={Path.Combine(folder, "app.db")}";
            var database = new ImportDatabase(provider, connection);
            if (storedBefore > 0)
            {
                var first = Path.Combine(folder, "first-rows.csv");
                await NomisFiles.WriteAsync(first, storedBefore);
                using var earlier = AppProcess.Start(provider, connection, storage, "import", first, "--mapping", NomisFiles.Mapping, "--commit");
                (await earlier.WaitForExitAsync(TimeSpan.FromMinutes(2))).Should().Be(0, earlier.Output);
            }

            var settings = new Dictionary<string, string> { ["Imports:StoragePath"] = storage, ["Imports:PollSeconds"] = "0.5" };
            await using var other = new AppFactory(provider, connection, settings);
            if (provider == Provider.Postgres)
            {
                other.StartServer();
            }
            const string Last = "SELECT MAX(\"Id\") FROM \"Imports\"";
            // Its job is taken for stopped once its lease runs out after the kill: seconds, not the default half minute.
            var shortLease = new Dictionary<string, string> { ["Imports__LeaseSeconds"] = "5" };
            using (var app = AppProcess.StartWith(provider, connection, storage, shortLease, "import", file, "--mapping", NomisFiles.Mapping, "--commit"))
            {
                await (storedBefore == 0 ? WaitUntilWritingInOnePassAsync(app) : WaitUntilMergingAsync(app));
                (await database.ScalarAsync($"SELECT \"Status\" FROM \"Imports\" WHERE \"Id\" = ({Last})")).Should().Be("Committing",
                    "an instance whose lease is renewed is never taken for stopped");
                await app.KillAsync();
                app.Output.Should().NotContain("commit transaction", "the kill has to land before the commit's transaction ends:\n" + app.Output);
            }

            (await database.ValueCountAsync()).Should().Be(storedBefore, "the commit is one transaction, and it never ended");

            other.StartServer(); // on SQLite, the app started again
            await other.CreateUserAsync(Accounts.EmailFor(Roles.Analyst), Accounts.PasswordFor(Roles.Analyst), Roles.Analyst);
            var api = await other.ApiClientAsync(Accounts.EmailFor(Roles.Analyst));
            var id = Convert.ToInt32(await database.ScalarAsync(Last), System.Globalization.CultureInfo.InvariantCulture);

            // The killed process's job is taken for stopped once its lease (5 s) has run out.
            var interrupted = await api.WaitForAsync(id, TimeSpan.FromSeconds(30), "interrupted");
            interrupted.GetProperty("message").GetString().Should().Contain("stopped while committing").And.Contain("Nothing of it was written");
            (await database.ValueCountAsync()).Should().Be(storedBefore);

            var commit = await api.PostAsync(new Uri($"/api/v1/imports/{id}/commit", UriKind.Relative), null);
            commit.StatusCode.Should().Be(HttpStatusCode.Accepted, await commit.Content.ReadAsStringAsync());
            var committed = await api.WaitForAsync(id, TimeSpan.FromMinutes(5), "committed", "ready");

            committed.GetProperty("status").GetString().Should().Be("committed", committed.ToString());
            committed.GetProperty("newCount").GetInt64().Should().Be(Rows - storedBefore);
            committed.GetProperty("unchangedCount").GetInt64().Should().Be(storedBefore);
            (await database.ValueCountAsync()).Should().Be(Rows);
            (await database.CountAsync($"SELECT COUNT(*) FROM \"IndicatorValues\" WHERE \"ImportId\" = {id}")).Should().Be(Rows - storedBefore);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>
    /// Until the one pass is a tenth of the way through the file: the app logs its start, and the command line prints
    /// its progress twice a second. By then the transaction has written tens of thousands of rows, and most of the pass
    /// is still to come: at a third, a fast run (objects up to 16 MB in generation 0, ADR 0023) once committed before
    /// the kill landed.
    /// </summary>
    private static Task WaitUntilWritingInOnePassAsync(AppProcess app) => WaitForAsync(app, output =>
        output.Contains("writing its values in one pass", StringComparison.Ordinal)
        && Progress().Matches(output) is { Count: > 0 } matches && int.Parse(matches[^1].Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) >= 10);

    /// <summary>
    /// Until the commit is inserting the new values: the app logs each step of the merge as it ends, and the insert
    /// follows "update changed". A few hundred milliseconds into it, the transaction is well under way.
    /// </summary>
    private static async Task WaitUntilMergingAsync(AppProcess app)
    {
        await WaitForAsync(app, output => output.Contains("merge: update changed", StringComparison.Ordinal));
        await Task.Delay(300);
    }

    private static async Task WaitForAsync(AppProcess app, Func<string, bool> reached)
    {
        var waited = Stopwatch.StartNew();
        while (!reached(app.Output))
        {
            app.HasExited.Should().BeFalse("the import should still be running:\n" + app.Output);
            waited.Elapsed.Should().BeLessThan(TimeSpan.FromMinutes(5), "validation of a million rows took too long:\n" + app.Output);
            await Task.Delay(20);
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"Importing: (\d+) %")]
    private static partial System.Text.RegularExpressions.Regex Progress();
}

[Collection(HeavyImportsCollection.Name)]
public sealed class ImportCrashOnSqlite() : ImportCrashTests(Provider.Sqlite);

[Collection(HeavyImportsCollection.Name)]
public sealed class ImportCrashOnPostgres() : ImportCrashTests(Provider.Postgres);
