using System.Collections.Concurrent;
using System.Diagnostics;
using MhEmployment.Web.Data;
using MhEmployment.Web.Domain;
using Microsoft.EntityFrameworkCore;

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
    /// The import, with its live progress while it is being validated or committed: this instance's own if it runs the
    /// work, otherwise what the instance running it last wrote on the job with its lease.
    /// </summary>
    public Task<Import?> ReadAsync(AppDbContext db, int importId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return ReadAsync(importId,
            () => db.Imports.AsNoTracking().SingleOrDefaultAsync(i => i.Id == importId, cancellationToken),
            async () => await db.ImportJobs.Where(j => j.ImportId == importId && j.Owner != null && j.Rows > 0)
                .Select(j => new { j.Progress, j.Rows }).FirstOrDefaultAsync(cancellationToken) is { } job ? (job.Progress, job.Rows) : null);
    }

    /// <summary>
    /// The import <paramref name="read"/> returns, with the live progress while it is being validated or committed:
    /// this board's, or else <paramref name="readElsewhere"/>'s. The board is read first: a run's entry is cleared only
    /// once the import's status has moved on, so a run that ends in between is seen ended, never as still running with
    /// the progress stored at its start.
    /// </summary>
    public async Task<Import?> ReadAsync(int importId, Func<Task<Import?>> read, Func<Task<(double Progress, long Rows)?>> readElsewhere)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(readElsewhere);
        var live = Get(importId);
        var import = await read();
        if (import is not { Status: ImportStatus.Validating or ImportStatus.Committing })
        {
            return import;
        }
        if ((live ?? await readElsewhere()) is { } running)
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
