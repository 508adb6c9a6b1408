using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MhEmployment.Web.Pages.Imports;

/// <summary>The project's own CSV layout for local data, with an example to download.</summary>
public sealed class TemplateModel : PageModel
{
    public const string Example = """
        indicator_key,area_code,period_label,period_start,period_end,sex,age_band,value,count,denominator,note
        iapt-access,E09000012,2023/24,2023-04-01,2024-03-31,Persons,18+ yrs,21.4,4815,22500,
        iapt-access,E09000002,2023/24,2023-04-01,2024-03-31,Persons,18+ yrs,*,,,suppressed: small numbers
        cqc-cmh-survey-work-help-unmet,E09000012,2023,2023-01-01,2023-12-31,Persons,18+ yrs,48.2,41,85,

        """;

    public void OnGet()
    {
    }

    public IActionResult OnGetExample() =>
        File(Encoding.UTF8.GetBytes(Example.ReplaceLineEndings("\n")), "text/csv; charset=utf-8", "mhemployment-template-example.csv");
}
