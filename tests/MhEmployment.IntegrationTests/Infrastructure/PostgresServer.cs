using System.Diagnostics;
using System.Globalization;
using MhEmployment.Tests;
using Npgsql;

namespace MhEmployment.IntegrationTests.Infrastructure;

/// <summary>
/// The PostgreSQL server the tests use: the one named by MHE_TEST_POSTGRES (a connection string to a superuser;
/// scripts/test.sh starts a private cluster and names it there), or else a private cluster this test host starts from
/// Debian's binaries in its scratch folder (<see cref="TestScratch"/>, whose watchdog stops it when the host ends) on
/// a free port. Never silently skipped: without a server the tests fail and say why.
/// </summary>
public static class PostgresServer
{
    public const string ConnectionVariable = "MHE_TEST_POSTGRES";
    private static readonly Lazy<Task<string>> Admin = new(StartAsync);

    /// <summary>
    /// Creates an empty database on the server and returns its connection string. Its name carries the run's, so that
    /// the run's databases can be dropped from a server it was given when it ends, however it ends.
    /// </summary>
    public static async Task<string> CreateDatabaseAsync()
    {
        var admin = await Admin.Value;
        var name = $"mhe_test_{TestScratch.RunId}_{Guid.NewGuid().ToString("N")[..8]}";
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = true }.ConnectionString;
    }

    private static async Task<string> StartAsync()
    {
        var given = Environment.GetEnvironmentVariable(ConnectionVariable);
        if (!string.IsNullOrWhiteSpace(given))
        {
            if (!TestScratch.OwnedByScript)
            {
                TestScratch.WhenHostEnds(DropRunDatabasesCommand(given));
            }
            return given;
        }

        if (FindServerBinaries() is null)
        {
            throw new InvalidOperationException(
                "The PostgreSQL tests need a server. Install Debian's 'postgresql' package (apt-get install postgresql), " +
                $"or set {ConnectionVariable} to a connection string for a superuser on an existing server.");
        }
        // The suite's instances together hold many pooled connections: more than the default 100.
        var cluster = await PrivatePostgres.StartAsync("-c max_connections=500");
        return cluster.ConnectionString("postgres");
    }

    /// <summary>The bin folder of the newest PostgreSQL Debian installed (initdb, pg_ctl, pg_dump, pg_restore), if any.</summary>
    public static string? FindServerBinaries() =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(version => Path.Combine(version, "bin"))
                .Where(bin => File.Exists(Path.Combine(bin, "initdb")) && File.Exists(Path.Combine(bin, "pg_ctl")))
                .OrderByDescending(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out var v) ? v : 0)
                .FirstOrDefault()
            : null;

    /// <summary>psql commands that drop the run's databases (scripts/test.sh does the same when it runs the tests).</summary>
    private static string DropRunDatabasesCommand(string admin)
    {
        var server = new NpgsqlConnectionStringBuilder(admin);
        var variables = new Dictionary<string, string?>
        {
            ["PGHOST"] = server.Host, ["PGPORT"] = server.Port.ToString(CultureInfo.InvariantCulture),
            ["PGUSER"] = server.Username, ["PGPASSWORD"] = server.Password, ["PGDATABASE"] = server.Database,
        };
        var exports = string.Join(' ', variables.Where(v => !string.IsNullOrEmpty(v.Value)).Select(v => $"{v.Key}={ShellQuote(v.Value!)}"));
        var list = $"SELECT format('DROP DATABASE %I WITH (FORCE);', datname) FROM pg_database WHERE datname LIKE 'mhe\\_test\\_{TestScratch.RunId}\\_%'";
        return $"(export {exports}; psql -XAtq -c {ShellQuote(list)} | psql -Xq)";
    }

    private static string ShellQuote(string word) => "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    /// <summary>Runs a program (as <paramref name="runAs"/>, if given), failing with its output if it fails.</summary>
    internal static async Task RunAsync(string file, string arguments, string? runAs = null)
    {
        var start = runAs is null
            ? new ProcessStartInfo(file, arguments)
            : new ProcessStartInfo("runuser", $"-u {runAs} -- {file} {arguments}");
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.WorkingDirectory = Path.GetTempPath();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"'{file} {arguments}' failed ({process.ExitCode}):\n{await output}\n{await error}");
        }
    }
}
