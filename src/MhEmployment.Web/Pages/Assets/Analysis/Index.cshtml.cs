using MhEmployment.Web.Data;
using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Assets;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace MhEmployment.Web.Pages.Assets.Analysis;

/// <summary>A borough's RAG analyses by date, newest first.</summary>
public sealed class IndexModel(AppDbContext db, RagAnalyses analyses) : PageModel
{
    public Area Area { get; private set; } = null!;
    public IReadOnlyList<RagAnalysisSummary> Analyses { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        var normalised = code.ToUpperInvariant();
        var area = await db.Areas.AsNoTracking().FirstOrDefaultAsync(a => a.Code == normalised, cancellationToken);
        if (area is null || !CoverageService.HasCoverage(area))
        {
            return NotFound();
        }
        Area = area;
        Analyses = await analyses.ListAsync(area.Code, cancellationToken);
        return Page();
    }
}
