using MhEmployment.Web.Data;
using MhEmployment.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace MhEmployment.Web.Features.Imports.Jobs;

/// <summary>
/// The database side of import jobs shared by several instances (ADR 0017): claiming a queued job for exactly one
/// instance, and finding the work of instances that stopped.
/// </summary>
public static class ImportJobSweep
{
    public const string StoppedCommitting = "The app stopped while committing this import. Nothing of it was written; commit it again.";
    public const string StoppedValidating = "The app stopped while validating this import. Validate it again.";

    /// <summary>
    /// The oldest queued job whose import no instance is working on, now this instance's under a lease; null when there
    /// is none. The claim is one UPDATE that matches only while the job is unclaimed, so two instances never both win it.
    /// </summary>
    public static async Task<int?> ClaimNextAsync(AppDbContext db, string owner, DateTime now, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var until = now + lease;
        while (true)
        {
            var candidate = await db.ImportJobs
                .Where(j => j.Owner == null && !db.ImportJobs.Any(o => o.ImportId == j.ImportId && o.Owner != null))
                .OrderBy(j => j.Id).Select(j => (int?)j.Id).FirstOrDefaultAsync(cancellationToken);
            if (candidate is not { } id)
            {
                return null;
            }
            var claimed = await db.ImportJobs.Where(j => j.Id == id && j.Owner == null).ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Owner, owner)
                .SetProperty(j => j.LeaseExpiresUtc, until), cancellationToken);
            if (claimed == 1)
            {
                return id;
            }
        }
    }

    /// <summary>
    /// Other instances' jobs whose lease ran out: those instances stopped (a crash, a kill, a lost network). This
    /// instance's own are left alone: it knows they are alive, though a database too busy to take a renewal may have let
    /// their lease lapse. Each job is removed only if its lease is still out at that moment, then its import is marked
    /// interrupted. A commit is one transaction, so nothing of it was written. Returns the imports marked.
    /// </summary>
    public static async Task<IReadOnlyList<int>> ReleaseExpiredAsync(AppDbContext db, string self, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var expired = await db.ImportJobs.Where(j => j.Owner != null && j.Owner != self && j.LeaseExpiresUtc < now)
            .Select(j => new { j.Id, j.ImportId }).ToListAsync(cancellationToken);
        var marked = new List<int>();
        foreach (var job in expired)
        {
            if (await db.ImportJobs.Where(j => j.Id == job.Id && j.LeaseExpiresUtc < now).ExecuteDeleteAsync(cancellationToken) == 1)
            {
                await MarkInterruptedAsync(db, db.Imports.Where(i => i.Id == job.ImportId), cancellationToken);
                marked.Add(job.ImportId);
            }
        }
        return marked;
    }

    /// <summary>
    /// At start: imports left validating or committing without any job (by a version of the app before jobs were kept
    /// in the database, or by an instance that stopped between removing a job and marking its import).
    /// </summary>
    public static Task MarkJoblessAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return MarkInterruptedAsync(db, db.Imports.Where(i => !db.ImportJobs.Any(j => j.ImportId == i.Id)), cancellationToken);
    }

    /// <summary>Those of <paramref name="imports"/> still validating or committing: their work did not finish.</summary>
    public static async Task MarkInterruptedAsync(AppDbContext db, IQueryable<Import> imports, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(imports);
        await imports.Where(i => i.Status == ImportStatus.Committing).ExecuteUpdateAsync(s => s
            .SetProperty(i => i.Status, ImportStatus.Interrupted)
            .SetProperty(i => i.Message, StoppedCommitting), cancellationToken);
        await imports.Where(i => i.Status == ImportStatus.Validating).ExecuteUpdateAsync(s => s
            .SetProperty(i => i.Status, ImportStatus.Interrupted)
            .SetProperty(i => i.ValidationComplete, false)
            .SetProperty(i => i.Message, StoppedValidating), cancellationToken);
    }
}
