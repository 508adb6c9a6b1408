using System.Transactions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql.EntityFrameworkCore.PostgreSQL;

namespace MhEmployment.Web.Infrastructure;

/// <summary>
/// Retries EF Core's own operations (a query, a SaveChanges) that failed on a transient PostgreSQL error (a restart, a
/// dropped connection), a few times with short waits so that a request stays bounded (ADR 0019). Runs once, without
/// retrying: an operation inside a transaction the app opened itself (imports, data versions, assets...), since a retry
/// could not redo what the broken transaction had done; and a block the app hands the strategy itself
/// (<c>CreateExecutionStrategy().ExecuteAsync(() => ...)</c>: commits, undo), which reads files and tracks entities that
/// a second run would not find as the first did. Their owners report the failure.
/// </summary>
public sealed class PostgresRetryStrategy(ExecutionStrategyDependencies dependencies)
    : NpgsqlRetryingExecutionStrategy(dependencies, MaxRetries, MaxDelay, errorCodesToAdd: null)
{
    /// <summary>Three retries, waiting at most a second each: about two seconds added before a request gives up.</summary>
    public const int MaxRetries = 3;

    public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(1);

    /// <summary>
    /// False, although it retries: EF Core buffers every query's whole result when a strategy says it retries, and
    /// refuses transactions the app opens itself. Large reads stay streamed; only opening a query is retried.
    /// </summary>
    public override bool RetriesOnFailure => false;

    public override TResult Execute<TState, TResult>(
        TState state, Func<DbContext, TState, TResult> operation, Func<DbContext, TState, ExecutionResult<TResult>>? verifySucceeded) =>
        RunsOnce(Dependencies.CurrentContext.Context, state)
            ? operation(Dependencies.CurrentContext.Context, state)
            : base.Execute(state, operation, verifySucceeded);

    public override Task<TResult> ExecuteAsync<TState, TResult>(
        TState state, Func<DbContext, TState, CancellationToken, Task<TResult>> operation,
        Func<DbContext, TState, CancellationToken, Task<ExecutionResult<TResult>>>? verifySucceeded, CancellationToken cancellationToken = default) =>
        RunsOnce(Dependencies.CurrentContext.Context, state)
            ? operation(Dependencies.CurrentContext.Context, state, cancellationToken)
            : base.ExecuteAsync(state, operation, verifySucceeded, cancellationToken);

    /// <summary>
    /// Whether to run the operation once: the context works inside a transaction begun outside it (its own, or an
    /// ambient one), or the operation is the app's own block (EF Core's ExecuteAsync(() => ...) extensions pass the
    /// block as the state; EF Core's own operations pass their query or command).
    /// </summary>
    private static bool RunsOnce<TState>(DbContext context, TState state) =>
        context.Database.CurrentTransaction is not null || Transaction.Current is not null || state is Delegate;
}
