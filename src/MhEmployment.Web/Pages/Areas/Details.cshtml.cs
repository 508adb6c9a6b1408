using MhEmployment.Web.Features.Areas;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MhEmployment.Web.Pages.Areas;

public sealed class DetailsModel(AreaDirectory directory) : PageModel
{
    public AreaDetails Details { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        var details = await directory.FindAsync(code, cancellationToken);
        if (details is null)
        {
            return NotFound();
        }
        Details = details;
        return Page();
    }
}
