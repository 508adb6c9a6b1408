using System.Collections.Concurrent;

namespace MhEmployment.Web.Infrastructure;

/// <summary>
/// Work that many requests ask for at once, done once: the first caller for a key starts it, and everyone who asks
/// while it runs awaits the same result. Without it, the first seconds after a new data version had every connection
/// build the same needs summary at the same time. The work runs to its end even if the caller who started it goes
/// away (the others still want it), so it takes no caller's cancellation; each caller can stop waiting with its own.
/// </summary>
public sealed class SharedBuilds<T>
{
    private readonly ConcurrentDictionary<string, Task<T>> running = new(StringComparer.Ordinal);

    public Task<T> RunAsync(string key, Func<Task<T>> build, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(build);
        var mine = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var task = running.GetOrAdd(key, mine.Task);
        if (task == mine.Task)
        {
            _ = CompleteAsync(key, mine, build);
        }
        return task.WaitAsync(cancellationToken);
    }

    private async Task CompleteAsync(string key, TaskCompletionSource<T> result, Func<Task<T>> build)
    {
        try
        {
            result.SetResult(await build());
        }
        catch (Exception ex)
        {
            result.SetException(ex);
        }
        finally
        {
            running.TryRemove(new KeyValuePair<string, Task<T>>(key, result.Task));
        }
    }
}
