using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace MhEmployment.IntegrationTests.Infrastructure;

/// <summary>
/// The PostgreSQL server the tests use: the one named by MHE_TEST_POSTGRES (a connection string to a
/// superuser), or else a private cluster started from Debian's binaries in a temporary folder on a free
/// port, stopped when the test run ends. Never silently skipped: without a server the tests fail and say why.
/// </summary>
public static class PostgresServer
{
    public const string ConnectionVariable = "MHE_TEST_POSTGRES";
    private static readonly Lazy<Task<string>> Admin = new(StartAsync);

    /// <summary>Creates an empty database on the server and returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync()
    {
        var admin = await Admin.Value;
        var name = "mhe_test_" + Guid.NewGuid().ToString("N")[..12];
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
            return given;
        }

        var bin = FindServerBinaries() ?? throw new InvalidOperationException(
            "The PostgreSQL tests need a server. Install Debian's 'postgresql' package (apt-get install postgresql), " +
            $"or set {ConnectionVariable} to a connection string for a superuser on an existing server.");
        var folder = Path.Combine(Path.GetTempPath(), "mhe-pg-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        var data = Path.Combine(folder, "data");
        var port = FreePort();
        // initdb refuses to run as root, so as root the cluster belongs to the 'postgres' account.
        var runAs = Environment.UserName == "root" ? "postgres" : null;
        if (runAs is not null)
        {
            await RunAsync("chown", $"-R {runAs} {folder}");
        }

        await RunAsync(Path.Combine(bin, "initdb"), $"-D {data} -U postgres -A trust -E UTF8 --locale=C --no-sync", runAs);
        var options = $"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200";
        await RunAsync(Path.Combine(bin, "pg_ctl"), $"-D {data} -o \"{options}\" -l {folder}/server.log -w -t 60 start", runAs);

        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            RunAsync(Path.Combine(bin, "pg_ctl"), $"-D {data} -m immediate -w stop", runAs).GetAwaiter().GetResult();
            Directory.Delete(folder, recursive: true);
        };
        return $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Include Error Detail=true";
    }

    private static string? FindServerBinaries() =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(version => Path.Combine(version, "bin"))
                .Where(bin => File.Exists(Path.Combine(bin, "initdb")) && File.Exists(Path.Combine(bin, "pg_ctl")))
                .OrderByDescending(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out var v) ? v : 0)
                .FirstOrDefault()
            : null;

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string file, string arguments, string? runAs = null)
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
