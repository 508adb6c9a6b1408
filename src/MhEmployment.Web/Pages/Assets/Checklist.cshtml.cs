using MhEmployment.Web.Data;
using MhEmployment.Web.Domain;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace MhEmployment.Web.Pages.Assets;

public sealed class ChecklistModel(AppDbContext db) : PageModel
{
    public IReadOnlyList<AssetDomain> Domains { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Domains = await db.AssetDomains.AsNoTracking()
            .Include(d => d.Items.OrderBy(i => i.Number))
            .OrderBy(d => d.Number)
            .ToListAsync(cancellationToken);
}
