using MhEmployment.Web.Data;
using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Assets;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace MhEmployment.Web.Pages.Assets;

public sealed class DetailsModel(AssetService assets, AppDbContext db, TimeProvider clock) : PageModel
{
    public Asset Asset { get; private set; } = null!;
    public IReadOnlyList<ItemRef> Items { get; private set; } = [];
    public IReadOnlyList<(string Code, string Name, AreaKind Kind)> Areas { get; private set; } = [];
    public IReadOnlyList<AssetChange> History { get; private set; } = [];
    public DateTime NowUtc { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var asset = await assets.FindAsync(id, cancellationToken);
        if (asset is null)
        {
            return NotFound();
        }
        Asset = asset;
        var reference = await assets.ReferenceAsync(cancellationToken);
        Items = [.. asset.Items.Select(i => reference.ItemsById[i.ItemId]).OrderBy(i => i.DomainNumber).ThenBy(i => i.Number)];
        var codes = asset.Areas.Select(a => a.AreaCode).ToList();
        Areas = [.. (await db.Areas.AsNoTracking().Where(a => codes.Contains(a.Code)).OrderBy(a => a.Name).Select(a => new { a.Code, a.Name, a.Kind }).ToListAsync(cancellationToken))
            .Select(a => (a.Code, a.Name, a.Kind))];
        History = await assets.HistoryAsync(id, cancellationToken);
        NowUtc = clock.GetUtcNow().UtcDateTime;
        return Page();
    }
}
