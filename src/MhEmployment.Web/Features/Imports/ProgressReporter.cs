using System.Collections.Concurrent;
using System.Diagnostics;
using MhEmployment.Web.Domain;

namespace MhEmployment.Web.Features.Imports;

/// <summary>
/// How far each running validation has read, in memory: writing it to the database would wait on the import's own
/// transaction (SQLite has one writer) and would cost a write twice a second for a transient figure.
/// </summary>
public sealed class ImportProgressBoard
{
    private readonly ConcurrentDictionary<int, (double Progress, long Rows)> _running = new();

    public void Set(int importId, double progress, long rows) => _running[importId] = (progress, rows);

    public (double Progress, long Rows)? Get(int importId) => _running.TryGetValue(importId, out var value) ? value : null;

    public void Clear(int importId) => _running.TryRemove(importId, out _);

    /// <summary>
    /// The import <paramref name="read"/> returns, with its live progress while it is being validated or committed.
    /// The board is read first: a run's entry is cleared only once the import's status has moved on, so a run that ends
    /// in between is seen ended, never as still running with the progress stored at its start.
    /// </summary>
    public async Task<Import?> ReadAsync(int importId, Func<Task<Import?>> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        var live = Get(importId);
        var import = await read();
        if (import is { Status: ImportStatus.Validating or ImportStatus.Committing } && live is { } running)
        {
            import.Progress = running.Progress;
            import.RowCount = running.Rows;
        }
        return import;
    }
}

/// <summary>Publishes a validation's progress about twice a second while its rows stream through.</summary>
public sealed class ProgressReporter(ImportProgressBoard board, int importId, ImportReading reading)
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);
    private readonly Stopwatch _sinceLast = Stopwatch.StartNew();

    public long Rows => reading.RecordsRead;

    public IEnumerable<StagedValue> Track(IEnumerable<StagedValue> rows)
    {
        foreach (var row in rows)
        {
            if (_sinceLast.Elapsed > Interval)
            {
                board.Set(importId, Math.Min(0.99, reading.Progress()), reading.RecordsRead);
                _sinceLast.Restart();
            }
            yield return row;
        }
    }
}
