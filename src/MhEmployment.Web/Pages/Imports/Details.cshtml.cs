using MhEmployment.Web.Data;
using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Imports;
using MhEmployment.Web.Features.Imports.Parsing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace MhEmployment.Web.Pages.Imports;

public sealed class DetailsModel(AppDbContext db, ImportStorage storage, ImportProgressBoard board) : PageModel
{
    public Import Import { get; private set; } = null!;
    public ImportSummary? Summary { get; private set; }
    public IReadOnlyList<ParseIssue> Issues { get; private set; } = [];
    public IReadOnlyList<(string Key, string Name)> Indicators { get; private set; } = [];
    public CommitBlock? CommitBlocker { get; private set; }

    /// <summary>Why committing needs the analyst to confirm the indicators the file adds; null when it does not.</summary>
    public string? NewIndicatorsToConfirm { get; private set; }
    public bool InProgress => Import.Status is ImportStatus.Validating or ImportStatus.Committing;

    [BindProperty] public List<SeriesChoice> Choices { get; set; } = [];

    [BindProperty] public bool ConfirmNewIndicators { get; set; }

    public sealed class SeriesChoice
    {
        public string Key { get; set; } = "";
        public string? Value { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostCommitAsync(int id, [FromServices] ImportCommits commits, CancellationToken cancellationToken)
    {
        var import = await db.Imports.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (import is not null && !ConfirmNewIndicators && NewIndicatorLimits.ConfirmationNeeded(ImportSummary.Of(import)) is { } confirmation)
        {
            ModelState.AddModelError(nameof(ConfirmNewIndicators), confirmation);
            return await RefusedAsync(id, cancellationToken);
        }
        return await ActAsync(id, () => commits.RequestCommitAsync(id, User.Identity?.Name, ConfirmNewIndicators, cancellationToken), cancellationToken);
    }

    public Task<IActionResult> OnPostRevalidateAsync(int id, [FromServices] ImportValidation validation, CancellationToken cancellationToken) =>
        ActAsync(id, () => validation.RevalidateAsync(id, User.Identity?.Name, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostMapAsync(int id, [FromServices] ImportValidation validation, CancellationToken cancellationToken) =>
        ActAsync(id, () => validation.MapAsync(id, Choices.Where(c => c.Value is { Length: > 0 }).ToDictionary(c => c.Key, c => c.Value!, StringComparer.Ordinal),
            User.Identity?.Name, cancellationToken), cancellationToken);

    /// <summary>Every error and warning, as CSV.</summary>
    public async Task<IActionResult> OnGetIssuesAsync(int id, CancellationToken cancellationToken)
    {
        var import = await db.Imports.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        var path = storage.IssuesFor(id);
        if (import is null || !System.IO.File.Exists(path))
        {
            return NotFound();
        }
        return PhysicalFile(path, "text/csv; charset=utf-8", $"import-{id}-issues.csv");
    }

    private async Task<IActionResult> ActAsync(int id, Func<Task<ImportActionOutcome>> action, CancellationToken cancellationToken)
    {
        var result = await action();
        if (result.ImportMissing)
        {
            return NotFound();
        }
        if (result.Succeeded)
        {
            TempData["Flash"] = result.Message;
            return RedirectToPage(new { id });
        }
        ModelState.AddModelError(string.Empty, result.Message);
        return await RefusedAsync(id, cancellationToken);
    }

    private async Task<IActionResult> RefusedAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        var page = Page();
        page.StatusCode = StatusCodes.Status400BadRequest;
        return page;
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var import = await board.ReadAsync(db, id, cancellationToken);
        if (import is null)
        {
            return false;
        }
        Import = import;
        Summary = ImportSummary.Of(import);
        Issues = import.ValidationComplete || import.Status == ImportStatus.Failed ? storage.FirstIssues(id) : [];
        CommitBlocker = ImportCommits.CommitBlocker(import);
        NewIndicatorsToConfirm = NewIndicatorLimits.ConfirmationNeeded(Summary);
        if (Summary?.NeedsMapping == true || Summary?.Series.Any(s => SeriesKeys.NeedsAnalystMapping(s.Key)) == true)
        {
            Indicators = [.. (await db.Indicators.AsNoTracking().OrderBy(i => i.Name).Select(i => new { i.Key, i.Name }).ToListAsync(cancellationToken)).Select(i => (i.Key, i.Name))];
        }
        if (InProgress)
        {
            // Without JavaScript the page refreshes itself until the work is done.
            ViewData["RefreshSeconds"] = 2;
        }
        return true;
    }
}
