using System.Collections.Concurrent;
using MhEmployment.Web.Infrastructure;

namespace MhEmployment.Web.Features.Imports.Stores;

/// <summary>
/// Enumerates a sequence on a thread of its own and hands it over in batches, so that producing rows (reading and
/// validating the file) and consuming them (writing to the database) run on two cores. A few batches are buffered at
/// most, so memory stays flat however long the file. The producer has finished when the enumeration ends or throws.
/// </summary>
internal static class ReadAhead
{
    public const int BatchSize = 1024;
    private const int Depth = 4;

    public static IEnumerable<(T[] Items, int Count)> Batches<T>(IEnumerable<T> source, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var queue = new BlockingCollection<(T[] Items, int Count)>(Depth);
        var producer = OwnThread.RunInBackgroundAsync(() =>
        {
            try
            {
                var batch = new T[BatchSize];
                var count = 0;
                foreach (var item in source)
                {
                    batch[count++] = item;
                    if (count == BatchSize)
                    {
                        queue.Add((batch, count), stop.Token);
                        batch = new T[BatchSize];
                        count = 0;
                    }
                }
                if (count > 0)
                {
                    queue.Add((batch, count), stop.Token);
                }
            }
            finally
            {
                queue.CompleteAdding();
            }
        }, stop.Token);

        try
        {
            foreach (var batch in queue.GetConsumingEnumerable(stop.Token))
            {
                yield return batch;
            }
            producer.GetAwaiter().GetResult(); // the producer's own exception, if it failed
        }
        finally
        {
            if (!producer.IsCompleted)
            {
                stop.Cancel();
                try
                {
                    producer.Wait(CancellationToken.None);
                }
                catch (AggregateException)
                {
                    // The consumer's failure (or cancellation) is the one reported.
                }
            }
        }
    }
}
