using System.Collections.Concurrent;
using MhEmployment.Web.Features.Imports;

namespace MhEmployment.Web.Features.Profiles;

/// <summary>
/// Holds the dashboards' snapshot of the data and what is derived from it. Values change only when an import is
/// committed or undone, and the catalogue when an analyst edits it: this instance hears of it through
/// <see cref="ValuesChangedSignal"/>, and a cheap stamp of the import history and the catalogue's audited edits is
/// re-read every few seconds so that another instance's or the command line's changes show too.
/// </summary>
/// <remarks>
/// A snapshot is served without a look at the database only while no change is being committed and none has been
/// since it was last checked (the signal's generation is the one it was checked at). A reader whose snapshot was
/// built from the data before a change therefore never has it served after the change: whoever has seen the change
/// committed is shown its figures.
/// </remarks>
public sealed class DashboardCache : IDisposable
{
    private const int MaxDerivedEntries = 4096;

    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly TimeSpan recheck;
    private readonly ConcurrentDictionary<string, object> derived = new(StringComparer.Ordinal);
    private readonly IDashboardSource source;
    private readonly TimeProvider clock;
    private readonly ValuesChangedSignal signal;
    private volatile Checked? state;
    private long version;

    public DashboardCache(IDashboardSource source, IConfiguration configuration, TimeProvider clock, ValuesChangedSignal signal)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        this.source = source;
        this.clock = clock;
        this.signal = signal;
        recheck = TimeSpan.FromSeconds(configuration.GetValue("Dashboards:RecheckSeconds", 5.0));
    }

    public void Dispose() => gate.Dispose();

    /// <summary>For a change made behind the app's back: everything derived is dropped, and the next request reads the data afresh.</summary>
    public void Invalidate() => signal.Raise();

    public async Task<ValueSnapshot> SnapshotAsync(CancellationToken cancellationToken = default)
    {
        var known = state;
        if (IsFresh(known))
        {
            return known!.Snapshot;
        }
        await gate.WaitAsync(cancellationToken);
        try
        {
            known = state;
            if (IsFresh(known))
            {
                return known!.Snapshot;
            }
            // Read before the stamp: a change that begins while the data are read leaves this behind, so what is read
            // now is checked again by the next request.
            var generation = signal.Settled;
            var stamp = await source.StampAsync(cancellationToken);
            var current = known is not null && known.Stamp == stamp ? known.Snapshot : null;
            if (current is null)
            {
                current = await source.LoadAsync(Interlocked.Increment(ref version), cancellationToken);
                derived.Clear();
            }
            state = new Checked(current, stamp, generation, clock.GetTimestamp());
            return current;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Something computed from one snapshot (a dashboard, a chart), kept until the data change.</summary>
    public T GetOrAdd<T>(ValueSnapshot from, string key, Func<T> build)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(build);
        var fullKey = $"{from.Version}|{typeof(T).Name}|{key}";
        if (derived.TryGetValue(fullKey, out var found))
        {
            return (T)found;
        }
        var value = build();
        if (ReferenceEquals(from, state?.Snapshot))
        {
            if (derived.Count >= MaxDerivedEntries)
            {
                derived.Clear(); // Crude but bounded: a flood of distinct queries cannot grow memory without limit.
            }
            derived[fullKey] = value;
        }
        return value;
    }

    private bool IsFresh(Checked? known) =>
        known is { Generation: { } generation } && signal.Settled == generation && clock.GetElapsedTime(known.At) < recheck;

    /// <summary>A snapshot, the stamp it matched, the signal's generation before that stamp was read (null: a change was under way), and when.</summary>
    private sealed record Checked(ValueSnapshot Snapshot, string Stamp, long? Generation, long At);
}
