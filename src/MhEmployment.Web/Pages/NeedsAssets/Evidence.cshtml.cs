using MhEmployment.Web.Features.NeedsAssets;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MhEmployment.Web.Pages.NeedsAssets;

/// <summary>Which indicators evidence need for each checklist domain: readable by everyone, changed by Analysts.</summary>
public sealed class EvidenceModel(EvidenceLinkEditor links) : PageModel
{
    public IReadOnlyList<DomainLinks> Domains { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Domains = await links.AllAsync(cancellationToken);
}
