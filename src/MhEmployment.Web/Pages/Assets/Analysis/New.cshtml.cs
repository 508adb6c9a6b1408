using System.Globalization;
using MhEmployment.Web.Data;
using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Accounts;
using MhEmployment.Web.Features.Assets;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MhEmployment.Web.Pages.Assets.Analysis;

/// <summary>An Officer rates every active checklist item for the borough in one sitting, saved together.</summary>
[Authorize(Policy = Policies.Decide)]
public sealed class NewModel(CoverageService coverage, RagAnalyses analyses, TimeProvider clock) : PageModel
{
    public sealed class Entry
    {
        public int ItemId { get; set; }
        public string? Rating { get; set; }
        public string? Rationale { get; set; }
    }

    [BindProperty] public List<Entry> Entries { get; set; } = [];
    [BindProperty] public string? Date { get; set; }

    public BoroughCoverage Coverage { get; private set; } = null!;
    public Dictionary<int, string> Errors { get; private set; } = [];
    public string? DateError { get; private set; }

    public IEnumerable<ItemCoverage> ActiveItems => Coverage.Domains.SelectMany(d => d.Items).Where(i => !i.Item.IsRetired);

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(code, cancellationToken))
        {
            return NotFound();
        }
        Date = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        // Start from the latest analysis, so a yearly review changes what changed.
        Entries = [.. ActiveItems.Select(i => new Entry
        {
            ItemId = i.Item.Id,
            Rating = i.HasAnalysisRating ? Ratings.RagCode(i.AnalysisRating) : null,
            Rationale = i.AnalysisRationale,
        })];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(code, cancellationToken))
        {
            return NotFound();
        }
        var items = ActiveItems.Select(i => i.Item).ToList();
        if (!DateOnly.TryParseExact(Date?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            DateError = "Enter the date of the analysis, such as 2026-03-31";
        }
        else if (date > DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime))
        {
            DateError = "The date of the analysis cannot be in the future";
        }
        var entries = Entries.Select(e => new RagEntry(e.ItemId, e.Rating, e.Rationale)).ToList();
        Errors = RagAnalyses.Validate(items, entries);
        if (DateError is not null || Errors.Count > 0)
        {
            return new PageResult { StatusCode = StatusCodes.Status400BadRequest };
        }
        var (id, _) = await analyses.SaveAsync(Coverage.Area.Code, date, items, entries, User.Identity!.Name!, cancellationToken);
        TempData["Flash"] = $"Analysis of {date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)} saved: {items.Count} items rated.";
        return Redirect($"/assets/analysis/{Coverage.Area.Code}/{id}");
    }

    public Entry EntryFor(int itemId) => Entries.FirstOrDefault(e => e.ItemId == itemId) ?? new Entry { ItemId = itemId };

    private async Task<bool> LoadAsync(string code, CancellationToken cancellationToken)
    {
        var result = await coverage.ForAsync(code, cancellationToken);
        if (result is null || result.Area.Kind is AreaKind.Region or AreaKind.IntegratedCareBoard or AreaKind.SubIcbLocation)
        {
            return false;
        }
        Coverage = result;
        return true;
    }
}
