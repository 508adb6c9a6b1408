using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Accounts;
using MhEmployment.Web.Features.NeedsAssets;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MhEmployment.Web.Pages.NeedsAssets;

/// <summary>An Analyst's form for the indicators linked to one checklist domain: a box per indicator of the catalogue.</summary>
[Authorize(Policy = Policies.Analyse)]
public sealed class EditEvidenceModel(EvidenceLinkEditor links) : PageModel
{
    public const string IndicatorsField = "Indicators";

    /// <summary>The ids of the indicators ticked.</summary>
    [BindProperty] public List<int> Indicators { get; set; } = [];

    /// <summary>The version of the domain's links the form was filled from.</summary>
    [BindProperty] public string? Version { get; set; }

    public DomainLinks Current { get; private set; } = null!;
    public IReadOnlyList<Indicator> Catalogue { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int domain, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(domain, cancellationToken))
        {
            return NotFound();
        }
        Indicators = [.. Current.Linked.Select(i => i.Id)];
        Version = Current.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int domain, CancellationToken cancellationToken)
    {
        // Ids the binder could not read are refused by the editor, in words, as unknown indicators.
        ModelState.Clear();
        var result = await links.SaveAsync(domain, Indicators.Distinct().ToList(), Version, User.Identity!.Name!, cancellationToken);
        switch (result.Status)
        {
            case EvidenceEditStatus.NotFound:
                return NotFound();
            case EvidenceEditStatus.Invalid:
                ModelState.AddModelError(IndicatorsField, result.Problem!);
                return await PageWithStatusAsync(domain, StatusCodes.Status400BadRequest, cancellationToken);
            case EvidenceEditStatus.Conflict:
                ModelState.AddModelError(string.Empty,
                    "Someone else changed this domain's indicators while you were choosing. Nothing of yours was saved: the list above the form " +
                    "shows the links as they are now, the boxes your choice. Save again to keep your choice.");
                var page = await PageWithStatusAsync(domain, StatusCodes.Status409Conflict, cancellationToken);
                Version = Current?.Version;
                return page;
            case EvidenceEditStatus.Unchanged:
                TempData["Flash"] = $"Nothing to save: domain {domain} already has these indicators.";
                return Redirect("/needs-assets/evidence");
            default:
                TempData["Flash"] = $"Saved the indicators of domain {domain}: {EvidenceLinkEditor.Describe(result.Added!, result.Removed!).ToLowerInvariant()}. " +
                    "The comparison shows the change now.";
                return Redirect($"/needs-assets/evidence#domain-{domain}");
        }
    }

    private async Task<IActionResult> PageWithStatusAsync(int domain, int status, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(domain, cancellationToken))
        {
            return NotFound();
        }
        return new PageResult { StatusCode = status };
    }

    private async Task<bool> LoadAsync(int domain, CancellationToken cancellationToken)
    {
        if (await links.FindAsync(domain, cancellationToken) is not { } current)
        {
            return false;
        }
        Current = current;
        Catalogue = await links.CatalogueAsync(cancellationToken);
        return true;
    }
}
