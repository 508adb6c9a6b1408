namespace MhEmployment.Web.Infrastructure;

/// <summary>
/// Runs work that blocks its thread for seconds or minutes (an import's write of a million rows, a read of them) on a
/// thread of its own. On one of the thread pool's few threads (two on two cores) it would leave requests queued until
/// the pool noticed and added threads, which it does slowly.
/// </summary>
public static class OwnThread
{
    public static Task<T> RunAsync<T>(Func<T> work, CancellationToken cancellationToken) =>
        Task.Factory.StartNew(work, cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    public static Task RunAsync(Action work, CancellationToken cancellationToken) =>
        Task.Factory.StartNew(work, cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);
}
