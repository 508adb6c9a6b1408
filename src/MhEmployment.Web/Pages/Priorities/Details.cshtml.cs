using MhEmployment.Web.Data;
using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.NeedsAssets;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MhEmployment.Web.Pages.Priorities;

/// <summary>One priority with its links and its history: who changed what, when.</summary>
public sealed class DetailsModel(PriorityService priorities, AppDbContext db) : PageModel
{
    public Priority Priority { get; private set; } = null!;
    public string AreaName { get; private set; } = "";
    public PriorityLabels Labels { get; private set; } = null!;
    public IReadOnlyList<PriorityChange> History { get; private set; } = [];
    public bool Overdue { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await priorities.FindAsync(id, cancellationToken) is not { } priority)
        {
            return NotFound();
        }
        Priority = priority;
        AreaName = (await db.Areas.FindAsync([priority.AreaCode], cancellationToken))?.Name ?? priority.AreaCode;
        Labels = await priorities.LabelsAsync([priority], cancellationToken);
        History = await priorities.HistoryAsync(id, cancellationToken);
        Overdue = PriorityRules.IsOverdue(priority.Status, priority.ReviewDate, priorities.Today);
        return Page();
    }
}
