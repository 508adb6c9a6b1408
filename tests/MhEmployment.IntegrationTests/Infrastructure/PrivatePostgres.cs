using MhEmployment.Tests;
using Npgsql;

namespace MhEmployment.IntegrationTests.Infrastructure;

/// <summary>
/// A PostgreSQL cluster of one test's own, which the test may stop and start again on the same port (the shared
/// <see cref="PostgresServer"/> serves other tests at the same time). It lives in the host's scratch folder, where
/// <see cref="TestScratch"/>'s watchdog stops it if the host ends before it is disposed.
/// </summary>
public sealed class PrivatePostgres : IAsyncDisposable
{
    private readonly string _pgCtl;
    private readonly string _folder;
    private readonly string _data;
    private readonly string? _runAs = Environment.UserName == "root" ? "postgres" : null; // initdb refuses root
    private readonly string _settings;

    public int Port { get; } = Ports.Free();

    private PrivatePostgres(string bin, string settings)
    {
        _settings = settings;
        _pgCtl = Path.Combine(bin, "pg_ctl");
        _folder = Path.Combine(TestScratch.Folder, "mhe-pg-" + Guid.NewGuid().ToString("N")[..8]);
        _data = Path.Combine(_folder, "data");
    }

    /// <param name="settings">Server settings beyond the test defaults, as <c>-c name=value</c> options.</param>
    public static async Task<PrivatePostgres> StartAsync(string settings = "")
    {
        var bin = PostgresServer.FindServerBinaries() ?? throw new InvalidOperationException(
            "This test starts a PostgreSQL cluster of its own: install Debian's 'postgresql' package (apt-get install postgresql).");
        var cluster = new PrivatePostgres(bin, settings);
        Directory.CreateDirectory(cluster._folder);
        if (cluster._runAs is not null)
        {
            await PostgresServer.RunAsync("chown", $"-R {cluster._runAs} {cluster._folder}");
        }
        await PostgresServer.RunAsync(Path.Combine(bin, "initdb"), $"-D {cluster._data} -U postgres -A trust -E UTF8 --locale=C --no-sync", cluster._runAs);
        await cluster.StartAgainAsync();
        return cluster;
    }

    /// <summary>A new, empty database on the cluster, and its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string name)
    {
        await using (var connection = new NpgsqlConnection(ConnectionString("postgres")))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }
        return ConnectionString(name);
    }

    public string ConnectionString(string database) => $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Include Error Detail=true";

    /// <summary>Stops the server as an administrator does for a restart: sessions are ended, the port closes.</summary>
    public Task StopAsync() => PostgresServer.RunAsync(_pgCtl, $"-D {_data} -m fast -w -t 60 stop", _runAs);

    /// <summary>Starts the server (again) on its port.</summary>
    public Task StartAgainAsync()
    {
        var options = $"-p {Port} -k {_folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off {_settings}";
        return PostgresServer.RunAsync(_pgCtl, $"-D {_data} -o \"{options}\" -l {_folder}/server.log -w -t 60 start", _runAs);
    }

    public async ValueTask DisposeAsync()
    {
        if (File.Exists(Path.Combine(_data, "postmaster.pid")))
        {
            await PostgresServer.RunAsync(_pgCtl, $"-D {_data} -m immediate -w stop", _runAs);
        }
        Directory.Delete(_folder, recursive: true);
    }
}
