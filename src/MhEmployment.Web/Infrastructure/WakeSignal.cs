using System.Threading.Channels;

namespace MhEmployment.Web.Infrastructure;

/// <summary>
/// Wakes this instance's background worker when work is queued here, so it starts at once; work queued by other
/// instances is found by the worker's regular look at the database. Each worker has its own subclass, so that each is
/// a service of its own.
/// </summary>
public abstract class WakeSignal
{
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Wake() => _wake.Writer.TryWrite(true);

    /// <summary>Waits until woken or until <paramref name="timeout"/> has passed.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(timeout);
        try
        {
            await _wake.Reader.ReadAsync(wait.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // the time is up: look anyway
        }
    }
}
