using MhEmployment.Web.Data;
using MhEmployment.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace MhEmployment.Web.Features.Exports.Bulk;

/// <summary>
/// Hands queued jobs to workers, each to exactly one, however many instances of the app share the database: the claim
/// is one UPDATE that matches only while the job is still queued. Of two workers that pick the same job, the database
/// lets one update it; the other updates nothing (PostgreSQL re-reads the row after the first commits; SQLite runs one
/// writer at a time) and tries the next job.
/// </summary>
public static class ExportJobClaims
{
    /// <summary>The oldest queued job, now running for the caller; null when none is queued.</summary>
    public static async Task<int?> ClaimNextAsync(AppDbContext db, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        while (true)
        {
            var candidate = await db.ExportJobs.Where(j => j.Status == ExportJobStatus.Queued).OrderBy(j => j.Id)
                .Select(j => (int?)j.Id).FirstOrDefaultAsync(cancellationToken);
            if (candidate is not { } id)
            {
                return null;
            }
            var claimed = await db.ExportJobs.Where(j => j.Id == id && j.Status == ExportJobStatus.Queued).ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Status, ExportJobStatus.Running)
                .SetProperty(j => j.StartedUtc, now)
                .SetProperty(j => j.HeartbeatUtc, now), cancellationToken);
            if (claimed == 1)
            {
                return id;
            }
        }
    }
}
