using MhEmployment.Web.Features.Indicators;
using MhEmployment.Web.Features.NeedsAssets;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MhEmployment.Web.Pages.NeedsAssets.Schemes;

/// <summary>What the new-scheme and edit-scheme pages share: the form's fields, the weights it asks for, and its errors.</summary>
public abstract class SchemeFormModel : PageModel
{
    [BindProperty] public SchemeInput Input { get; set; } = new();

    /// <summary>The linked indicators, by domain: one weight each.</summary>
    public IReadOnlyList<WeightSlot> Slots { get; protected set; } = [];

    /// <summary>Puts the rules' problems where the form and its error summary show them: a weight under its own field id.</summary>
    protected void AddProblems(IEnumerable<FieldProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        foreach (var problem in problems)
        {
            ModelState.AddModelError(Key(problem.Field), problem.Message);
        }
    }

    public string? ErrorFor(string field) =>
        ModelState.TryGetValue(Key(field), out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    private static string Key(string field) =>
        field.Length == 0 || field.StartsWith("Weight-", StringComparison.Ordinal) ? field : $"{nameof(Input)}.{field}";

    protected static PageResult WithStatus(PageResult page, int status)
    {
        ArgumentNullException.ThrowIfNull(page);
        page.StatusCode = status;
        return page;
    }
}
