using System.Globalization;
using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Accounts;
using MhEmployment.Web.Features.Indicators;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MhEmployment.Web.Pages.Indicators;

/// <summary>An analyst's form for an indicator's description: how it is shown, computed and compared.</summary>
[Authorize(Policy = Policies.Analyse)]
public sealed class EditModel(IndicatorCatalogue catalogue, IndicatorEditor editor) : PageModel
{
    [BindProperty] public IndicatorInput Input { get; set; } = new();

    /// <summary>The version the form was filled from (<see cref="IndicatorEdit.Version"/>).</summary>
    [BindProperty] public string? Version { get; set; }

    public Indicator Indicator { get; private set; } = null!;

    /// <summary>The multiplier as typed, shown again when it was not a whole number.</summary>
    public string? MultiplierText { get; private set; }

    /// <summary>The Fingertips indicator id as typed, shown again when it was not a whole number.</summary>
    public string? FingertipsIdText { get; private set; }

    /// <summary>After a conflict: each field where what is saved now differs from this person's entry.</summary>
    public IReadOnlyList<FieldChange> Conflicts { get; private set; } = [];
    public LastChange? ConflictBy { get; private set; }

    public async Task<IActionResult> OnGetAsync(string key, CancellationToken cancellationToken)
    {
        if (await catalogue.FindAsync(key, cancellationToken) is not { } indicator)
        {
            return NotFound();
        }
        Indicator = indicator;
        var edit = IndicatorEdit.From(indicator);
        Input = IndicatorInput.From(edit);
        Version = edit.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string key, CancellationToken cancellationToken)
    {
        if (await catalogue.FindAsync(key, cancellationToken) is not { } indicator)
        {
            return NotFound();
        }
        Indicator = indicator;
        MultiplierText = Request.Form[$"{nameof(Input)}.{nameof(Input.Multiplier)}"].ToString();
        if (Input.Multiplier is null && int.TryParse(MultiplierText, NumberStyles.AllowThousands | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite,
                CultureInfo.InvariantCulture, out var multiplier))
        {
            Input.Multiplier = multiplier; // "100,000", as people write it
        }
        FingertipsIdText = Request.Form[$"{nameof(Input)}.{nameof(Input.FingertipsId)}"].ToString().Trim();
        // The rules say what is wrong with each field in words; the binder's own messages ("The value 'x' is not valid") go.
        ModelState.Clear();
        if (Input.FingertipsId is null && FingertipsIdText.Length > 0)
        {
            // Not a number: refused here, as the binder left no id and saving would clear the one stored.
            var (_, problems) = IndicatorRules.Check(Input);
            return Invalid([.. problems.Where(p => p.Field != nameof(Input.FingertipsId)),
                new(nameof(Input.FingertipsId), $"'{FingertipsIdText}' is not a Fingertips indicator id: enter a whole number, such as 93495")]);
        }
        // A form without the version it was read at is treated as out of date, never as permission to overwrite.
        var result = await editor.SaveAsync(key, Version ?? "", Input, User.Identity?.Name, cancellationToken);
        switch (result.Status)
        {
            case EditStatus.NotFound:
                return NotFound();
            case EditStatus.Invalid:
                return Invalid(result.Problems);
            case EditStatus.Conflict:
                var (mine, _) = IndicatorRules.Check(Input);
                Conflicts = mine!.ChangesFrom(result.Current!);
                ConflictBy = result.LastChange;
                // The form keeps this person's entries; saving again now is a deliberate choice over the other's.
                Version = result.Current!.Version;
                ModelState.AddModelError(string.Empty,
                    "Someone else saved a change to this indicator while you were editing it. Nothing of yours was saved: " +
                    "check the values below and save again to keep yours.");
                return Status(StatusCodes.Status409Conflict);
            case EditStatus.Unchanged:
                TempData["Flash"] = "Nothing to save: the indicator already has these values.";
                return RedirectToPage(new { key = indicator.Key });
            default:
                TempData["Flash"] = $"Saved your changes to {string.Join(", ", result.Changes.Select(c => c.Label.ToLowerInvariant()))}. " +
                    "The dashboards show them now.";
                return Redirect($"/indicators/{indicator.Key}");
        }
    }

    private PageResult Invalid(IEnumerable<FieldProblem> problems)
    {
        foreach (var problem in problems)
        {
            ModelState.AddModelError($"{nameof(Input)}.{problem.Field}", problem.Message);
        }
        return Status(StatusCodes.Status400BadRequest);
    }

    private PageResult Status(int statusCode)
    {
        var page = Page();
        page.StatusCode = statusCode;
        return page;
    }

    /// <summary>The error for a field of the form, if it has one.</summary>
    public string? ErrorFor(string field) =>
        ModelState.TryGetValue($"{nameof(Input)}.{field}", out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;
}
