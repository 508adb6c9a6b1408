using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Exports.Bulk;
using MhEmployment.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MhEmployment.Web.Pages.Exports.Bulk;

/// <summary>
/// A bulk export: its progress while it runs, a way to stop it, and the zip when done. While it runs, a small script
/// updates the progress bar in place; without JavaScript the page reloads itself instead.
/// </summary>
public sealed class JobModel(BulkExports exports) : PageModel
{
    /// <summary>How often a running export's page (or its script) looks again.</summary>
    public const int RefreshSeconds = 2;

    public ExportJob Job { get; private set; } = null!;

    public bool InProgress => Job.Status is ExportJobStatus.Queued or ExportJobStatus.Running;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await exports.FindAsync(id, User, cancellationToken) is not { } job)
        {
            return NotFound();
        }
        Job = job;
        return Page();
    }

    /// <summary>How far the export has gone, for the page's script to update the progress bar in place.</summary>
    public async Task<IActionResult> OnGetStatusAsync(int id, CancellationToken cancellationToken)
    {
        if (await exports.FindAsync(id, User, cancellationToken) is not { } job)
        {
            return NotFound();
        }
        Job = job;
        return new JsonResult(new { running = InProgress, done = job.Done, total = job.Total, progress = BulkExportText.Progress(job) });
    }

    public async Task<IActionResult> OnPostCancelAsync(int id, CancellationToken cancellationToken)
    {
        if (await exports.FindAsync(id, User, cancellationToken) is not { } job)
        {
            return NotFound();
        }
        TempData["Flash"] = await exports.CancelAsync(job, cancellationToken)
            ? "Export cancelled. A running export stops after the borough it is writing."
            : "The export had already finished, so there was nothing to stop.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnGetDownloadAsync(int id, CancellationToken cancellationToken)
    {
        if (await exports.FindAsync(id, User, cancellationToken) is not { Status: ExportJobStatus.Done, FileName: { } fileName } job)
        {
            return NotFound();
        }
        Response.ContentType = "application/zip";
        Response.ContentLength = job.ZipBytes;
        Response.Headers.ContentDisposition = DownloadName.ContentDisposition(fileName);
        await exports.DownloadAsync(job, Response.Body, cancellationToken);
        return new EmptyResult();
    }
}
