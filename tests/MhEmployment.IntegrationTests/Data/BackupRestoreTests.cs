using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using MhEmployment.IntegrationTests.Exports;
using MhEmployment.IntegrationTests.Infrastructure;
using MhEmployment.Web.Data;
using MhEmployment.Web.Features.Accounts;
using MhEmployment.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace MhEmployment.IntegrationTests.Data;

/// <summary>
/// Backup and restore as docs/operations.md tells an operator to do them, on a database filled through the app (an
/// import committed with values, rated assets, priorities, a RAG analysis, accounts and their audit): the restored
/// database holds every row of every table, and an app started on it serves them and signs its people in.
/// </summary>
public abstract class BackupRestoreTests(ExportsFixture fixture) : IDisposable
{
    protected static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    protected ExportsFixture Fixture { get; } = fixture;

    protected string Folder { get; } = Directory.CreateTempSubdirectory("mhe-backup-").FullName;

    public void Dispose()
    {
        Directory.Delete(Folder, recursive: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Backs the running app's database up and restores it as the docs say; returns the restored database's connection string.</summary>
    protected abstract Task<string> BackUpAndRestoreAsync();

    [Fact]
    public async Task BackupOfTheRunningApp_RestoresEveryRowOfEveryTable_AndTheAppServesThem()
    {
        var original = await Fixture.Factory.WithDbAsync(TablesAsync);

        var restoredDatabase = await BackUpAndRestoreAsync();

        await using var restored = new AppFactory(Fixture.Factory.Provider, restoredDatabase);
        restored.StartServer();
        var tables = await restored.WithDbAsync(TablesAsync);
        tables.Keys.Should().BeEquivalentTo(original.Keys);
        foreach (var (table, rows) in original)
        {
            tables[table].Should().Equal(rows, $"table {table} should come back row for row");
        }
        string[] filled = ["IndicatorValues", "Imports", "Assets", "RagAnalysisRatings", "Priorities", "AspNetUsers", "AspNetUserRoles", "AuditEvents"];
        filled.Should().OnlyContain(table => original[table].Count > 0, "the fixture filled these through the app");

        await restored.WithDbAsync(async db =>
        {
            var hackney = await db.IndicatorValues.SingleAsync(v => v.Indicator!.Key == ExportsFixture.Ni173 && v.AreaCode == ExportsFixture.Hackney && v.PeriodLabel == "2022/23");
            hackney.Count.Should().Be(500);
            hackney.Denominator.Should().Be(20_000);
            var rated = await db.Assets.SingleAsync(a => a.Name == "Hackney vocational-rehabilitation");
            rated.Should().BeEquivalentTo(new { Rating = 2, RatingRationale = "Agreed at the board" });
            (await db.Priorities.Select(p => p.Description).ToListAsync()).Should().BeEquivalentTo(ExportsFixture.Formula, "Keep the IPS service");
            (await db.AuditEvents.CountAsync(e => e.Action == AuditActions.AssetRated)).Should().Be(2);
            return 0;
        });
        // An account signs in with its password, and the app shows what the restored database holds.
        await restored.SignedInClientAsync(Accounts.EmailFor(Roles.Officer), Accounts.PasswordFor(Roles.Officer));
        using var api = await restored.ApiClientAsync(Accounts.EmailFor(Roles.Officer));
        var summary = await api.GetFromJsonAsync<JsonElement>($"/api/v1/areas/{ExportsFixture.Hackney}/summary");
        var area = summary.GetProperty("areas")[0];
        area.GetProperty("priorities").EnumerateArray().Select(p => p.GetProperty("description").GetString())
            .Should().BeEquivalentTo(ExportsFixture.Formula, "Keep the IPS service");
        area.GetProperty("rag").GetProperty("ratings")[0].GetProperty("rationale").GetString().Should().Be("Commissioned to 2028");
    }

    /// <summary>Every table of the app's model, each as its rows written out and sorted, so that two databases compare value for value.</summary>
    protected static async Task<Dictionary<string, List<string>>> TablesAsync(AppDbContext db)
    {
        var names = db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct().ToList();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            var tables = new Dictionary<string, List<string>>();
            foreach (var name in names)
            {
                await using var command = connection.CreateCommand();
                command.CommandText = $"SELECT * FROM \"{name}\"";
                await using var reader = await command.ExecuteReaderAsync();
                var rows = new List<string>();
                while (await reader.ReadAsync())
                {
                    rows.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(i => Cell(reader, i))));
                }
                rows.Sort(StringComparer.Ordinal);
                tables[name] = rows;
            }
            return tables;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static string Cell(DbDataReader reader, int column) => reader.IsDBNull(column) ? "NULL" : reader.GetValue(column) switch
    {
        DateTime time => time.ToString("O", CultureInfo.InvariantCulture),
        DateTimeOffset time => time.ToString("O", CultureInfo.InvariantCulture),
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        byte[] bytes => Convert.ToBase64String(bytes),
        var value => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}

/// <summary>SQLite: the app's 'backup --to FILE' command, run as its own process beside the running app; restored by starting an app on the file.</summary>
public sealed class BackupRestoreOnSqlite(SqliteExportsFixture fixture) : BackupRestoreTests(fixture), IClassFixture<SqliteExportsFixture>
{
    private async Task<(int ExitCode, string Output)> BackupAsync(string to)
    {
        using var command = AppProcess.Start(Provider.Sqlite, Fixture.Factory.ConnectionString, Path.Combine(Folder, "uploads"), "backup", "--to", to);
        var exitCode = await command.WaitForExitAsync(Patience);
        return (exitCode, command.Output);
    }

    protected override async Task<string> BackUpAndRestoreAsync()
    {
        var file = Path.Combine(Folder, "mhemployment-backup.db");

        var (exitCode, output) = await BackupAsync(file);

        exitCode.Should().Be(0, output);
        output.Should().Contain("Backed up").And.Contain(file);
        Directory.GetFiles(Folder).Select(Path.GetFileName).Should().Equal("mhemployment-backup.db");
        return $"Data Source={file}";
    }

    [Fact]
    public async Task Backup_ToAFileThatExists_RefusesAndLeavesTheFileAsItWas()
    {
        var file = Path.Combine(Folder, "yesterday.db");
        await File.WriteAllTextAsync(file, "yesterday's backup");

        var (exitCode, output) = await BackupAsync(file);

        exitCode.Should().Be(1, output);
        output.Should().Contain($"{file} already exists, and backup only writes a new file");
        (await File.ReadAllTextAsync(file)).Should().Be("yesterday's backup");
        Directory.GetFiles(Folder).Should().ContainSingle();
    }

    [Fact]
    public async Task Backup_OfADatabaseThatIsNotThere_SaysSoAndCreatesNothing()
    {
        var missing = Path.Combine(Folder, "no-such.db");
        using var command = AppProcess.Start(Provider.Sqlite, $"Data Source={missing}", Path.Combine(Folder, "uploads"), "backup", "--to", Path.Combine(Folder, "copy.db"));

        var exitCode = await command.WaitForExitAsync(Patience);

        exitCode.Should().Be(1, command.Output);
        command.Output.Should().Contain($"There is no SQLite database at {missing} to back up");
        Directory.GetFiles(Folder).Should().BeEmpty();
    }
}

/// <summary>PostgreSQL: pg_dump -Fc of the running app's database, pg_restore into a new database, with the server's own binaries.</summary>
public sealed class BackupRestoreOnPostgres(PostgresExportsFixture fixture) : BackupRestoreTests(fixture), IClassFixture<PostgresExportsFixture>
{
    protected override async Task<string> BackUpAndRestoreAsync()
    {
        var dump = Path.Combine(Folder, "mhemployment.dump");
        var restored = await PostgresServer.CreateDatabaseAsync();

        await PgAsync("pg_dump", Fixture.Factory.ConnectionString, "-Fc", "--no-owner", "-f", dump);
        await PgAsync("pg_restore", restored, "--no-owner", "--single-transaction", "--exit-on-error", "-d", Name(restored), dump);

        return restored;
    }

    [Fact]
    public async Task RestoringWithClean_OverADatabaseThatWentWrong_PutsBackWhatWasDumped()
    {
        var original = await Fixture.Factory.WithDbAsync(TablesAsync);
        var dump = Path.Combine(Folder, "mhemployment.dump");
        await PgAsync("pg_dump", Fixture.Factory.ConnectionString, "-Fc", "--no-owner", "-f", dump);
        var damaged = await PostgresServer.CreateDatabaseAsync();
        await PgAsync("pg_restore", damaged, "--no-owner", "--single-transaction", "--exit-on-error", "-d", Name(damaged), dump);
        await using (var app = new AppFactory(Provider.Postgres, damaged))
        {
            app.StartServer();
            await app.WithDbAsync(async db =>
            {
                await db.Priorities.ExecuteDeleteAsync();
                return await db.Assets.ExecuteUpdateAsync(a => a.SetProperty(x => x.Rating, (int?)null));
            });
        }

        await PgAsync("pg_restore", damaged, "--clean", "--if-exists", "--no-owner", "--single-transaction", "--exit-on-error", "-d", Name(damaged), dump);

        await using var restored = new AppFactory(Provider.Postgres, damaged);
        restored.StartServer();
        var tables = await restored.WithDbAsync(TablesAsync);
        foreach (var (table, rows) in original)
        {
            tables[table].Should().Equal(rows, $"table {table} should come back row for row");
        }
    }

    private static string Name(string connectionString) => new NpgsqlConnectionStringBuilder(connectionString).Database!;

    [Fact]
    public async Task BackupCommand_OnPostgres_PointsToPgDump_AndWritesNothing()
    {
        var file = Path.Combine(Folder, "copy.db");
        using var command = AppProcess.Start(Provider.Postgres, Fixture.Factory.ConnectionString, Path.Combine(Folder, "uploads"), "backup", "--to", file);

        var exitCode = await command.WaitForExitAsync(Patience);

        exitCode.Should().Be(2, command.Output);
        command.Output.Should().Contain("this app uses PostgreSQL").And.Contain("pg_dump -Fc --no-owner").And.Contain("pg_restore");
        File.Exists(file).Should().BeFalse();
    }

    /// <summary>Runs one of the server's client programs against a database, connected through the PG* environment variables as an operator's shell would be.</summary>
    private static async Task PgAsync(string program, string connectionString, params string[] arguments)
    {
        var bin = PostgresServer.FindServerBinaries() ?? throw new InvalidOperationException("The PostgreSQL binaries are not installed.");
        var database = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(Path.Combine(bin, program)) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["PGHOST"] = database.Host;
        start.Environment["PGPORT"] = database.Port.ToString(CultureInfo.InvariantCulture);
        start.Environment["PGUSER"] = database.Username;
        start.Environment["PGDATABASE"] = database.Database;
        if (!string.IsNullOrEmpty(database.Password))
        {
            start.Environment["PGPASSWORD"] = database.Password;
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(Patience);
        await process.WaitForExitAsync(cancel.Token);
        process.ExitCode.Should().Be(0, $"{program} {string.Join(' ', arguments)} failed:\n{await output}\n{await error}");
    }
}
