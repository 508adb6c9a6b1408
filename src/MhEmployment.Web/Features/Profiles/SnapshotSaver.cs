namespace MhEmployment.Web.Features.Profiles;

/// <summary>
/// Saves each snapshot the dashboards publish to files (<see cref="SnapshotFiles"/>), in the background and never on a
/// reader's time: one save at a time, and a snapshot published meanwhile replaces any still waiting, so the next save
/// is of the newest. A failed save is logged and leaves the previous one standing.
/// </summary>
public sealed partial class SnapshotSaver(DashboardCache cache, SnapshotFiles files, IDashboardSource source, ILogger<SnapshotSaver> logger)
    : BackgroundService
{
    private readonly SemaphoreSlim offered = new(0, 1);
    private volatile TaskCompletionSource savedSignal = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ValueSnapshot? pending;
    private ValueSnapshot? lastSaved;
    private long savedVersion = -1;

    /// <summary>The data version of the newest snapshot saved (or found to need no files, as version 0); -1 before any.</summary>
    public long SavedVersion => Interlocked.Read(ref savedVersion);

    /// <summary>Waits until a snapshot of <paramref name="version"/> or later is saved.</summary>
    public async Task SavedAsync(long version, CancellationToken cancellationToken)
    {
        while (true)
        {
            var next = savedSignal.Task;
            if (SavedVersion >= version)
            {
                return;
            }
            await next.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Asks for <paramref name="snapshot"/> to be saved, instead of any snapshot offered before and not yet being saved.</summary>
    public void Offer(ValueSnapshot snapshot)
    {
        Volatile.Write(ref pending, snapshot);
        try
        {
            offered.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already offered: the save still to come takes the newest.
        }
    }

    public override void Dispose()
    {
        offered.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        cache.Published += OnPublished;
        try
        {
            if (cache.Current is { } already)
            {
                Offer(already);
            }
            while (true)
            {
                await offered.WaitAsync(stoppingToken);
                if (Interlocked.Exchange(ref pending, null) is not { } snapshot || ReferenceEquals(snapshot, lastSaved))
                {
                    continue;
                }
                try
                {
                    await SaveAsync(snapshot, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogSaveFailed(logger, snapshot.Version, files.Directory, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: a save cut short leaves the previous manifest and its files as they were.
        }
        finally
        {
            cache.Published -= OnPublished;
        }
    }

    private void OnPublished(object? sender, long version)
    {
        if (cache.Current is { } snapshot)
        {
            Offer(snapshot);
        }
    }

    private async Task SaveAsync(ValueSnapshot snapshot, CancellationToken cancellationToken)
    {
        var started = TimeProvider.System.GetTimestamp();
        // Before any change there is no version to fingerprint the files with, and nothing worth saving.
        if (await source.ChangeTimeAsync(snapshot.Version, cancellationToken) is { } changedAt)
        {
            var written = await files.SaveAsync(snapshot, changedAt, cancellationToken); // its encoding runs at background priority
            var elapsed = TimeProvider.System.GetElapsedTime(started);
            var indicators = snapshot.Indicators.Count;
            LogSaved(logger, snapshot.Version, written, indicators, elapsed);
        }
        lastSaved = snapshot;
        DataVersions.DataVersion.RaiseTo(ref savedVersion, snapshot.Version);
        Interlocked.Exchange(ref savedSignal, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Dashboards' snapshot of data version {Version} saved: {Written} of {Indicators} indicators' files written in {Elapsed}")]
    private static partial void LogSaved(ILogger logger, long version, int written, int indicators, TimeSpan elapsed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The dashboards' snapshot of data version {Version} could not be saved to {Directory}; the previous save stands")]
    private static partial void LogSaveFailed(ILogger logger, long version, string directory, Exception exception);
}

/// <summary>Registers the saved snapshots when <c>Dashboards:SavedSnapshotDirectory</c> is not turned off.</summary>
public static class SavedSnapshotServices
{
    public static IServiceCollection AddSavedSnapshots(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        if (SnapshotFiles.DirectoryFor(configuration, environment) is { } directory)
        {
            services.AddSingleton(sp => new SnapshotFiles(directory, sp.GetRequiredService<ILogger<SnapshotFiles>>()));
            services.AddSingleton<SnapshotSaver>();
            services.AddHostedService(sp => sp.GetRequiredService<SnapshotSaver>());
        }
        return services;
    }
}
