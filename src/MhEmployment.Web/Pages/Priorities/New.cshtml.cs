using System.Globalization;
using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Accounts;
using MhEmployment.Web.Features.Assets;
using MhEmployment.Web.Features.NeedsAssets;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MhEmployment.Web.Pages.Priorities;

/// <summary>
/// An Officer records a priority for a borough. From a cell of the comparison (<c>?domain=3&amp;item=cmht-ips</c>) the
/// form comes filled in from the cell's need and coverage, to edit and save.
/// </summary>
[Authorize(Policy = Policies.Decide)]
public sealed class NewModel(PriorityService priorities, NeedsAssetsService needs) : PageModel
{
    [BindProperty] public PriorityForm Form { get; set; } = new();
    public Area Area { get; private set; } = null!;
    public PriorityReference Reference { get; private set; } = null!;

    /// <summary>The cell the proposal comes from, when it does.</summary>
    public ComparisonCell? Cell { get; private set; }
    public ItemCoverage? Item { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, int? domain, string? item, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(code, cancellationToken))
        {
            return NotFound();
        }
        Form = new PriorityForm { Status = PriorityText.Key(PriorityStatus.Proposed) };
        if (Reference.Domains.FirstOrDefault(d => d.Number == domain) is { } chosen)
        {
            await ProposeAsync(chosen, item, cancellationToken);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken cancellationToken)
    {
        var result = await priorities.CreateAsync(code, Form.ToDraft(), User.Identity!.Name!, cancellationToken);
        if (result.NotFound)
        {
            return NotFound();
        }
        if (!result.Succeeded)
        {
            await LoadAsync(code, cancellationToken);
            PriorityForm.AddErrors(ModelState, result.Errors);
            return new PageResult { StatusCode = StatusCodes.Status400BadRequest };
        }
        TempData["Flash"] = "Priority recorded.";
        return Redirect($"/areas/{result.Priority!.AreaCode}/priorities#priority-{result.Priority.Id}");
    }

    private async Task<bool> LoadAsync(string code, CancellationToken cancellationToken)
    {
        if (await priorities.AreaAsync(code, cancellationToken) is not { } area)
        {
            return false;
        }
        Area = area;
        Reference = await priorities.ReferenceAsync(area.Code, null, cancellationToken);
        return true;
    }

    /// <summary>Fills the form from the comparison's cell: the domain, the item, and what its need and coverage suggest.</summary>
    private async Task ProposeAsync(PriorityDomainRef domain, string? itemKey, CancellationToken cancellationToken)
    {
        Form.Domain = domain.Number.ToString(CultureInfo.InvariantCulture);
        var item = domain.Items.FirstOrDefault(i => !i.IsRetired && string.Equals(i.Key, itemKey?.Trim(), StringComparison.OrdinalIgnoreCase));
        Form.Item = item?.Key;
        // Areas the comparison does not score (districts, regions, NHS areas) get the domain and item only.
        var comparison = (await needs.ForAreaAsync(Area.Code, null, null, User.Identity?.Name, cancellationToken))?.Comparison;
        var evidence = comparison?.Domains.FirstOrDefault(d => d.Number == domain.Number);
        Cell = comparison is null || evidence is null ? null : comparison.Cell(comparison.Areas[0], evidence);
        Item = item is null ? null : Cell?.Items?.Items.FirstOrDefault(i => i.Item.Id == item.Id);
        var proposal = PriorityProposal.From(Cell?.Need, Item);
        Form.Action = proposal.Action is { } action ? PriorityText.Key(action) : null;
        Form.Indicators = [.. proposal.IndicatorKeys.Where(Reference.IndicatorsByKey.ContainsKey)];
        Form.Assets = [.. proposal.AssetIds.Where(Reference.Assets.ContainsKey).Select(id => id.ToString(CultureInfo.InvariantCulture))];
    }
}
