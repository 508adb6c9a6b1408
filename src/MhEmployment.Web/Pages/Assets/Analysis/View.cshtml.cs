using MhEmployment.Web.Data;
using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Assets;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace MhEmployment.Web.Pages.Assets.Analysis;

/// <summary>One analysis, item by item, with what changed since the analysis before it.</summary>
public sealed class ViewModel(AppDbContext db, RagAnalyses analyses) : PageModel
{
    public Area Area { get; private set; } = null!;
    public RagAnalysisView Analysis { get; private set; } = null!;
    public IReadOnlyList<(int Number, string Name, IReadOnlyList<ItemRef> Items)> Checklist { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string code, int id, CancellationToken cancellationToken)
    {
        var normalised = code.ToUpperInvariant();
        var area = await db.Areas.AsNoTracking().FirstOrDefaultAsync(a => a.Code == normalised, cancellationToken);
        var analysis = area is null ? null : await analyses.ReadAsync(area.Code, id, cancellationToken);
        if (analysis is null)
        {
            return NotFound();
        }
        (Area, Analysis) = (area!, analysis);
        Checklist = await CoverageService.ChecklistAsync(db, cancellationToken);
        return Page();
    }
}
