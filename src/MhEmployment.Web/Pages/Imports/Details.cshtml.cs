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
    public string? CommitBlocker { get; private set; }
    public bool InProgress => Import.Status is ImportStatus.Validating or ImportStatus.Committing;

    [BindProperty] public List<SeriesChoice> Choices { get; set; } = [];

    public sealed class SeriesChoice
    {
        public string Key { get; set; } = "";
        public string? Value { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostCommitAsync(int id, [FromServices] ImportCommits commits, CancellationToken cancellationToken) =>
        ActAsync(id, () => commits.RequestCommitAsync(id, User.Identity?.Name, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostUndoAsync(int id, [FromServices] ImportUndo undo, CancellationToken cancellationToken) =>
        ActAsync(id, () => undo.UndoAsync(id, User.Identity?.Name, cancellationToken), cancellationToken);

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
        if (!await db.Imports.AnyAsync(i => i.Id == id, cancellationToken))
        {
            return NotFound();
        }
        var result = await action();
        if (result.Succeeded)
        {
            TempData["Flash"] = result.Message;
            return RedirectToPage(new { id });
        }
        ModelState.AddModelError(string.Empty, result.Message);
        await LoadAsync(id, cancellationToken);
        var page = Page();
        page.StatusCode = StatusCodes.Status400BadRequest;
        return page;
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var import = await db.Imports.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (import is null)
        {
            return false;
        }
        Import = board.WithLiveProgress(import);
        Summary = ImportSummary.Of(import);
        Issues = import.ValidationComplete || import.Status == ImportStatus.Failed ? storage.FirstIssues(id) : [];
        CommitBlocker = ImportCommits.CommitBlocker(import);
        if (Summary?.NeedsMapping == true || Summary?.Series.Any(s => s.Key.StartsWith(SeriesKeys.Nomis, StringComparison.Ordinal) || s.Key.StartsWith(SeriesKeys.NomisWeb, StringComparison.Ordinal)) == true)
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
