using System.Globalization;
using System.Security.Claims;
using MhEmployment.Web.Data;
using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Accounts;
using MhEmployment.Web.Features.Audit;
using MhEmployment.Web.Features.NeedsAssets;
using MhEmployment.Web.Features.Profiles;
using Microsoft.EntityFrameworkCore;

namespace MhEmployment.Web.Features.Exports.Bulk;

/// <summary>The outcome of a request: the queued job, or the problems with the form.</summary>
public sealed record BulkExportRequested(int? JobId, IReadOnlyList<(string Field, string Message)> Problems);

/// <summary>
/// Bulk exports for the pages: what may be asked for, queuing a job, a person's jobs, cancelling, and the finished zip.
/// A job is its requester's (an Admin may see and stop anyone's).
/// </summary>
public sealed class BulkExports(
    AppDbContext db, Dashboards dashboards, NeedsAssetsService needs, PdfConverter pdf, AuditLog audit, BulkExportSignal signal, TimeProvider clock)
{
    /// <summary>How many of a person's jobs their list shows.</summary>
    public const int RecentCount = 20;

    public async Task<BulkExportChoices> ChoicesAsync(CancellationToken cancellationToken)
    {
        var regions = await dashboards.RegionsAsync(cancellationToken);
        return new BulkExportChoices([.. regions.Select(r => (r.Code, r.Name))], await needs.SchemeNamesAsync(cancellationToken), pdf.IsAvailable, pdf.InstallHint);
    }

    public async Task<BulkExportRequested> RequestAsync(BulkExportForm form, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var (order, problems) = BulkExportRules.Check(form, await ChoicesAsync(cancellationToken));
        if (order is null)
        {
            return new BulkExportRequested(null, problems);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var job = new ExportJob
        {
            RegionCode = order.RegionCode,
            RegionName = order.RegionName,
            Format = order.Format,
            Benchmark = order.Benchmark,
            Scheme = order.Scheme,
            Sections = order.SectionKeys,
            RequestedBy = user.Identity?.Name ?? "unknown",
            RequestedByUserId = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "",
            Status = ExportJobStatus.Queued,
            CreatedUtc = now,
            ExpiresUtc = now + ExportJob.Lifetime,
        };
        db.ExportJobs.Add(job);
        await db.SaveChangesAsync(cancellationToken);
        await audit.WriteAsync(AuditActions.BulkExportRequested, Target(job), Describe(job), cancellationToken: cancellationToken);
        signal.Wake();
        return new BulkExportRequested(job.Id, []);
    }

    /// <summary>The person's latest jobs, newest first.</summary>
    public Task<List<ExportJob>> RecentAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        return db.ExportJobs.AsNoTracking().Where(j => j.RequestedByUserId == userId)
            .OrderByDescending(j => j.CreatedUtc).ThenByDescending(j => j.Id).Take(RecentCount).ToListAsync(cancellationToken);
    }

    /// <summary>The job, when it is the person's (or they are an Admin); null otherwise, as if there were no such job.</summary>
    public async Task<ExportJob?> FindAsync(int id, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var job = await db.ExportJobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == id, cancellationToken);
        return job is not null && (job.RequestedByUserId == user.FindFirstValue(ClaimTypes.NameIdentifier) || user.IsInRole(Roles.Admin)) ? job : null;
    }

    /// <summary>
    /// Stops a job: one still queued at once; a running one after the area it is writing (its worker may be another
    /// instance). A finished job is left as it is: false.
    /// </summary>
    public async Task<bool> CancelAsync(ExportJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var now = clock.GetUtcNow().UtcDateTime;
        var stopped = await db.ExportJobs.Where(j => j.Id == job.Id && j.Status == ExportJobStatus.Queued).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.Status, ExportJobStatus.Cancelled)
            .SetProperty(j => j.CancelRequested, true)
            .SetProperty(j => j.FinishedUtc, now), cancellationToken) > 0
            || await db.ExportJobs.Where(j => j.Id == job.Id && j.Status == ExportJobStatus.Running).ExecuteUpdateAsync(s => s
                .SetProperty(j => j.CancelRequested, true), cancellationToken) > 0;
        if (stopped)
        {
            await audit.WriteAsync(AuditActions.BulkExportCancelled, Target(job), Describe(job), cancellationToken: cancellationToken);
        }
        return stopped;
    }

    /// <summary>Writes a finished job's zip to <paramref name="output"/> a piece at a time, and records the download.</summary>
    public async Task DownloadAsync(ExportJob job, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(output);
        await audit.WriteSoonAsync(AuditActions.BulkExportDownloaded, Target(job), $"{job.FileName} ({job.ZipBytes} bytes)", cancellationToken: cancellationToken);
        for (var index = 0; ; index++)
        {
            var bytes = await db.ExportJobChunks.AsNoTracking().Where(c => c.JobId == job.Id && c.Index == index)
                .Select(c => c.Bytes).SingleOrDefaultAsync(cancellationToken);
            if (bytes is null)
            {
                return;
            }
            await output.WriteAsync(bytes, cancellationToken);
        }
    }

    private static string Target(ExportJob job) => string.Create(CultureInfo.InvariantCulture, $"export {job.Id}");

    private static string Describe(ExportJob job) =>
        $"{job.RegionName} ({job.RegionCode}) as {ExportFormats.Name(job.Format)} against {BulkExportText.Benchmark(job)}, scheme {job.Scheme}, sections {job.Sections}";
}
