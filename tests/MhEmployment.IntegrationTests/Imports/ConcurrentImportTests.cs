using System.Net;
using System.Text.Json;
using MhEmployment.IntegrationTests.Infrastructure;
using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Imports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MhEmployment.IntegrationTests.Imports;

/// <summary>
/// Two imports of overlapping values committed at the same moment, each from its own scope as two app instances (or
/// the command line beside the web app) would: no deadlock, no interleaving. The design makes one wait for the other
/// (PostgreSQL: an advisory lock; SQLite: its single writer), so both apply in turn, the later one's values win, and
/// undoing each in reverse order restores exactly what was there.
/// </summary>
public abstract class ConcurrentImportTests(Provider provider) : AnalystAppTests(provider, "mhe-concurrent-")
{
    private const int FirstRows = 60_000;
    private const int SecondRows = 90_000; // the first 60,000 keys again with other values, and 30,000 more

    [Fact]
    public async Task TwoOverlappingImportsCommittedAtOnce_ApplyOneAfterTheOther_AndUndoInReverseRestoresExactly()
    {
        var (a, aSum) = await UploadAsync("a.csv", FirstRows, valueOffset: 0);
        var (b, bSum) = await UploadAsync("b.csv", SecondRows, valueOffset: 1);
        var overlapOfB = await SumOfFirstRowsAsync(FirstRows, valueOffset: 1); // b's values over the keys it shares with a

        var both = Task.WhenAll(CommitNowAsync(a), CommitNowAsync(b));
        (await Task.WhenAny(both, Task.Delay(TimeSpan.FromMinutes(3)))).Should().BeSameAs(both, "two commits must not deadlock");
        await both;

        var imports = await Factory.WithDbAsync(db => db.Imports.AsNoTracking().Where(i => i.Id == a || i.Id == b).ToDictionaryAsync(i => i.Id));
        imports.Values.Should().OnlyContain(i => i.Status == ImportStatus.Committed, string.Join("; ", imports.Values.Select(i => $"#{i.Id} {i.Status} {i.Message}")));
        // Whichever went second saw the other's values: counts that only a serial order gives.
        var (earlier, later) = imports[a].CommittedUtc <= imports[b].CommittedUtc ? (a, b) : (b, a);
        if (later == b)
        {
            (imports[a].NewCount, imports[a].ChangedCount).Should().Be((FirstRows, 0));
            (imports[b].NewCount, imports[b].ChangedCount, imports[b].UnchangedCount).Should().Be((SecondRows - FirstRows, FirstRows, 0));
            (await ValuesAsync()).Should().Be((SecondRows, bSum));
            (await ImportIdsAsync()).Should().BeEquivalentTo(new Dictionary<int, long> { [b] = SecondRows });
        }
        else
        {
            (imports[b].NewCount, imports[b].ChangedCount).Should().Be((SecondRows, 0));
            (imports[a].NewCount, imports[a].ChangedCount, imports[a].UnchangedCount).Should().Be((0, FirstRows, 0));
            (await ValuesAsync()).Should().Be((SecondRows, aSum + (bSum - overlapOfB)));
            (await ImportIdsAsync()).Should().BeEquivalentTo(new Dictionary<int, long> { [a] = FirstRows, [b] = SecondRows - FirstRows });
        }

        var refused = await Api.PostAsync(new Uri($"/api/v1/imports/{earlier}/undo", UriKind.Relative), null);
        refused.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await refused.Content.ReadAsStringAsync()).Should().Contain($"#{later}").And.Contain("undo it first");

        (await Api.PostAsync(new Uri($"/api/v1/imports/{later}/undo", UriKind.Relative), null)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await ValuesAsync()).Should().Be(earlier == a ? (FirstRows, aSum) : (SecondRows, bSum), "undoing the later import puts back exactly the earlier one's values");
        (await ImportIdsAsync()).Should().BeEquivalentTo(new Dictionary<int, long> { [earlier] = earlier == a ? FirstRows : SecondRows });

        (await Api.PostAsync(new Uri($"/api/v1/imports/{earlier}/undo", UriKind.Relative), null)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await ValuesAsync()).Count.Should().Be(0);
    }

    private async Task<(int Id, decimal Sum)> UploadAsync(string name, int rows, double valueOffset)
    {
        var path = Path.Combine(Folder, name);
        var sum = await NomisFiles.WriteAsync(path, rows, valueOffset);
        var import = await Api.UploadAndValidateAsync(path, mapping: NomisFiles.Mapping);
        import.GetProperty("status").GetString().Should().Be("ready", import.ToString());
        import.GetProperty("newCount").GetInt64().Should().Be(rows);
        return (import.GetProperty("id").GetInt32(), sum);
    }

    /// <summary>The sum of a generated file's first rows: the keys two files of different lengths share.</summary>
    private async Task<decimal> SumOfFirstRowsAsync(int rows, double valueOffset) =>
        await NomisFiles.WriteAsync(Path.Combine(Folder, "first-rows.csv"), rows, valueOffset);

    private async Task CommitNowAsync(int importId)
    {
        await Task.Yield();
        await using var scope = Factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ImportCommits>().CommitNowAsync(importId, "test", CancellationToken.None);
    }

    private async Task<(long Count, decimal Sum)> ValuesAsync()
    {
        var values = await Factory.WithDbAsync(db => db.IndicatorValues.Select(v => v.Value ?? 0).ToListAsync());
        return (values.Count, Math.Round(values.Sum(v => (decimal)v), 1));
    }

    private Task<Dictionary<int, long>> ImportIdsAsync() =>
        Factory.WithDbAsync(db => db.IndicatorValues.GroupBy(v => v.ImportId).Select(g => new { g.Key, Count = g.LongCount() }).ToDictionaryAsync(g => g.Key, g => g.Count));
}

[Collection(HeavyImportsCollection.Name)]
public sealed class ConcurrentImportsOnSqlite() : ConcurrentImportTests(Provider.Sqlite);

[Collection(HeavyImportsCollection.Name)]
public sealed class ConcurrentImportsOnPostgres() : ConcurrentImportTests(Provider.Postgres);
