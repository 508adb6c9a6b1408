using System.Threading.Channels;

namespace MhEmployment.Web.Features.Exports.Bulk;

/// <summary>
/// Wakes this instance's worker when a job is queued here, so it starts at once; jobs queued by other instances are
/// found by the worker's regular look at the database.
/// </summary>
public sealed class BulkExportSignal
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
