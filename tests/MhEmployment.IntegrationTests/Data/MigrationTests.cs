using MhEmployment.IntegrationTests.Infrastructure;
using MhEmployment.Web.Data;
using MhEmployment.Web.Domain;
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

    [Fact]
    public async Task OnPostgres_ValuesFindTheirImportThroughABlockRangeIndex()
    {
        // Every bulk import pays for each index on the values table a row; ImportId's is BRIN there (ADR 0007).
        await using var db = await EmptyDatabaseAsync(Provider.Postgres);
        await db.Database.MigrateAsync();

        var definition = await db.Database.SqlQueryRaw<string>(
            "SELECT indexdef AS \"Value\" FROM pg_indexes WHERE tablename = 'IndicatorValues' AND indexname = 'IX_IndicatorValues_ImportId'").SingleAsync();
        definition.Should().Contain("USING brin").And.Contain("autosummarize");
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

public sealed class ValueKeyTests
{
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task AValue_IsKeyedByIndicatorPeriodAreaSexAndAgeBand(Provider provider)
    {
        await using var db = provider == Provider.Postgres
            ? (AppDbContext)new PostgresDbContext(new DbContextOptionsBuilder<PostgresDbContext>().UseNpgsql(await PostgresServer.CreateDatabaseAsync()).Options)
            : new SqliteDbContext(new DbContextOptionsBuilder<SqliteDbContext>()
                .UseSqlite($"Data Source={Path.Combine(Path.GetTempPath(), $"mhe-migrate-{Guid.NewGuid():N}.db")}").Options);
        await db.Database.MigrateAsync();
        var indicator = new Indicator { Key = "x", Name = "X", Definition = "", Source = "", Age = "16-64" };
        var import = new Import { FileName = "a.csv", Sha256 = new string('a', 64), CreatedUtc = DateTime.UtcNow };
        db.AddRange(new Area { Code = "E09000012", Name = "Hackney", Kind = AreaKind.LondonBorough }, indicator, import);
        await db.SaveChangesAsync();
        db.Add(Value(indicator.Id, import.Id, "2020/21"));
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();

        db.Add(Value(indicator.Id, import.Id, "again"));
        var duplicate = () => db.SaveChangesAsync();

        await duplicate.Should().ThrowAsync<DbUpdateException>("indicator, area, period, sex and age band are the key");
    }

    private static IndicatorValue Value(int indicatorId, int importId, string label) => new()
    {
        IndicatorId = indicatorId, AreaCode = "E09000012", PeriodStart = new DateOnly(2020, 4, 1), PeriodEnd = new DateOnly(2021, 3, 31),
        PeriodLabel = label, Sex = Sex.Persons, AgeBand = "All ages", Value = 12.5, Count = 25, Denominator = 200, ImportId = importId,
    };
}
