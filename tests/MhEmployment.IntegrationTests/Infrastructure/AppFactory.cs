using MhEmployment.Web.Data;
using MhEmployment.Web.Features.Profiles;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MhEmployment.IntegrationTests.Infrastructure;

public enum Provider { Sqlite, Postgres }

/// <summary>The real app, configured for one provider and its own empty database, as production runs it.</summary>
public sealed class AppFactory(
    Provider provider, string connectionString, IReadOnlyDictionary<string, string>? settings = null, Action<IServiceCollection>? services = null)
    : WebApplicationFactory<Program>
{
    public Provider Provider { get; } = provider;

    /// <summary>Where the first-run Admin's password is written (a private file per app).</summary>
    public string FirstAdminPasswordFile { get; } = Path.Combine(Path.GetTempPath(), $"mhe-first-admin-{Guid.NewGuid():N}.txt");

    /// <summary>Where this app keeps uploads (a private folder per app).</summary>
    public string ImportStoragePath { get; } = Path.Combine(Path.GetTempPath(), $"mhe-imports-{Guid.NewGuid():N}");

    /// <summary>
    /// Where this app saves the dashboards' snapshot: a private folder per app unless the settings name one (an app
    /// restarted on the same database and folder reads what the first saved).
    /// </summary>
    public string SavedSnapshotDirectory => settings?.GetValueOrDefault(SavedSnapshotsSetting) ?? ownSavedSnapshotDirectory;

    public const string SavedSnapshotsSetting = "Dashboards:SavedSnapshotDirectory";

    private readonly string ownSavedSnapshotDirectory = Path.Combine(Path.GetTempPath(), $"mhe-snapshots-{Guid.NewGuid():N}");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Provider.ToString());
        builder.UseSetting($"ConnectionStrings:{Provider}", ConnectionString);
        builder.UseSetting("Database:MigrateOnStart", "true");
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        builder.UseSetting("Accounts:FirstAdminPasswordFile", FirstAdminPasswordFile);
        builder.UseSetting("Imports:StoragePath", ImportStoragePath);
        builder.UseSetting(SavedSnapshotsSetting, ownSavedSnapshotDirectory);
        // Sample data have a test of their own; other tests start from an empty installation.
        builder.UseSetting("Imports:LoadSampleData", "false");
        // No test reaches the internet: a refresh goes to a closed port unless the test points it at its SourceServer.
        builder.UseSetting("Sources:FingertipsBaseUrl", "http://127.0.0.1:9/fingertips/api/");
        builder.UseSetting("Sources:NomisBaseUrl", "http://127.0.0.1:9/nomis/api/v01/");
        builder.UseSetting("Sources:Retries", "0");
        // Tests sign in often from one address; the rate limit has its own test.
        builder.UseSetting("Security:SignInAttemptsPerMinute", "10000");
        // Revalidate sessions on every request, so a test sees a disabled account lose its session at once.
        builder.UseSetting("Security:SessionRevalidationSeconds", "0");
        // Likewise API tokens: checked in the database on every call (the remembered check has a test of its own).
        builder.UseSetting("Security:TokenRevalidationSeconds", "0");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }
        // Each test app logs through its own Serilog logger. The app's factory writes through the static Log.Logger,
        // which is one per process: the last app built would otherwise receive every app's events (LogCapture).
        builder.ConfigureTestServices(s => s.AddSingleton<ILoggerFactory>(
            provider => new Serilog.Extensions.Logging.SerilogLoggerFactory(provider.GetRequiredService<Serilog.ILogger>())));
        if (services is not null)
        {
            builder.ConfigureTestServices(services);
        }
    }

    public string ConnectionString { get; } = connectionString;

    /// <summary>
    /// Also deletes the app's uploads, password file and own saved snapshot, which are its alone. Its database (and a
    /// snapshot folder the settings named) may outlive it (a test restarts the app on it); it goes with the run's
    /// scratch folder or PostgreSQL cluster (see TestScratch).
    /// </summary>
    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        foreach (var folder in new[] { ImportStoragePath, ownSavedSnapshotDirectory }.Where(Directory.Exists))
        {
            Directory.Delete(folder, recursive: true);
        }
        File.Delete(FirstAdminPasswordFile);
    }

    /// <summary>Runs code against the app's own database, in a scope as a request would.</summary>
    public async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    /// <summary>
    /// Waits until the dashboards show every committed change. Only the person who made a change is guaranteed to
    /// see it on their next page; everyone else sees it once the new data version has loaded (in the background).
    /// </summary>
    public Task DashboardsCaughtUpAsync() => Services.GetRequiredService<DashboardCache>().LatestAsync();

    public static async Task<AppFactory> CreateAsync(
        Provider provider, IReadOnlyDictionary<string, string>? settings = null, Action<IServiceCollection>? services = null)
    {
        var connection = provider == Provider.Postgres
            ? await PostgresServer.CreateDatabaseAsync()
            : $"Data Source={Path.Combine(Path.GetTempPath(), $"mhe-test-{Guid.NewGuid():N}.db")}";
        return new AppFactory(provider, connection, settings, services);
    }
}
