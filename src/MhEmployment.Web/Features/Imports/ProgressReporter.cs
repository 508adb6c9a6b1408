using System.Diagnostics;
using MhEmployment.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace MhEmployment.Web.Features.Imports;

/// <summary>
/// Publishes an import's progress about twice a second while it is validated, through a context of its own (the
/// import's own connection is busy streaming rows), so the progress bar moves.
/// </summary>
public sealed class ProgressReporter(IServiceScopeFactory scopes, int importId, ImportReading reading)
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
                Publish();
                _sinceLast.Restart();
            }
            yield return row;
        }
    }

    private void Publish()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var progress = Math.Min(0.99, reading.Progress());
        var rows = reading.RecordsRead;
        db.Imports.Where(i => i.Id == importId).ExecuteUpdate(s => s.SetProperty(i => i.Progress, progress).SetProperty(i => i.RowCount, rows));
    }
}
