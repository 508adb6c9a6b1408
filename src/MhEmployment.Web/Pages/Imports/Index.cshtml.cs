using System.ComponentModel.DataAnnotations;
using MhEmployment.Web.Data;
using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Imports;
using MhEmployment.Web.Features.Imports.Parsing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace MhEmployment.Web.Pages.Imports;

public sealed class IndexModel(AppDbContext db, ImportUploads uploads) : PageModel
{
    [BindProperty] public UploadInput Input { get; set; } = new();
    public IReadOnlyList<Import> History { get; private set; } = [];

    public sealed class UploadInput
    {
        [Required(ErrorMessage = "Choose a CSV file to upload")]
        [Display(Name = "CSV file")]
        public IFormFile? File { get; set; }

        [Display(Name = "Format")]
        public string? Format { get; set; }
    }

    public static IEnumerable<(string Value, string Text)> Formats =>
        [("", "Detect from the file"), .. Enum.GetValues<ImportFormat>().Select(f => (f.ToString(), FormatDetector.Describe(f)))];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var status = StatusCodes.Status400BadRequest;
        if (ModelState.IsValid && Input.File is { } file)
        {
            await using var content = file.OpenReadStream();
            try
            {
                var result = await uploads.UploadAsync(content, file.FileName, Input.Format, null, User.Identity?.Name, cancellationToken);
                if (result.Import is { } import)
                {
                    return RedirectToPage("/Imports/Details", new { id = import.Id });
                }
                ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.File)}", result.Refusal!);
            }
            catch (ImportStorageFullException full)
            {
                ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.File)}", full.Message);
                status = StatusCodes.Status507InsufficientStorage;
            }
        }
        await LoadAsync(cancellationToken);
        var page = Page();
        page.StatusCode = status;
        return page;
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        History = await db.Imports.AsNoTracking().OrderByDescending(i => i.Id).Take(100).ToListAsync(cancellationToken);
}
