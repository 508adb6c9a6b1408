using System.Data.Common;
using MhEmployment.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace MhEmployment.IntegrationTests.Infrastructure;

/// <summary>
/// Looks at the app from outside at the very moment each of its changes to the database can be seen (a transaction
/// committed, or changes saved outside one), before the code that made it goes on: what a client polling the API
/// could see then (an import committed, say) while the rest of the app's code has not run yet. A race that needs a
/// loaded machine to show becomes certain.
/// </summary>
public sealed class CommitWatcher : DbTransactionInterceptor, ISaveChangesInterceptor
{
    /// <summary>
    /// Called after each change the app makes to its database can be seen, on the thread that made it (so possibly on
    /// several at once). It must only read: a change of its own would be looked at in turn.
    /// </summary>
    public Func<Task>? OnCommitted { get; set; }

    /// <summary>Adds the watcher to the app's database contexts (either provider), for <see cref="AppFactory"/>'s services.</summary>
    public void AddTo(IServiceCollection services)
    {
        services.ConfigureDbContext<SqliteDbContext>(o => o.AddInterceptors(this));
        services.ConfigureDbContext<PostgresDbContext>(o => o.AddInterceptors(this));
    }

    /// <summary>
    /// Called before each save of the app's, on the thread that saves, which waits for it: a test can hold a change
    /// half-way (say, inside a commit's transaction) and look at what a client sees meanwhile.
    /// </summary>
    public Func<DbContext, Task>? BeforeSaving { get; set; }

    public async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (BeforeSaving is { } hold && eventData.Context is { } context)
        {
            await hold(context);
        }
        return result;
    }

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        LookAsync();

    /// <summary>An import's commit is synchronous, on a thread of its own (ImportCommits.CommitTransactionAsync).</summary>
    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        LookAsync().GetAwaiter().GetResult();

    public async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context?.Database.CurrentTransaction is null) // else seen when that transaction commits
        {
            await LookAsync();
        }
        return result;
    }

    /// <summary>
    /// Until <paramref name="looked"/> holds (30 s at most). A client can see a change as soon as it commits, before the
    /// app's thread has finished its look at it: a test judging the looks waits for the last one it expects first.
    /// </summary>
    public static async Task UntilAsync(Func<bool> looked)
    {
        ArgumentNullException.ThrowIfNull(looked);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!looked() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }
    }

    private Task LookAsync() => OnCommitted is { } look ? look() : Task.CompletedTask;
}
