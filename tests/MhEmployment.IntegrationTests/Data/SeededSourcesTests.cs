using MhEmployment.IntegrationTests.Infrastructure;
using MhEmployment.Web.Data.Seed;
using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MhEmployment.IntegrationTests.Data;

/// <summary>The seeded catalogue's sources for refresh, in a new database and in one seeded before they were known.</summary>
public abstract class SeededSourcesTests(AppFixture fixture)
{
    private async Task SeedAgainAsync()
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ReferenceDataSeeder>().SeedAsync();
    }

    private Task<Indicator> StoredAsync(string key) =>
        fixture.Factory.WithDbAsync(db => db.Indicators.AsNoTracking().SingleAsync(i => i.Key == key));

    /// <summary>Empties the source as a database seeded before this release holds it.</summary>
    private Task<int> ForgetSourceAsync(string key) =>
        fixture.Factory.WithDbAsync(db => db.Indicators.Where(i => i.Key == key).ExecuteUpdateAsync(set => set
            .SetProperty(i => i.RefreshSource, IndicatorSourceKind.None)
            .SetProperty(i => i.FingertipsAreaTypes, (string?)null)
            .SetProperty(i => i.NomisQuery, (string?)null)));

    [Fact]
    public async Task AnOlderDatabase_GetsTheSeededSourceFilledIn_WhereItsSourceIsStillEmpty()
    {
        const string key = "cmd-estimated-prevalence";
        var seeded = await StoredAsync(key);
        (seeded.RefreshSource, seeded.FingertipsId, seeded.FingertipsAreaTypes).Should().Be((IndicatorSourceKind.Fingertips, 93495, "102,101"));
        await ForgetSourceAsync(key);

        await SeedAgainAsync();

        var filled = await StoredAsync(key);
        (filled.RefreshSource, filled.FingertipsId, filled.FingertipsAreaTypes).Should().Be((IndicatorSourceKind.Fingertips, 93495, "102,101"));
    }

    [Fact]
    public async Task AnAnalystsChoiceOfNone_IsNeverOverwrittenBySeeding()
    {
        const string key = "depression-qof-prevalence";
        (await StoredAsync(key)).RefreshSource.Should().Be(IndicatorSourceKind.Fingertips);
        await ForgetSourceAsync(key);
        await fixture.Factory.WithDbAsync(async db =>
        {
            db.AuditEvents.Add(new AuditEvent
            {
                OccurredUtc = DateTime.UtcNow, Actor = "analyst@example.org", Action = AuditActions.IndicatorUpdated, Target = key,
                Details = "Source for refresh: \"Fingertips\" → \"None\"; Fingertips area types: \"502\" → \"\"",
            });
            return await db.SaveChangesAsync();
        });

        await SeedAgainAsync();

        var kept = await StoredAsync(key);
        (kept.RefreshSource, kept.FingertipsAreaTypes, kept.FingertipsId).Should().Be((IndicatorSourceKind.None, (string?)null, 848));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SeededSourcesOnSqlite(SqliteAppFixture fixture) : SeededSourcesTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class SeededSourcesOnPostgres(PostgresAppFixture fixture) : SeededSourcesTests(fixture);
