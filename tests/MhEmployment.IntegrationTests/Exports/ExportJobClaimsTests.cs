using MhEmployment.IntegrationTests.Infrastructure;
using MhEmployment.Web.Data;
using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Exports;
using MhEmployment.Web.Features.Exports.Bulk;
using Microsoft.EntityFrameworkCore;

namespace MhEmployment.IntegrationTests.Exports;

/// <summary>Instances of the app sharing a database (as PostgreSQL deployments scale out) each claim different bulk exports.</summary>
public sealed class ExportJobClaimsTests
{
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task ClaimNext_ByManyWorkersAtOnce_GivesEveryQueuedJobToExactlyOne(Provider provider)
    {
        var connection = provider == Provider.Postgres
            ? await PostgresServer.CreateDatabaseAsync()
            : $"Data Source={Path.Combine(Path.GetTempPath(), $"mhe-claims-{Guid.NewGuid():N}.db")}";
        await using (var db = Context(provider, connection))
        {
            await db.Database.MigrateAsync();
            for (var i = 0; i < 30; i++)
            {
                db.ExportJobs.Add(new ExportJob
                {
                    RegionCode = "E12000007", RegionName = "London", Format = ExportFormat.Csv, Benchmark = "E92000001", Scheme = "Default",
                    Sections = "headlines", RequestedBy = "officer", RequestedByUserId = "1", Status = i % 5 == 0 ? ExportJobStatus.Done : ExportJobStatus.Queued,
                    CreatedUtc = DateTime.UtcNow, ExpiresUtc = DateTime.UtcNow.AddDays(1),
                });
            }
            await db.SaveChangesAsync();
        }

        // Eight workers, each with its own connection, as eight instances would be.
        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            await using var db = Context(provider, connection);
            var mine = new List<int>();
            while (await ExportJobClaims.ClaimNextAsync(db, DateTime.UtcNow, CancellationToken.None) is { } id)
            {
                mine.Add(id);
            }
            return mine;
        })));

        await using var check = Context(provider, connection);
        var queued = await check.ExportJobs.Where(j => j.StartedUtc != null).Select(j => j.Id).ToListAsync();
        queued.Should().HaveCount(24);
        claims.SelectMany(c => c).Should().BeEquivalentTo(queued, "each queued job is claimed once, by one worker");
        (await check.ExportJobs.CountAsync(j => j.Status == ExportJobStatus.Running)).Should().Be(24);
        (await check.ExportJobs.CountAsync(j => j.Status == ExportJobStatus.Done)).Should().Be(6, "finished jobs are not claimed");
    }

    private static AppDbContext Context(Provider provider, string connection) => provider == Provider.Postgres
        ? new PostgresDbContext(new DbContextOptionsBuilder<PostgresDbContext>().UseNpgsql(connection).Options)
        : new SqliteDbContext(new DbContextOptionsBuilder<SqliteDbContext>().UseSqlite(connection).Options);
}
