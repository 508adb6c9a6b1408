using MhEmployment.Web.Data;
using MhEmployment.Web.Data.Seed;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace MhEmployment.Web.Infrastructure;

public enum DatabaseProvider { Sqlite, Postgres }

/// <summary>Chooses the database from configuration and prepares it (migrations, reference data).</summary>
public static class DatabaseSetup
{
    public static DatabaseProvider ProviderFrom(IConfiguration configuration)
    {
        var value = configuration["Database:Provider"];
        if (string.IsNullOrWhiteSpace(value))
        {
            return DatabaseProvider.Sqlite;
        }
        return Enum.TryParse<DatabaseProvider>(value, ignoreCase: true, out var provider)
            ? provider
            : throw new ConfigurationProblemException(
                $"Database:Provider is '{value}'; it must be 'Sqlite' (the default) or 'Postgres'.");
    }

    public static IServiceCollection AddAppDatabase(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        switch (ProviderFrom(configuration))
        {
            case DatabaseProvider.Postgres:
                var postgres = configuration.GetConnectionString("Postgres");
                if (string.IsNullOrWhiteSpace(postgres))
                {
                    throw new ConfigurationProblemException(
                        "Database:Provider is Postgres but ConnectionStrings:Postgres is empty. Set it, e.g. with the environment variable ConnectionStrings__Postgres.");
                }
                // Transient errors (a restart, a dropped connection) are retried briefly: see PostgresRetryStrategy.
                services.AddDbContext<PostgresDbContext>(o => o.UseNpgsql(postgres, npgsql => npgsql.ExecutionStrategy(d => new PostgresRetryStrategy(d))));
                services.AddScoped<AppDbContext>(sp => sp.GetRequiredService<PostgresDbContext>());
                break;
            default:
                var sqlite = SqliteConnectionString(configuration, environment);
                services.AddDbContext<SqliteDbContext>(o => o.UseSqlite(sqlite));
                services.AddScoped<AppDbContext>(sp => sp.GetRequiredService<SqliteDbContext>());
                break;
        }
        services.AddSingleton(new SqliteLongWrites(enabled: ProviderFrom(configuration) == DatabaseProvider.Sqlite));
        services.AddScoped<ReferenceDataSeeder>();
        return services;
    }

    /// <summary>The configured SQLite connection, defaulting to App_Data/mhemployment.db under the content root.</summary>
    public static string SqliteConnectionString(IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration.GetConnectionString("Sqlite");
        var builder = new SqliteConnectionStringBuilder(
            string.IsNullOrWhiteSpace(configured) ? "Data Source=App_Data/mhemployment.db" : configured);
        if (builder.DataSource != ":memory:" && !Path.IsPathRooted(builder.DataSource))
        {
            builder.DataSource = Path.Combine(environment.ContentRootPath, builder.DataSource);
        }
        var folder = Path.GetDirectoryName(builder.DataSource);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
        return builder.ToString();
    }

    /// <summary>
    /// SQLite always migrates on start (it is the embedded, single-instance default). PostgreSQL migrates on
    /// start only when Database:MigrateOnStart is true; deployments otherwise run the 'migrate' command.
    /// </summary>
    public static bool ShouldMigrateOnStart(IConfiguration configuration) =>
        ProviderFrom(configuration) == DatabaseProvider.Sqlite || configuration.GetValue<bool>("Database:MigrateOnStart");

    /// <summary>Builds EF Core's model and opens a first connection, which the first real query would otherwise wait for.</summary>
    public static async Task WarmUpAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().Imports.AsNoTracking().AnyAsync();
    }

    public static async Task MigrateAndSeedAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        // Migrating a database already up to date still made EF Core compare the model with the snapshot, at every
        // SQLite start and 'import': ask first. A database with migrations to apply still goes through MigrateAsync.
        if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
        {
            await db.Database.MigrateAsync(cancellationToken);
        }
        await scope.ServiceProvider.GetRequiredService<ReferenceDataSeeder>().SeedAsync(cancellationToken);
        await scope.ServiceProvider.GetRequiredService<NhsLinkSeeder>().SeedAsync(cancellationToken);
        await scope.ServiceProvider.GetRequiredService<Features.Accounts.AccountBootstrap>().EnsureAsync(cancellationToken);
        await scope.ServiceProvider.GetRequiredService<Features.Imports.SampleDataLoader>().LoadAsync(cancellationToken);
        await scope.ServiceProvider.GetRequiredService<Features.Assets.AssetSampleLoader>().LoadAsync(cancellationToken);
    }
}
