using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.NeedsAssets;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MhEmployment.Web.Pages.Priorities;

/// <summary>A borough's priorities and next steps, domain by domain, with overdue reviews marked.</summary>
public sealed class IndexModel(PriorityService priorities) : PageModel
{
    public Area Area { get; private set; } = null!;
    public IReadOnlyList<Priority> Priorities { get; private set; } = [];
    public PriorityLabels Labels { get; private set; } = null!;
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        if (await priorities.AreaAsync(code, cancellationToken) is not { } area)
        {
            return NotFound();
        }
        Area = area;
        var list = await priorities.ListAsync(area.Code, cancellationToken);
        Labels = await priorities.LabelsAsync(list, cancellationToken);
        // Open ones first within each domain, in the order they were recorded.
        Priorities = [.. list.OrderBy(p => Labels.Domains[p.DomainId].Number).ThenBy(p => p.Status is PriorityStatus.Done or PriorityStatus.Dropped).ThenBy(p => p.Id)];
        Today = priorities.Today;
        return Page();
    }

    public bool Overdue(Priority priority) => PriorityRules.IsOverdue(priority.Status, priority.ReviewDate, Today);
}
