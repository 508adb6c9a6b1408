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
        var result = await service.ForAreaAsync(code, Scheme, Benchmark, User.Identity?.Name, cancellationToken);
        var chosen = result?.Comparison.Domains.FirstOrDefault(d => d.Number == domain);
        if (result is null || chosen is null)
        {
            return NotFound();
        }
        (Comparison, Cell, Problems, Updating) = (result.Comparison, result.Comparison.Cell(result.Comparison.Areas[0], chosen), result.Problems, result.Updating);
        return Page();
    }
}
