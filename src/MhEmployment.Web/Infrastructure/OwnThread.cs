using System.Collections.Concurrent;

namespace MhEmployment.Web.Infrastructure;

/// <summary>
/// Runs work that blocks its thread for seconds or minutes (an import's write of a million rows, a read of them) on a
/// thread of its own. On one of the thread pool's few threads (two on two cores) it would leave requests queued until
/// the pool noticed and added threads, which it does slowly. Background work, which nobody waits on page by page, runs
/// at a lower CPU priority (<see cref="LowPriority"/>).
/// </summary>
public static class OwnThread
{
    public static Task<T> RunAsync<T>(Func<T> work, CancellationToken cancellationToken) =>
        Task.Factory.StartNew(work, cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    public static Task RunAsync(Action work, CancellationToken cancellationToken) =>
        Task.Factory.StartNew(work, cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    /// <summary>
    /// As <see cref="RunAsync{T}"/>, on a new thread at a lower CPU priority, which ends with the work. Its task is
    /// completed by <see cref="Relay"/>, not by that thread: the caller's code after the await would otherwise run on
    /// it, at its priority, and a thread that queues work can be the one that starts the pool's next thread, which
    /// would keep its priority for good (a new thread inherits its creator's).
    /// </summary>
    public static Task<T> RunInBackgroundAsync<T>(Func<T> work, CancellationToken cancellationToken) =>
        RunInBackgroundAsync(work, BackgroundPriority.Watched, cancellationToken);

    /// <summary>As <see cref="RunInBackgroundAsync{T}(Func{T}, CancellationToken)"/>, as far below requests as <paramref name="priority"/> says.</summary>
    public static Task<T> RunInBackgroundAsync<T>(Func<T> work, BackgroundPriority priority, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<T>(cancellationToken);
        }
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var relay = Relay.Completions; // started here, if it is the first, so that it has the caller's priority
        // Started by background work (an import's writer starts its reader), the thread is that much lower already.
        var creatorSteppedBack = steppedBack;
        var target = Math.Max(creatorSteppedBack, (int)priority);
        new Thread(() =>
        {
            steppedBack = target;
            LowPriority.ForThisThread(target - creatorSteppedBack);
            try
            {
                var result = work();
                relay.Add(() => done.SetResult(result));
            }
            catch (Exception ex)
            {
                relay.Add(() => done.SetException(ex));
            }
        }) { IsBackground = true, Name = "Background work" }.Start();
        return done.Task;
    }

    /// <summary>How many steps nicer than requests' threads this thread runs (0 on any thread not started here).</summary>
    [ThreadStatic]
    private static int steppedBack;

    /// <summary>As <see cref="RunInBackgroundAsync{T}"/>, for work without a result.</summary>
    public static Task RunInBackgroundAsync(Action work, CancellationToken cancellationToken) =>
        RunInBackgroundAsync(work, BackgroundPriority.Watched, cancellationToken);

    /// <summary>As <see cref="RunInBackgroundAsync{T}(Func{T}, BackgroundPriority, CancellationToken)"/>, for work without a result.</summary>
    public static Task RunInBackgroundAsync(Action work, BackgroundPriority priority, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        return RunInBackgroundAsync(() =>
        {
            work();
            return true;
        }, priority, cancellationToken);
    }

    /// <summary>One thread of normal priority, started with the first background work, that completes its tasks.</summary>
    private static class Relay
    {
        public static readonly BlockingCollection<Action> Completions = Start();

        private static BlockingCollection<Action> Start()
        {
            var completions = new BlockingCollection<Action>();
            new Thread(() =>
            {
                foreach (var complete in completions.GetConsumingEnumerable())
                {
                    complete();
                }
            }) { IsBackground = true, Name = "Background work's completions" }.Start();
            return completions;
        }
    }
}
