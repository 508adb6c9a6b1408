namespace MhEmployment.Web.Features.Imports;

/// <summary>
/// Tells whatever is derived from the stored values and the catalogue (the dashboards' snapshot and cached pages)
/// that they change. A commit, undo or catalogue edit wraps the end of its transaction in <see cref="Changing"/>:
/// from just before the change can be seen until just after, <see cref="Settled"/> is null, so that nothing cached
/// is served without a look at the database; and every change moves <see cref="Settled"/> on, so that nothing
/// built from the data before it is served after it. (Telling only after the transaction left a window in which a
/// reader could see the import committed and still be shown the figures from before it.)
/// </summary>
public sealed class ValuesChangedSignal
{
    private long generation;
    private int changing;

    /// <summary>Raised after each change, to drop what was cached from the data before it.</summary>
    public event EventHandler? Changed;

    /// <summary>
    /// The data's generation when no change is being committed; null while one is. Compare it with the generation
    /// something cached was built at: anything else than equal means "check the database".
    /// </summary>
    public long? Settled
    {
        get
        {
            // In this order: a change ends by moving the generation on before it stops counting as under way.
            if (Volatile.Read(ref changing) > 0)
            {
                return null;
            }
            return Interlocked.Read(ref generation);
        }
    }

    /// <summary>Call just before committing a transaction that changes values or the catalogue; dispose once it has ended (committed or not).</summary>
    public IDisposable Changing()
    {
        Interlocked.Increment(ref changing);
        Interlocked.Increment(ref generation);
        return new Change(this);
    }

    /// <summary>For a change made behind the app's back (already committed): what was cached is dropped.</summary>
    public void Raise() => Changing().Dispose();

    private void End()
    {
        Interlocked.Increment(ref generation);
        Interlocked.Decrement(ref changing);
        Changed?.Invoke(this, EventArgs.Empty);
    }

    private sealed class Change(ValuesChangedSignal signal) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                signal.End();
            }
        }
    }
}
