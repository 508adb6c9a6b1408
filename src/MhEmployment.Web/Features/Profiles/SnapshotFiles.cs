using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MhEmployment.Web.Infrastructure;

namespace MhEmployment.Web.Features.Profiles;

/// <summary>
/// The dashboards' snapshot saved to local files, so that a start reads its values from them instead of the database
/// (ADR 0012, "Saved snapshots"): a file per indicator (<see cref="IndicatorValuesFile"/>) and a manifest naming them,
/// with the data version they reflect, the areas, and a fingerprint of the database at that version (when its data
/// change was recorded). A start uses them only when the database's change at that version is the one they were saved
/// at; changes since are then read as any new version is. One folder per database; saves and reads of a folder take
/// turns, between processes too.
/// </summary>
public sealed partial class SnapshotFiles(string directory, ILogger<SnapshotFiles> logger)
{
    private const string ManifestName = "manifest.json";
    private const string LockName = "saving.lock";
    private const string Extension = ".values";

    /// <summary>Raise it when the manifest changes.</summary>
    private const int ManifestFormat = 1;

    /// <summary>Indicators read at once: each is a file read whole, hashed and copied into its columns.</summary>
    private static readonly int Parallelism = Math.Clamp(Environment.ProcessorCount, 1, 4);

    private static readonly TimeSpan LockWait = TimeSpan.FromSeconds(60);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// This build of the app (deterministic: the same sources give the same id). Files saved by another build are not
    /// read, so a change to how values are built or written can never be read back wrongly.
    /// </summary>
    private static readonly string Build = typeof(SnapshotFiles).Assembly.ManifestModule.ModuleVersionId.ToString("N");

    private readonly Lock savedLock = new();

    /// <summary>The manifest this process last wrote or read, and the columns each of its files holds.</summary>
    private Guid savedManifest;
    private Dictionary<int, (IndicatorTables Tables, string File)> saved = [];

    /// <summary>This database's folder.</summary>
    public string Directory { get; } = directory;

    /// <summary>
    /// The folder for this database's saved snapshot, or null when saving is off: <c>Dashboards:SavedSnapshotDirectory</c>
    /// (default App_Data/saved-snapshots under the content root; empty turns it off), and in it a folder named by a
    /// hash of the provider and the connection string without its password, so that two databases never share files.
    /// </summary>
    public static string? DirectoryFor(IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        var configured = configuration["Dashboards:SavedSnapshotDirectory"];
        if (configured is not null && string.IsNullOrWhiteSpace(configured))
        {
            return null;
        }
        var root = configured ?? Path.Combine("App_Data", "saved-snapshots");
        var provider = DatabaseSetup.ProviderFrom(configuration);
        var connection = provider == DatabaseProvider.Sqlite
            ? DatabaseSetup.SqliteConnectionString(configuration, environment)
            : configuration.GetConnectionString("Postgres") ?? "";
        return Path.Combine(Path.IsPathRooted(root) ? root : Path.Combine(environment.ContentRootPath, root), FolderName(provider, connection));
    }

    /// <summary>The provider and a hash of the connection string without its password.</summary>
    public static string FolderName(DatabaseProvider provider, string connectionString)
    {
        var builder = new DbConnectionStringBuilder { ConnectionString = connectionString };
        builder.Remove("Password");
        builder.Remove("Pwd");
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{provider}\n{builder.ConnectionString}"));
        return $"{provider.ToString().ToLowerInvariant()}-{Convert.ToHexStringLower(hash)[..16]}";
    }

    /// <summary>
    /// The snapshot saved last, under the current catalogue (indicators since removed are left out; those added are
    /// not in it), at the version it was saved at; null when there is none to use: none saved, or saved by another
    /// build, or of another state of the database (its change at that version is not the one saved: a restored or a
    /// different database), when the files are deleted. Throws when the manifest or a file cannot be read.
    /// </summary>
    public async Task<ValueSnapshot?> ReadAsync(IDashboardSource source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (!System.IO.Directory.Exists(Directory))
        {
            return null;
        }
        await using var turn = await TakeTurnAsync(cancellationToken);
        if (ReadManifest() is not { } manifest)
        {
            return null;
        }
        if (manifest.Build != Build)
        {
            LogDiscarded(logger, manifest.Version, "they were saved by another build of the app");
            DeleteAllBut([]);
            return null;
        }
        var changedAt = await source.ChangeTimeAsync(manifest.Version, cancellationToken);
        if (changedAt?.Ticks != manifest.ChangeTicks)
        {
            LogDiscarded(logger, manifest.Version, "the database's change at that version is not the one they were saved at");
            DeleteAllBut([]);
            return null;
        }
        var catalogue = (await source.CatalogueAsync(cancellationToken)).Where(i => manifest.Files.ContainsKey(i.Id)).ToList();
        var read = new ConcurrentDictionary<int, IndicatorValues>();
        await Parallel.ForEachAsync(catalogue, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            (indicator, _) =>
            {
                using var stream = new FileStream(Path.Combine(Directory, manifest.Files[indicator.Id]), FileMode.Open, FileAccess.Read,
                    FileShare.Read, 1 << 16, FileOptions.SequentialScan);
                read[indicator.Id] = IndicatorValuesFile.Read(stream, indicator);
                return ValueTask.CompletedTask;
            });
        lock (savedLock)
        {
            savedManifest = manifest.Id;
            saved = read.ToDictionary(r => r.Key, r => (r.Value.Tables, manifest.Files[r.Key]));
        }
        return new ValueSnapshot(manifest.Version, manifest.Areas, read.Values);
    }

    /// <summary>
    /// Saves <paramref name="snapshot"/>, whose version's change was recorded at <paramref name="changedAt"/>: writes
    /// the files of the indicators whose values are not those saved last, each to a new file; then the manifest, to a
    /// temporary file renamed over the previous one (a start reads the one or the other, whole); then deletes the files
    /// the manifest does not list. Returns how many files were written. Until the rename, the previous save stands.
    /// </summary>
    public async Task<int> SaveAsync(ValueSnapshot snapshot, DateTime changedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        System.IO.Directory.CreateDirectory(Directory);
        await using var turn = await TakeTurnAsync(cancellationToken);
        Dictionary<int, (IndicatorTables Tables, string File)> before;
        lock (savedLock)
        {
            // Another process sharing the folder may have saved since: then none of this one's files can be counted on.
            before = ManifestIdOnDisk() == savedManifest ? saved : [];
        }
        var files = new Dictionary<int, (IndicatorTables Tables, string File)>();
        var written = 0;
        foreach (var values in snapshot.Indicators)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var id = values.Indicator.Id;
            // The tables are made with the values and shared by the copies under an edited entry: the same tables, the same values.
            if (before.TryGetValue(id, out var kept) && ReferenceEquals(kept.Tables, values.Tables))
            {
                files[id] = kept;
                continue;
            }
            var name = string.Create(CultureInfo.InvariantCulture, $"{id}-{Guid.NewGuid():N}{Extension}");
            await using (var stream = new FileStream(Path.Combine(Directory, name), FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                // Encoding a million values is CPU that nobody waits for: at background priority, off the pool.
                await OwnThread.RunInBackgroundAsync(() => IndicatorValuesFile.Write(stream, values), BackgroundPriority.Unwatched, cancellationToken);
            }
            files[id] = (values.Tables, name);
            written++;
        }
        var manifest = new Manifest(ManifestFormat, Build, Guid.NewGuid(), snapshot.Version, changedAt.Ticks, [.. snapshot.Areas.Values],
            files.ToDictionary(f => f.Key, f => f.Value.File));
        var temporary = Path.Combine(Directory, ManifestName + ".tmp");
        await File.WriteAllBytesAsync(temporary, JsonSerializer.SerializeToUtf8Bytes(manifest, Json), cancellationToken);
        File.Move(temporary, Path.Combine(Directory, ManifestName), overwrite: true);
        lock (savedLock)
        {
            savedManifest = manifest.Id;
            saved = files;
        }
        DeleteAllBut([ManifestName, .. manifest.Files.Values]);
        return written;
    }

    /// <summary>The manifest, or null when there is none; throws when it cannot be read.</summary>
    private Manifest? ReadManifest()
    {
        var path = Path.Combine(Directory, ManifestName);
        if (!File.Exists(path))
        {
            return null;
        }
        Manifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<Manifest>(File.ReadAllBytes(path), Json);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"The saved snapshot's manifest {path} cannot be read: {ex.Message}", ex);
        }
        if (manifest is null || manifest.Format != ManifestFormat || manifest.Build is null || manifest.Areas is null || manifest.Files is null
            || manifest.Files.Values.Any(f => f is null || Path.GetFileName(f) != f || !f.EndsWith(Extension, StringComparison.Ordinal)))
        {
            throw new InvalidDataException($"The saved snapshot's manifest {path} is not one this app writes.");
        }
        return manifest;
    }

    private Guid? ManifestIdOnDisk()
    {
        try
        {
            return ReadManifest()?.Id;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    /// <summary>Deletes the folder's files but the lock and those named (a save cut short leaves files no manifest lists).</summary>
    private void DeleteAllBut(IReadOnlyCollection<string> keep)
    {
        var kept = new HashSet<string>(keep, StringComparer.Ordinal) { LockName };
        foreach (var path in System.IO.Directory.EnumerateFiles(Directory))
        {
            if (!kept.Contains(Path.GetFileName(path)))
            {
                try
                {
                    File.Delete(path);
                }
                catch (IOException ex)
                {
                    LogNotDeleted(logger, path, ex.Message); // tried again at the next save
                }
            }
        }
    }

    /// <summary>
    /// Waits for the folder's lock: a file held open exclusively (a lock the operating system drops with the process),
    /// so that two processes sharing the folder never save, or read and save, at once.
    /// </summary>
    private async Task<FileStream> TakeTurnAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            try
            {
                return new FileStream(Path.Combine(Directory, LockName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (Stopwatch.GetElapsedTime(started) < LockWait)
            {
                await Task.Delay(100, cancellationToken);
            }
        }
    }

    /// <summary>What a saved snapshot holds besides the values: see <see cref="SnapshotFiles"/>.</summary>
    private sealed record Manifest(
        int Format, string Build, Guid Id, long Version, long ChangeTicks, List<SnapshotArea> Areas, Dictionary<int, string> Files);

    [LoggerMessage(Level = LogLevel.Information, Message = "The dashboards' snapshot saved at data version {Version} is not used, and is deleted: {Reason}")]
    private static partial void LogDiscarded(ILogger logger, long version, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A saved snapshot's file {Path} could not be deleted: {Reason}")]
    private static partial void LogNotDeleted(ILogger logger, string path, string reason);
}
