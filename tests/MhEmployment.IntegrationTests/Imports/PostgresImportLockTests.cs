using System.Net;
using MhEmployment.IntegrationTests.Infrastructure;
using MhEmployment.Web.Features.Accounts;
using MhEmployment.Web.Features.Imports.Stores.Postgres;
using Npgsql;

namespace MhEmployment.IntegrationTests.Imports;

/// <summary>
/// On PostgreSQL a commit waits for any other commit or undo (their advisory lock) as long as that takes: a long
/// commit ahead of it, on a loaded machine, must not make it fail when its wait outlasts the command timeout.
/// </summary>
public sealed class PostgresImportLockTests
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task ACommitWaitingLongerThanTheCommandTimeoutForAnotherToFinish_StillCommits()
    {
        var connection = await PostgresServer.CreateDatabaseAsync();
        var shortTimeout = new NpgsqlConnectionStringBuilder(connection) { CommandTimeout = (int)CommandTimeout.TotalSeconds }.ConnectionString;
        await using var app = new AppFactory(Provider.Postgres, shortTimeout);
        app.StartServer();
        await app.CreateUserAsync(Accounts.EmailFor(Roles.Analyst), Accounts.PasswordFor(Roles.Analyst), Roles.Analyst);
        using var api = await app.ApiClientAsync(Accounts.EmailFor(Roles.Analyst));
        var folder = Directory.CreateTempSubdirectory("mhe-lock-").FullName;
        var path = Path.Combine(folder, "wait.csv");
        await File.WriteAllTextAsync(path, "indicator_key,area_code,period_label,period_start,period_end,sex,age_band,value\n" +
            "depression-qof-prevalence,E09000012,2040/41,2040-04-01,2041-03-31,Persons,18+ yrs,10.5\n");
        var id = (await api.UploadAndValidateAsync(path)).GetProperty("id").GetInt32();

        await using (var other = new NpgsqlConnection(connection))
        {
            // Another instance's commit, holding the import lock for longer than the command timeout.
            await other.OpenAsync();
            await using var ahead = await other.BeginTransactionAsync();
            await using (var take = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({PostgresImportStore.ImportLockKey})", other, ahead))
            {
                await take.ExecuteNonQueryAsync();
            }
            (await api.PostAsync(new Uri($"/api/v1/imports/{id}/commit", UriKind.Relative), null)).StatusCode.Should().Be(HttpStatusCode.Accepted);
            await WaitUntilWaitingForTheLockAsync(other);
            await Task.Delay(CommandTimeout * 2); // the commit ahead goes on, and this one keeps waiting
            await ahead.CommitAsync();
        }
        var committed = await api.WaitForAsync(id, "committed", "ready");

        committed.GetProperty("status").GetString().Should().Be("committed", committed.ToString());
        (await api.ValuesAsync("indicator=depression-qof-prevalence&from=2040-04-01")).Should().ContainSingle();
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>Until the app's commit is queued behind the lock (PostgreSQL lists its request as not granted).</summary>
    private static async Task WaitUntilWaitingForTheLockAsync(NpgsqlConnection other)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            await using var waiting = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database()))", other);
            if (await waiting.ExecuteScalarAsync() is true)
            {
                return;
            }
            DateTime.UtcNow.Should().BeBefore(deadline, "the commit should have asked for the import lock");
            await Task.Delay(50);
        }
    }
}
