using MhEmployment.Web.Features.NeedsAssets;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MhEmployment.Web.Pages.NeedsAssets;

/// <summary>One area and domain of the comparison: the indicators and the assets behind its need and coverage.</summary>
public sealed class CellModel(NeedsAssetsService service) : PageModel
{
    public NeedsAssetsComparison Comparison { get; private set; } = null!;
    public ComparisonCell Cell { get; private set; } = null!;
    public IReadOnlyList<string> Problems { get; private set; } = [];
    public bool Updating { get; private set; }

    [BindProperty(SupportsGet = true)] public string? Scheme { get; set; }
    [BindProperty(SupportsGet = true)] public string? Benchmark { get; set; }

    public async Task<IActionResult> OnGetAsync(string code, int domain, CancellationToken cancellationToken)
    {
        var result = await service.CompareAsync(new ComparisonSelection(null, [code.ToUpperInvariant()], false), Scheme, Benchmark, User.Identity?.Name, cancellationToken);
        var area = result.Comparison.Areas.FirstOrDefault(a => string.Equals(a.Code, code, StringComparison.OrdinalIgnoreCase));
        var chosen = result.Comparison.Domains.FirstOrDefault(d => d.Number == domain);
        if (area is null || chosen is null)
        {
            return NotFound();
        }
        (Comparison, Cell, Updating) = (result.Comparison, result.Comparison.Cell(area, chosen), result.Updating);
        // The selection is the one area: what the service says about others is not this page's news.
        Problems = [.. result.Problems.Where(p => !p.Contains("chosen areas", StringComparison.Ordinal))];
        return Page();
    }
}
