using MhEmployment.Web.Data;
using MhEmployment.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace MhEmployment.Web.Features.Refresh;

/// <summary>
/// Hands queued runs to workers, each to exactly one, however many instances share the database: the claim is one
/// UPDATE that matches only while the run is still queued (as <see cref="Exports.Bulk.ExportJobClaims"/> does for exports).
/// </summary>
public static class RefreshClaims
{
    /// <summary>The oldest queued run, now running for the caller; null when none is queued.</summary>
    public static async Task<int?> ClaimNextAsync(AppDbContext db, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        while (true)
        {
            var candidate = await db.RefreshRuns.Where(r => r.Status == RefreshRunStatus.Queued).OrderBy(r => r.Id)
                .Select(r => (int?)r.Id).FirstOrDefaultAsync(cancellationToken);
            if (candidate is not { } id)
            {
                return null;
            }
            var claimed = await db.RefreshRuns.Where(r => r.Id == id && r.Status == RefreshRunStatus.Queued).ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Status, RefreshRunStatus.Running)
                .SetProperty(r => r.StartedUtc, now)
                .SetProperty(r => r.HeartbeatUtc, now), cancellationToken);
            if (claimed == 1)
            {
                return id;
            }
        }
    }
}
