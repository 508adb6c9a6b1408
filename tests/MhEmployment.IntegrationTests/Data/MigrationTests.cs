using MhEmployment.IntegrationTests.Infrastructure;
using MhEmployment.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace MhEmployment.IntegrationTests.Data;

public sealed class MigrationTests
{
    private static async Task<AppDbContext> EmptyDatabaseAsync(Provider provider) => provider switch
    {
        Provider.Postgres => new PostgresDbContext(new DbContextOptionsBuilder<PostgresDbContext>()
            .UseNpgsql(await PostgresServer.CreateDatabaseAsync()).Options),
        _ => new SqliteDbContext(new DbContextOptionsBuilder<SqliteDbContext>()
            .UseSqlite($"Data Source={Path.Combine(Path.GetTempPath(), $"mhe-migrate-{Guid.NewGuid():N}.db")}").Options),
    };

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Migrations_BringAnEmptyDatabaseToTheModel(Provider provider)
    {
        await using var db = await EmptyDatabaseAsync(provider);

        (await db.Database.GetPendingMigrationsAsync()).Should().NotBeEmpty();
        await db.Database.MigrateAsync();

        (await db.Database.GetPendingMigrationsAsync()).Should().BeEmpty();
        (await db.Areas.CountAsync()).Should().Be(0, "migrations create the schema; reference data come from the seeder");
        (await db.IndicatorValues.CountAsync()).Should().Be(0);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Migrations_HaveNoPendingModelChanges(Provider provider)
    {
        await using var db = await EmptyDatabaseAsync(provider);

        db.Database.HasPendingModelChanges().Should().BeFalse(
            $"the model changed without a migration: run 'dotnet ef migrations add <Name> --context {db.GetType().Name}'");
    }
}
