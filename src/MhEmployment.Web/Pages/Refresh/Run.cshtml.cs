using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Refresh;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MhEmployment.Web.Pages.Refresh;

/// <summary>A refresh: its progress while it runs (updated in place by a small script, or by reloading without one) and what became of each indicator.</summary>
public sealed class RunModel(RefreshRequests requests) : PageModel
{
    /// <summary>How often a running refresh's page (or its script) looks again.</summary>
    public const int RefreshSeconds = 2;

    public RefreshRun Run { get; private set; } = null!;

    public bool InProgress => Run.Status is RefreshRunStatus.Queued or RefreshRunStatus.Running;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await requests.FindAsync(id, cancellationToken) is not { } run)
        {
            return NotFound();
        }
        Run = run;
        return Page();
    }

    /// <summary>How far the refresh has gone, for the page's script (the same shape as a bulk export's).</summary>
    public async Task<IActionResult> OnGetStatusAsync(int id, CancellationToken cancellationToken)
    {
        if (await requests.FindAsync(id, cancellationToken) is not { } run)
        {
            return NotFound();
        }
        Run = run;
        return new JsonResult(new { running = InProgress, done = RefreshText.Done(run), total = run.Items.Count, progress = RefreshText.Progress(run) });
    }
}
