using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.NeedsAssets;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MhEmployment.Web.Pages.NeedsAssets.Schemes;

/// <summary>The weighting schemes, readable by everyone.</summary>
public sealed class IndexModel(SchemeEditor schemes) : PageModel
{
    public IReadOnlyList<WeightingScheme> Schemes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Schemes = await schemes.ListAsync(cancellationToken);
}
