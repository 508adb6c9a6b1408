using System.Globalization;
using MhEmployment.Web.Data.Configurations;
using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Assets;

namespace MhEmployment.Web.Features.NeedsAssets;

/// <summary>A priority as typed into the form or sent to the API: text, not yet checked. Assets are ids, indicators keys.</summary>
public sealed record PriorityDraft
{
    public string? Domain { get; init; }
    public string? Item { get; init; }
    public string? Action { get; init; }
    public string? Description { get; init; }
    public string? Owner { get; init; }
    public string? Timescale { get; init; }
    public string? Status { get; init; }
    public string? ReviewDate { get; init; }
    public IReadOnlyList<string> Assets { get; init; } = [];
    public IReadOnlyList<string> Indicators { get; init; } = [];
}

/// <summary>A priority's checked values, ready to store.</summary>
public sealed record PriorityValues(
    int DomainId, int? ItemId, PriorityAction Action, string Description, string Owner, PriorityTimescale Timescale, PriorityStatus Status,
    DateOnly? ReviewDate, IReadOnlyList<int> AssetIds, IReadOnlyList<int> IndicatorIds)
{
    public static PriorityValues Of(Priority priority)
    {
        ArgumentNullException.ThrowIfNull(priority);
        return new(priority.DomainId, priority.ItemId, priority.Action, priority.Description, priority.Owner, priority.Timescale, priority.Status,
            priority.ReviewDate, [.. priority.Assets.Select(a => a.AssetId).Order()], [.. priority.Indicators.Select(i => i.IndicatorId).Order()]);
    }
}

public sealed record PriorityDomainRef(int Id, int Number, string Name, IReadOnlyList<ItemRef> Items);

/// <summary>An asset a priority can link to: one serving the borough (<see cref="Serves"/>), or one it is linked to already.</summary>
public sealed record PriorityAssetRef(int Id, string Name, string Provider, int? Rating, IReadOnlyList<string> Items, bool Serves);

public sealed record PriorityIndicatorRef(int Id, string Key, string Name);

/// <summary>What the rules check a priority against: the checklist, the assets serving the borough, the catalogue, the evidence links.</summary>
public sealed class PriorityReference(
    string areaName, IEnumerable<PriorityDomainRef> domains, IEnumerable<PriorityAssetRef> assets, IEnumerable<PriorityIndicatorRef> indicators,
    ILookup<int, int> evidence)
{
    public string AreaName { get; } = areaName;
    public IReadOnlyList<PriorityDomainRef> Domains { get; } = [.. domains.OrderBy(d => d.Number)];
    public IReadOnlyDictionary<int, PriorityAssetRef> Assets { get; } = assets.ToDictionary(a => a.Id);
    public IReadOnlyList<PriorityIndicatorRef> Indicators { get; } = [.. indicators.OrderBy(i => i.Name, StringComparer.OrdinalIgnoreCase)];
    public IReadOnlyDictionary<string, PriorityIndicatorRef> IndicatorsByKey => indicatorsByKey ??= Indicators.ToDictionary(i => i.Key, StringComparer.OrdinalIgnoreCase);
    public IReadOnlyDictionary<int, PriorityIndicatorRef> IndicatorsById => indicatorsById ??= Indicators.ToDictionary(i => i.Id);

    /// <summary>The indicators that evidence need for a domain (by its id).</summary>
    public ILookup<int, int> Evidence { get; } = evidence;

    private Dictionary<string, PriorityIndicatorRef>? indicatorsByKey;
    private Dictionary<int, PriorityIndicatorRef>? indicatorsById;

    public PriorityDomainRef? DomainById(int id) => Domains.FirstOrDefault(d => d.Id == id);

    public ItemRef? ItemById(int id) => Domains.SelectMany(d => d.Items).FirstOrDefault(i => i.Id == id);
}

/// <summary>
/// The rules a priority must meet, from the form or the API: every problem reported against its field (as the API
/// names it), with the value given and a reason a person can act on. Text is kept as typed; pages encode it.
/// </summary>
public static class PriorityRules
{
    /// <param name="current">The priority's values before this edit: a retired item, or an asset that no longer serves the borough, may stay.</param>
    public static (PriorityValues? Values, List<FieldError> Errors) Validate(PriorityDraft draft, PriorityReference reference, PriorityValues? current = null)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(reference);
        var errors = new List<FieldError>();
        var domain = Domain(draft.Domain, reference, errors);
        var itemId = Item(draft.Item, domain, reference, current, errors);
        var action = Choice(PriorityText.Actions, draft.Action, "action", "Choose the kind of action", "a kind of action", errors);
        var description = Text(draft.Description, "description", "Describe the priority", "The description", AssetConfiguration.LongTextLength, errors);
        var owner = Text(draft.Owner, "owner", "Enter who owns the priority (a person, team or organisation)", "The owner", AssetConfiguration.ShortTextLength, errors);
        var timescale = Choice(PriorityText.Timescales, draft.Timescale, "timescale", "Choose the timescale", "a timescale", errors);
        var status = Choice(PriorityText.Statuses, draft.Status, "status", "Choose the status", "a status", errors);
        var review = ReviewDate(draft.ReviewDate, errors);
        var assets = Assets(draft.Assets, reference, current, errors);
        var indicators = Indicators(draft.Indicators, reference, errors);
        if (errors.Count > 0)
        {
            return (null, errors);
        }
        return (new PriorityValues(domain!.Id, itemId, action!.Value, description!, owner!, timescale!.Value, status!.Value, review, assets, indicators), errors);
    }

    /// <summary>A review is overdue when its date has passed and the priority is still open (not done or dropped).</summary>
    public static bool IsOverdue(PriorityStatus status, DateOnly? reviewDate, DateOnly today) =>
        reviewDate is { } date && date < today && status is not (PriorityStatus.Done or PriorityStatus.Dropped);

    /// <summary>Field by field, what an edit changed, as a person reads it ("Status: proposed → agreed"); empty when nothing did.</summary>
    public static string DescribeChanges(PriorityValues before, PriorityValues after, PriorityReference reference)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        ArgumentNullException.ThrowIfNull(reference);
        var changes = new List<string>();
        void Compare(string label, string old, string @new)
        {
            if (old != @new)
            {
                changes.Add($"{label}: {old} → {@new}");
            }
        }
        Compare("Domain", DomainText(before.DomainId, reference), DomainText(after.DomainId, reference));
        Compare("Item", ItemText(before.ItemId, reference), ItemText(after.ItemId, reference));
        Compare("Action", PriorityText.Name(before.Action).ToLowerInvariant(), PriorityText.Name(after.Action).ToLowerInvariant());
        Compare("Description", Quote(before.Description), Quote(after.Description));
        Compare("Owner", Quote(before.Owner), Quote(after.Owner));
        Compare("Timescale", PriorityText.Name(before.Timescale).ToLowerInvariant(), PriorityText.Name(after.Timescale).ToLowerInvariant());
        Compare("Status", PriorityText.Name(before.Status).ToLowerInvariant(), PriorityText.Name(after.Status).ToLowerInvariant());
        Compare("Review date", DateText(before.ReviewDate), DateText(after.ReviewDate));
        ListChange("Assets", before.AssetIds, after.AssetIds, id => reference.Assets.TryGetValue(id, out var a) ? $"'{a.Name}' (asset {id})" : $"asset {id}", changes);
        ListChange("Indicators", before.IndicatorIds, after.IndicatorIds, id => reference.IndicatorsById.TryGetValue(id, out var i) ? i.Key : $"indicator {id}", changes);
        return string.Join("; ", changes);
    }

    /// <summary>"4 March 2026", or "none".</summary>
    public static string DateText(DateOnly? date) => date?.ToString("d MMMM yyyy", CultureInfo.InvariantCulture) ?? "none";

    private static PriorityDomainRef? Domain(string? text, PriorityReference reference, List<FieldError> errors)
    {
        var value = AssetRules.Clean(text);
        if (value is null)
        {
            errors.Add(new("domain", text, "Choose the checklist domain"));
            return null;
        }
        var domain = int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? reference.Domains.FirstOrDefault(d => d.Number == number) : null;
        if (domain is null)
        {
            errors.Add(new("domain", text, $"'{value}' is not a checklist domain; the domains are numbered {string.Join(", ", reference.Domains.Select(d => d.Number))}"));
        }
        return domain;
    }

    private static int? Item(string? text, PriorityDomainRef? domain, PriorityReference reference, PriorityValues? current, List<FieldError> errors)
    {
        var key = AssetRules.Clean(text);
        if (key is null)
        {
            return null;
        }
        var item = reference.Domains.SelectMany(d => d.Items).FirstOrDefault(i => string.Equals(i.Key, key, StringComparison.OrdinalIgnoreCase));
        if (item is null)
        {
            errors.Add(new("item", key, $"'{key}' is not a checklist item; the checklist page lists the items and their keys"));
            return null;
        }
        if (domain is not null && item.DomainNumber != domain.Number)
        {
            errors.Add(new("item", key, $"Item {item.DomainNumber}.{item.Number} ({item.Text}) is in domain {item.DomainNumber}, not domain {domain.Number}; " +
                $"choose an item of domain {domain.Number}, or none"));
            return null;
        }
        if (item.IsRetired && current?.ItemId != item.Id)
        {
            errors.Add(new("item", key, $"Checklist item {item.DomainNumber}.{item.Number} ('{item.Key}') is retired; new priorities cannot be linked to it"));
            return null;
        }
        return item.Id;
    }

    private static T? Choice<T>(IReadOnlyList<(T Value, string Key, string Name)> choices, string? text, string field, string missing, string what, List<FieldError> errors)
        where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(new(field, text, missing));
            return null;
        }
        var value = PriorityText.Parse(choices, text);
        if (value is null)
        {
            errors.Add(new(field, text, $"'{text.Trim()}' is not {what}; use one of {PriorityText.KeyList(choices)}"));
        }
        return value;
    }

    private static string? Text(string? text, string field, string missing, string label, int maxLength, List<FieldError> errors)
    {
        var value = AssetRules.Clean(text);
        if (value is null)
        {
            errors.Add(new(field, text, missing));
            return null;
        }
        if (value.Length > maxLength)
        {
            errors.Add(new(field, value[..40] + "…", $"{label} is {value.Length:N0} characters long; the limit is {maxLength:N0}"));
            return null;
        }
        return value;
    }

    private static DateOnly? ReviewDate(string? text, List<FieldError> errors)
    {
        var value = AssetRules.Clean(text);
        if (value is null)
        {
            return null;
        }
        string[] formats = ["yyyy-MM-dd", "d/M/yyyy", "dd/MM/yyyy"];
        if (DateOnly.TryParseExact(value, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && date.Year is >= 2000 and <= 2100)
        {
            return date;
        }
        errors.Add(new("reviewDate", text, "The review date must be a date such as 2026-09-30 (or 30/09/2026)"));
        return null;
    }

    private static List<int> Assets(IReadOnlyList<string> given, PriorityReference reference, PriorityValues? current, List<FieldError> errors)
    {
        var ids = new List<int>();
        foreach (var text in given.Select(g => g.Trim()).Where(g => g.Length > 0).Distinct(StringComparer.Ordinal))
        {
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                errors.Add(new("assets", text, $"'{text}' is not an asset id; assets are given by their number, such as 12"));
            }
            else if (reference.Assets.TryGetValue(id, out var asset) && (asset.Serves || current?.AssetIds.Contains(id) == true))
            {
                ids.Add(id);
            }
            else
            {
                errors.Add(new("assets", text, asset is null
                    ? $"Asset {id} does not serve {reference.AreaName}; link only assets from its coverage"
                    : $"'{asset.Name}' (asset {id}) does not serve {reference.AreaName}; link only assets from its coverage"));
            }
        }
        return [.. ids.Order()];
    }

    private static List<int> Indicators(IReadOnlyList<string> given, PriorityReference reference, List<FieldError> errors)
    {
        var ids = new List<int>();
        foreach (var key in given.Select(g => g.Trim()).Where(g => g.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (reference.IndicatorsByKey.TryGetValue(key, out var indicator))
            {
                ids.Add(indicator.Id);
            }
            else
            {
                errors.Add(new("indicators", key, $"'{key}' is not an indicator in the catalogue; the indicators page lists them and their keys"));
            }
        }
        return [.. ids.Order()];
    }

    private static string DomainText(int id, PriorityReference reference) => reference.DomainById(id) is { } d ? $"{d.Number}. {d.Name}" : $"domain {id}";

    private static string ItemText(int? id, PriorityReference reference) =>
        id is null ? "none" : reference.ItemById(id.Value) is { } i ? $"{i.DomainNumber}.{i.Number} {i.Text}" : $"item {id}";

    private static string Quote(string value) => $"'{(value.Length > 200 ? value[..200] + "…" : value)}'";

    private static void ListChange(string label, IReadOnlyList<int> before, IReadOnlyList<int> after, Func<int, string> name, List<string> changes)
    {
        var added = after.Except(before).Select(name).ToList();
        var removed = before.Except(after).Select(name).ToList();
        var parts = new List<string>();
        if (added.Count > 0)
        {
            parts.Add("added " + string.Join(", ", added));
        }
        if (removed.Count > 0)
        {
            parts.Add("removed " + string.Join(", ", removed));
        }
        if (parts.Count > 0)
        {
            changes.Add($"{label}: {string.Join(", ", parts)}");
        }
    }
}
