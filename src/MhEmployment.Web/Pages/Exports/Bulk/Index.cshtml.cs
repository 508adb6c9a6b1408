using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Exports.Bulk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MhEmployment.Web.Pages.Exports.Bulk;

/// <summary>Asks for a region's needs summaries as one zip, made in the background; lists the person's recent exports.</summary>
public sealed class IndexModel(BulkExports exports) : PageModel
{
    [BindProperty] public BulkExportForm Form { get; set; } = BulkExportForm.Initial();
    public BulkExportChoices Choices { get; private set; } = null!;
    public IReadOnlyList<ExportJob> Recent { get; private set; } = [];

    public async Task OnGetAsync(string? region, CancellationToken cancellationToken)
    {
        Form.Region = region;
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await exports.RequestAsync(Form, User, cancellationToken);
        if (result.JobId is not { } id)
        {
            foreach (var (field, message) in result.Problems)
            {
                ModelState.AddModelError($"{nameof(Form)}.{field}", message);
            }
            await LoadAsync(cancellationToken);
            return new PageResult { StatusCode = StatusCodes.Status400BadRequest };
        }
        TempData["Flash"] = "Export requested. It is made in the background: this page shows how far it has gone.";
        return RedirectToPage("Job", new { id });
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Choices = await exports.ChoicesAsync(cancellationToken);
        Recent = await exports.RecentAsync(User, cancellationToken);
    }
}
