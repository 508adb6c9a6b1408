using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Refresh;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MhEmployment.Web.Pages.Refresh;

/// <summary>Refreshes one indicator or every indicator with a source, in the background; lists the sources and recent refreshes.</summary>
public sealed class IndexModel(RefreshRequests requests, IConfiguration configuration) : PageModel
{
    public const int RecentRuns = 10;

    /// <summary>Commit each valid file instead of leaving it for a preview.</summary>
    [BindProperty] public bool Commit { get; set; }

    public IReadOnlyList<(Indicator Indicator, RefreshItem? Last)> Sources { get; private set; } = [];
    public IReadOnlyList<RefreshRun> Recent { get; private set; } = [];
    public RefreshSchedule Schedule { get; } = RefreshSchedule.From(configuration);

    /// <summary>The indicator an analyst came from (its page links here), offered on its own at the top.</summary>
    public Indicator? Chosen { get; private set; }

    public async Task OnGetAsync(string? indicator, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Chosen = Sources.Select(s => s.Indicator).FirstOrDefault(i => i.Key == indicator);
    }

    /// <summary>Every indicator with a source, or the one named by <paramref name="indicator"/> (the indicator's own page posts here).</summary>
    public async Task<IActionResult> OnPostAsync(string? indicator, CancellationToken cancellationToken)
    {
        var key = string.IsNullOrWhiteSpace(indicator) ? null : indicator.Trim();
        var result = await requests.RequestAsync(key, RefreshTrigger.Page, User.Identity?.Name ?? "unknown", Commit, cancellationToken);
        if (result.Run is not { } run)
        {
            ModelState.AddModelError(string.Empty, result.Refusal!);
            await LoadAsync(cancellationToken);
            return new PageResult { StatusCode = result.NotFound ? StatusCodes.Status404NotFound : StatusCodes.Status400BadRequest };
        }
        TempData["Flash"] = "Refresh started. It runs in the background: this page shows how far it has gone.";
        return RedirectToPage("Run", new { id = run.Id });
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Sources = await requests.SourcesAsync(cancellationToken);
        Recent = await requests.RecentAsync(RecentRuns, cancellationToken);
    }
}
