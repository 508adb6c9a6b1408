using System.Data.Common;
using System.Transactions;
using MhEmployment.Web.Data;
using MhEmployment.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace MhEmployment.UnitTests;

/// <summary>
/// What the PostgreSQL retry strategy retries, against a port where no server listens (every connection is refused,
/// a transient error): EF Core's own operations yes, a transaction's operations and the app's own blocks no.
/// </summary>
public sealed class PostgresRetryStrategyTests
{
    private sealed class OpenCounter : DbConnectionInterceptor
    {
        public int Opens;

        public override ValueTask<InterceptionResult> ConnectionOpeningAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result,
            CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref Opens);
            return ValueTask.FromResult(result);
        }
    }

    private static PostgresDbContext Unreachable(OpenCounter counter) => new(new DbContextOptionsBuilder<PostgresDbContext>()
        .UseNpgsql("Host=127.0.0.1;Port=9;Username=nobody;Database=none;Timeout=2", npgsql => npgsql.ExecutionStrategy(d => new PostgresRetryStrategy(d)))
        .AddInterceptors(counter).Options);

    [Fact]
    public async Task AQuery_OnAnUnreachableServer_IsRetriedAFewTimes_ThenFailsWithTheTransientError()
    {
        var counter = new OpenCounter();
        await using var db = Unreachable(counter);

        var failure = await FluentActions.Awaiting(() => db.Imports.AnyAsync()).Should().ThrowAsync<RetryLimitExceededException>();

        failure.Which.InnerException.Should().BeOfType<NpgsqlException>().Which.IsTransient.Should().BeTrue();
        counter.Opens.Should().Be(1 + PostgresRetryStrategy.MaxRetries);
    }

    [Fact]
    public async Task TheAppsOwnBlock_RunsOnce_ThoughAReadInsideItIsRetried()
    {
        var counter = new OpenCounter();
        await using var db = Unreachable(counter);
        var runs = 0;

        await FluentActions.Awaiting(() => db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            runs++;
            await db.Imports.AnyAsync();
        })).Should().ThrowAsync<RetryLimitExceededException>();

        runs.Should().Be(1, "a commit's block reads files and tracks entities that a second run would not find as the first did");
        counter.Opens.Should().Be(1 + PostgresRetryStrategy.MaxRetries);
    }

    [Fact]
    public async Task AQuery_InsideATransaction_RunsOnce()
    {
        var counter = new OpenCounter();
        await using var db = Unreachable(counter);
        using var transaction = new TransactionScope(TransactionScopeAsyncFlowOption.Enabled);

        var failure = await FluentActions.Awaiting(() => db.Imports.AnyAsync()).Should().ThrowAsync<NpgsqlException>();

        failure.Which.IsTransient.Should().BeTrue();
        counter.Opens.Should().Be(1, "a retry could not redo what the broken transaction had done");
    }

    [Fact]
    public void TheStrategy_DoesNotDeclareRetries_SoQueriesStayStreamedAndTheAppsTransactionsAreAllowed()
    {
        using var db = Unreachable(new OpenCounter());

        db.Database.CreateExecutionStrategy().Should().BeOfType<PostgresRetryStrategy>().Which.RetriesOnFailure.Should().BeFalse();
    }
}
