using System.Text;
using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Accounts;
using MhEmployment.Web.Features.Assets;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MhEmployment.Web.Pages.Assets.Imports;

/// <summary>Upload an asset CSV (checked and previewed before anything is written), the template, and past imports.</summary>
[Authorize(Policy = Policies.EditAssets)]
public sealed class IndexModel(AssetImportService imports) : PageModel
{
    [BindProperty] public IFormFile? Upload { get; set; }
    public IReadOnlyList<AssetImport> History { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => History = await imports.HistoryAsync(cancellationToken);

    public FileContentResult OnGetTemplate() =>
        File(CsvTemplate(), "text/csv; charset=utf-8", "asset-register-template.csv");

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var problem = Upload switch
        {
            null => "Choose a CSV file to upload",
            { Length: 0 } => $"{Upload.FileName} is empty",
            { Length: > AssetCsv.MaxBytes } => $"{Upload.FileName} is {Upload.Length / 1024.0 / 1024.0:0.0} MB; asset files can be at most {AssetCsv.MaxBytes / 1024 / 1024} MB",
            _ => null,
        };
        string? content = null;
        if (problem is null)
        {
            using var buffer = new MemoryStream();
            await Upload!.CopyToAsync(buffer, cancellationToken);
            content = AssetCsv.Decode(buffer.ToArray());
            problem = content is null ? $"{Upload.FileName} is not UTF-8 text; save it as \"CSV UTF-8\"" : null;
        }
        if (problem is not null)
        {
            ModelState.AddModelError(nameof(Upload), problem);
            History = await imports.HistoryAsync(cancellationToken);
            return new PageResult { StatusCode = StatusCodes.Status400BadRequest };
        }
        var import = await imports.UploadAsync(Upload!.FileName, content!, User.Identity!.Name!, cancellationToken);
        return Redirect($"/assets/imports/{import.Id}");
    }

    private static byte[] CsvTemplate() => Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(AssetCsv.Header + "\r\n")).ToArray();
}
