using System.Globalization;
using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Assets;
using MhEmployment.Web.Features.NeedsAssets;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace MhEmployment.Web.Pages.Priorities;

/// <summary>The record and edit forms' fields, as typed.</summary>
public sealed class PriorityForm
{
    public string? Domain { get; set; }
    public string? Item { get; set; }
    public string? Action { get; set; }
    public string? Description { get; set; }
    public string? Owner { get; set; }
    public string? Timescale { get; set; }
    public string? Status { get; set; }
    public string? ReviewDate { get; set; }
    public List<string> Assets { get; set; } = [];
    public List<string> Indicators { get; set; } = [];

    public PriorityDraft ToDraft() => new()
    {
        Domain = Domain, Item = Item, Action = Action, Description = Description, Owner = Owner, Timescale = Timescale, Status = Status,
        ReviewDate = ReviewDate, Assets = Assets, Indicators = Indicators,
    };

    public static PriorityForm From(Priority priority, PriorityReference reference)
    {
        ArgumentNullException.ThrowIfNull(priority);
        ArgumentNullException.ThrowIfNull(reference);
        return new()
        {
            Domain = reference.DomainById(priority.DomainId)?.Number.ToString(CultureInfo.InvariantCulture),
            Item = priority.ItemId is { } item ? reference.ItemById(item)?.Key : null,
            Action = PriorityText.Key(priority.Action), Description = priority.Description, Owner = priority.Owner,
            Timescale = PriorityText.Key(priority.Timescale), Status = PriorityText.Key(priority.Status),
            ReviewDate = priority.ReviewDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Assets = [.. priority.Assets.Select(a => a.AssetId.ToString(CultureInfo.InvariantCulture))],
            Indicators = [.. priority.Indicators.Select(i => reference.IndicatorsById.TryGetValue(i.IndicatorId, out var found) ? found.Key : null).OfType<string>()],
        };
    }

    /// <summary>Puts each rule's error against its form field ("reviewDate" → "Form.ReviewDate").</summary>
    public static void AddErrors(ModelStateDictionary modelState, IEnumerable<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(errors);
        foreach (var error in errors)
        {
            modelState.AddModelError($"Form.{char.ToUpperInvariant(error.Field[0])}{error.Field[1..]}", error.Message);
        }
    }
}
