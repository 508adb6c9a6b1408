namespace MhEmployment.Web.Infrastructure;

/// <summary>
/// How many scopes of some work are open now: each <see cref="Enter"/> counts one until its scope is disposed (once,
/// however often Dispose is called). Scopes nest and overlap; <paramref name="lastLeft"/> runs when the count returns
/// to zero.
/// </summary>
public sealed class OpenScopes(Action? lastLeft = null)
{
    private int _open;

    public bool Any => Volatile.Read(ref _open) > 0;

    public IDisposable Enter()
    {
        Interlocked.Increment(ref _open);
        return new Scope(this);
    }

    private void Leave()
    {
        if (Interlocked.Decrement(ref _open) == 0)
        {
            lastLeft?.Invoke();
        }
    }

    private sealed class Scope(OpenScopes owner) : IDisposable
    {
        private int _left;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _left, 1) == 0)
            {
                owner.Leave();
            }
        }
    }
}
