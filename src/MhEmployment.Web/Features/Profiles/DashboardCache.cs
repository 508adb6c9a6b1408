using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using MhEmployment.Web.Features.DataVersions;

namespace MhEmployment.Web.Features.Profiles;

/// <summary>
/// Holds the dashboards' snapshot of the data and what is derived from it, for one data version (see
/// <see cref="DataVersion"/>). Readers never wait on a reload: <see cref="RefreshAsync"/> (run by
/// <see cref="DashboardRefresher"/> when a change is committed here, and every second for other instances'
/// and the command line's changes) reads only the indicators the new versions touched, while requests are answered
/// from the previous snapshot, and then swaps the new one in at once. The only readers who wait are the first after a
/// start (there is nothing to answer from yet) and someone whose own change is not shown yet, for a few seconds.
/// The first load starts from the snapshot saved to files at the last run when there is one (<paramref name="savedFiles"/>).
/// </summary>
public sealed partial class DashboardCache(
    IDashboardSource source, DataVersion versions, IConfiguration configuration, ILogger<DashboardCache> logger, SnapshotFiles? savedFiles = null)
    : IDisposable
{
    private const int MaxDerivedEntries = 4096;

    /// <summary>Comparisons kept per indicator: its slices x periods shown x sets x benchmarks in use.</summary>
    private const int MaxComparisonsPerIndicator = 256;

    private readonly SemaphoreSlim loading = new(1, 1);
    private readonly Lock firstLoadLock = new();
    private readonly ConcurrentDictionary<string, Lazy<object>> derived = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, object> databaseReads = new(StringComparer.Ordinal);
    private long databaseReadsGeneration;
    private readonly ConditionalWeakTable<IndicatorValues, ConcurrentDictionary<string, Lazy<PeriodComparison>>> comparisons = [];
    private readonly TimeSpan ownChangeWait = TimeSpan.FromSeconds(configuration.GetValue("Dashboards:OwnChangeWaitSeconds", 10.0));
    private volatile ValueSnapshot? current;
    private volatile TaskCompletionSource published = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task<ValueSnapshot>? firstLoad;
    private long newestSeen;

    /// <summary>Raised after a new snapshot has replaced the previous one.</summary>
    public event EventHandler<long>? Published;

    /// <summary>The snapshot being served; null before the first load.</summary>
    public ValueSnapshot? Current => current;

    public void Dispose() => loading.Dispose();

    /// <summary>
    /// The snapshot to answer a request from, at once (after the first load). For <paramref name="viewer"/> whose own
    /// change is not shown yet, waits for it up to <c>Dashboards:OwnChangeWaitSeconds</c>; the page then says the
    /// figures are being updated (<see cref="IsBehind"/>) if it still is not.
    /// </summary>
    public async Task<ValueSnapshot> SnapshotAsync(string? viewer = null, CancellationToken cancellationToken = default)
    {
        var snapshot = current ?? await FirstLoadAsync().WaitAsync(cancellationToken);
        if (versions.ExpectedBy(viewer) is { } expected && snapshot.Version < expected)
        {
            snapshot = await ReachAsync(expected, ownChangeWait, cancellationToken);
        }
        return snapshot;
    }

    /// <summary>Whether a newer data version than <paramref name="snapshot"/>'s is known and being loaded.</summary>
    public bool IsBehind(ValueSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return Math.Max(Interlocked.Read(ref newestSeen), versions.LatestCommitted) > snapshot.Version;
    }

    /// <summary>For work that must include every committed change (tests, exports): reads the newest version first and waits for it.</summary>
    public async Task<ValueSnapshot> LatestAsync(CancellationToken cancellationToken = default)
    {
        if (current is null)
        {
            await FirstLoadAsync().WaitAsync(cancellationToken);
        }
        await RefreshAsync(cancellationToken);
        return current!;
    }

    /// <summary>For a change made behind the app's back (no data version recorded): everything is read again.</summary>
    public async Task<ValueSnapshot> ReloadAllAsync(CancellationToken cancellationToken = default)
    {
        await loading.WaitAsync(cancellationToken);
        try
        {
            return await LoadEverythingAsync(cancellationToken);
        }
        finally
        {
            loading.Release();
        }
    }

    /// <summary>Brings the snapshot up to the newest data version, reading only the indicators the changes since touched.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await loading.WaitAsync(cancellationToken);
        try
        {
            if (current is not { } snapshot)
            {
                return; // the first load reads the newest version anyway
            }
            var latest = await source.LatestVersionAsync(cancellationToken);
            NoteSeen(latest);
            if (latest <= snapshot.Version)
            {
                return;
            }
            var changed = await source.ChangedAsync(snapshot.Version, latest, cancellationToken);
            var started = TimeProvider.System.GetTimestamp();
            var next = await source.LoadAsync(latest, snapshot, changed, cancellationToken);
            Publish(next, keepDatabaseReads: changed is { BeyondValues: false });
            var elapsed = TimeProvider.System.GetElapsedTime(started);
            LogReloaded(logger, snapshot.Version, latest, changed?.Values.Count ?? -1, elapsed);
        }
        finally
        {
            loading.Release();
        }
    }

    /// <summary>
    /// An indicator's comparison (see <see cref="ComparisonShare"/>), kept with the indicator's values: a new data
    /// version that leaves the indicator alone takes its values over, and with them what was compared from them, so
    /// only the changed indicators' comparisons are built again.
    /// </summary>
    public PeriodComparison Comparison(IndicatorValues indicator, string key, Func<PeriodComparison> build)
    {
        ArgumentNullException.ThrowIfNull(build);
        var kept = comparisons.GetValue(indicator, _ => new ConcurrentDictionary<string, Lazy<PeriodComparison>>(StringComparer.Ordinal));
        if (!kept.ContainsKey(key) && kept.Count >= MaxComparisonsPerIndicator)
        {
            kept.Clear(); // bounded, as the derived pages are: chosen-group benchmarks can be any set of areas
        }
        return BuiltOnce(kept, key, build);
    }

    /// <summary>Something computed from one snapshot (a dashboard, a chart), kept until the data change.</summary>
    public T GetOrAdd<T>(ValueSnapshot from, string key, Func<T> build)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(build);
        if (!ReferenceEquals(from, current))
        {
            return build(); // a snapshot already replaced: not kept
        }
        var fullKey = $"{from.Version}|{typeof(T).Name}|{key}";
        if (!derived.ContainsKey(fullKey) && derived.Count >= MaxDerivedEntries)
        {
            derived.Clear(); // Crude but bounded: a flood of distinct queries cannot grow memory without limit.
        }
        return (T)BuiltOnce(derived, fullKey, build);
    }

    /// <summary>
    /// The value kept under <paramref name="key"/>, built by the first caller while those who ask meanwhile wait for
    /// it. Once a new version is published, every page built from the previous one is asked for again at once: 64
    /// connections each built the same comparisons of the changed indicator's million values, which held every
    /// request for a second. A build that fails is not kept, so the next caller tries again.
    /// </summary>
    private static TValue BuiltOnce<TValue>(ConcurrentDictionary<string, Lazy<TValue>> kept, string key, Func<TValue> build)
    {
        var entry = kept.GetOrAdd(key, _ => new Lazy<TValue>(build, LazyThreadSafetyMode.ExecutionAndPublication));
        try
        {
            return entry.Value;
        }
        catch
        {
            kept.TryRemove(new KeyValuePair<string, Lazy<TValue>>(key, entry));
            throw;
        }
    }

    /// <summary>
    /// What is read from the database besides the values (an area's asset coverage), kept until a change of something
    /// besides values and catalogue entries: every change such reads depend on (assets, ratings, areas) records a data
    /// version of its own kind. A new import leaves them standing, so the first readers after it do not all read the
    /// asset register again (for a region's comparison, one query per borough) while the changed indicators' pages
    /// are being built.
    /// </summary>
    public async Task<T> GetOrAddAsync<T>(string key, Func<CancellationToken, Task<T>> build, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(build);
        var fullKey = $"{typeof(T).Name}|{key}";
        var generation = Interlocked.Read(ref databaseReadsGeneration);
        if (databaseReads.TryGetValue(fullKey, out var found))
        {
            return (T)found;
        }
        var value = await build(cancellationToken);
        // Kept only if nothing it depends on changed while it was read.
        if (Interlocked.Read(ref databaseReadsGeneration) == generation)
        {
            if (databaseReads.Count >= MaxDerivedEntries)
            {
                databaseReads.Clear();
            }
            databaseReads[fullKey] = value;
            // A version published between the look above and this line has cleared the reads before this one went in.
            if (Interlocked.Read(ref databaseReadsGeneration) != generation)
            {
                databaseReads.TryRemove(new KeyValuePair<string, object>(fullKey, value));
            }
        }
        return value;
    }

    private Task<ValueSnapshot> FirstLoadAsync()
    {
        lock (firstLoadLock)
        {
            // Shared by every early reader, and never cancelled by one of them leaving; a failed load is tried again.
            if (firstLoad is null || firstLoad.IsFaulted || firstLoad.IsCanceled)
            {
                firstLoad = Task.Run(LoadFirstAsync);
            }
            return firstLoad;
        }
    }

    private async Task<ValueSnapshot> LoadFirstAsync()
    {
        await loading.WaitAsync();
        try
        {
            return current ?? await LoadFromSavedFilesAsync() ?? await LoadEverythingAsync(CancellationToken.None);
        }
        finally
        {
            loading.Release();
        }
    }

    /// <summary>
    /// The snapshot saved at the last run, brought up to the newest version as any new version is: only the indicators
    /// changed since it was saved (and any it lacks) are read. Null when there is none to use, or it cannot be read.
    /// The caller holds the loading lock.
    /// </summary>
    private async Task<ValueSnapshot?> LoadFromSavedFilesAsync()
    {
        if (savedFiles is null)
        {
            return null;
        }
        var started = TimeProvider.System.GetTimestamp();
        ValueSnapshot? saved;
        try
        {
            saved = await savedFiles.ReadAsync(source, CancellationToken.None);
        }
        catch (Exception ex)
        {
            LogSavedUnreadable(logger, savedFiles.Directory, ex);
            return null;
        }
        if (saved is null)
        {
            return null;
        }
        // Read after the files' version was checked against the database, so at least that version.
        var latest = await source.LatestVersionAsync(CancellationToken.None);
        var changed = await source.ChangedAsync(saved.Version, latest, CancellationToken.None);
        var loaded = await source.LoadAsync(latest, saved, changed, CancellationToken.None);
        Publish(loaded);
        var elapsed = TimeProvider.System.GetElapsedTime(started);
        var fromFiles = loaded.Indicators.Count(i => saved.IndicatorsByKey.TryGetValue(i.Indicator.Key, out var s) && ReferenceEquals(s.Tables, i.Tables));
        var read = loaded.Indicators.Count - fromFiles;
        var values = loaded.Indicators.Sum(i => i.ValueCount);
        LogLoadedFromFiles(logger, latest, saved.Version, fromFiles, read, values, elapsed);
        return loaded;
    }

    /// <summary>Reads every area and value at the newest version and serves it; the caller holds the loading lock.</summary>
    private async Task<ValueSnapshot> LoadEverythingAsync(CancellationToken cancellationToken)
    {
        var started = TimeProvider.System.GetTimestamp();
        var latest = await source.LatestVersionAsync(cancellationToken);
        var loaded = await source.LoadAsync(latest, null, null, cancellationToken);
        Publish(loaded);
        var elapsed = TimeProvider.System.GetElapsedTime(started);
        var values = loaded.Indicators.Sum(i => i.ValueCount);
        LogLoaded(logger, latest, values, elapsed);
        return loaded;
    }

    /// <summary>Waits until the snapshot has reached <paramref name="version"/>, or the time is up: then answers with what there is.</summary>
    private async Task<ValueSnapshot> ReachAsync(long version, TimeSpan limit, CancellationToken cancellationToken)
    {
        versions.Wake();
        var deadline = TimeProvider.System.GetTimestamp() + (long)(limit.TotalSeconds * TimeProvider.System.TimestampFrequency);
        while (true)
        {
            var next = published.Task;
            if (current!.Version >= version)
            {
                return current;
            }
            var left = TimeSpan.FromSeconds((double)(deadline - TimeProvider.System.GetTimestamp()) / TimeProvider.System.TimestampFrequency);
            if (left <= TimeSpan.Zero)
            {
                return current;
            }
            try
            {
                await next.WaitAsync(left, cancellationToken);
            }
            catch (TimeoutException)
            {
                return current;
            }
        }
    }

    private void Publish(ValueSnapshot snapshot, bool keepDatabaseReads = false)
    {
        NoteSeen(snapshot.Version);
        if (!keepDatabaseReads)
        {
            Interlocked.Increment(ref databaseReadsGeneration);
            databaseReads.Clear();
        }
        current = snapshot;
        derived.Clear();
        versions.Reached(snapshot.Version);
        Interlocked.Exchange(ref published, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        Published?.Invoke(this, snapshot.Version);
    }

    private void NoteSeen(long version) => DataVersion.RaiseTo(ref newestSeen, version);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dashboards loaded data version {Version}: {Values} values in {Elapsed}")]
    private static partial void LogLoaded(ILogger logger, long version, int values, TimeSpan elapsed);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dashboards loaded data version {Version} from the snapshot saved at {Saved}: {FromFiles} indicators from its files, {Read} read from the database, {Values} values in {Elapsed}")]
    private static partial void LogLoadedFromFiles(ILogger logger, long version, long saved, int fromFiles, int read, int values, TimeSpan elapsed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The dashboards' saved snapshot in {Directory} could not be read; everything is read from the database")]
    private static partial void LogSavedUnreadable(ILogger logger, string directory, Exception exception);

    /// <param name="indicators">How many indicators were read again; -1 for all.</param>
    [LoggerMessage(Level = LogLevel.Information, Message = "Dashboards moved from data version {From} to {To}, reading {Indicators} indicators again (-1: all) in {Elapsed}")]
    private static partial void LogReloaded(ILogger logger, long from, long to, int indicators, TimeSpan elapsed);
}
