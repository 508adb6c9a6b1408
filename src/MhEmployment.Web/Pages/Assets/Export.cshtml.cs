using MhEmployment.Web.Features.Assets;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MhEmployment.Web.Pages.Assets;

/// <summary>The register (with the register page's filters) as a CSV file in the import template.</summary>
public sealed class ExportModel(AssetRegister register, AssetService assets, AreaResolver resolver, TimeProvider clock) : PageModel
{
    public async Task<IActionResult> OnGetAsync(
        string? area, string? domain, string? item, string? rating, string? sector, string? fundingEnding, string? q, CancellationToken cancellationToken)
    {
        var areaCode = string.IsNullOrWhiteSpace(area) ? null : (await resolver.ResolveAsync([area], cancellationToken))[0];
        var (filter, errors) = AssetFilter.Parse(areaCode, domain, item, rating, sector, fundingEnding, q, null, null);
        if (filter is null)
        {
            return BadRequest(string.Join(" ", errors.SelectMany(e => e.Value)));
        }
        var (all, problem, _) = await register.AllAsync(filter, cancellationToken);
        if (all is null)
        {
            return BadRequest(problem!);
        }
        var reference = await assets.ReferenceAsync(cancellationToken);
        var date = clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return File(AssetCsv.Export(all, reference.ItemsById), "text/csv; charset=utf-8", $"asset-register-{date}.csv");
    }
}
