using System.Globalization;
using System.Text.RegularExpressions;
using MhEmployment.Web.Data.Configurations;
using MhEmployment.Web.Domain;

namespace MhEmployment.Web.Features.Assets;

/// <summary>
/// The rules an asset must meet, whichever way it comes in (page, API, CSV). Every problem is reported, each against
/// its field, with the value given and a reason a person can act on.
/// </summary>
public static partial class AssetRules
{
    public const int MaxRationaleLength = AssetConfiguration.LongTextLength;

    /// <summary>The kinds of area an asset can serve: local authorities, or a whole region, ICB or sub-ICB location.</summary>
    public static readonly IReadOnlySet<AreaKind> ServedKinds = new HashSet<AreaKind>
    {
        AreaKind.County, AreaKind.MetropolitanDistrict, AreaKind.UnitaryAuthority, AreaKind.LondonBorough,
        AreaKind.NonMetropolitanDistrict, AreaKind.Region, AreaKind.IntegratedCareBoard, AreaKind.SubIcbLocation,
    };

    /// <param name="currentItemIds">The items the asset serves already (when editing): a retired one may stay.</param>
    /// <param name="similar">Other assets with the same name and provider.</param>
    public static (AssetValues? Values, List<FieldError> Errors) Validate(
        AssetDraft draft, AssetReference reference, IReadOnlyCollection<int> currentItemIds, IEnumerable<SimilarAsset> similar)
    {
        var errors = new List<FieldError>();
        var name = Required(draft.Name, "name", "Enter the asset's name", AssetConfiguration.NameLength, errors);
        var provider = Required(draft.Provider, "provider", "Enter the organisation that provides it", AssetConfiguration.NameLength, errors);
        var sector = AssetSectors.Parse(draft.Sector);
        if (sector is null)
        {
            errors.Add(new("sector", draft.Sector, string.IsNullOrWhiteSpace(draft.Sector)
                ? "Choose the provider's sector"
                : $"'{draft.Sector}' is not a sector; use one of {AssetSectors.CodeList}"));
        }
        var itemIds = Items(draft.Items, reference, currentItemIds, errors);
        var areaCodes = Areas(draft.Areas, reference, errors);
        var capacity = Count(draft.CapacityPerYear, "capacity_per_year", "Capacity", errors);
        var demand = Count(draft.DemandPerYear, "demand_per_year", "Demand", errors);
        var waiting = Count(draft.WaitingList, "waiting_list", "The waiting list", errors);
        var amount = Amount(draft.FundingAmount, errors);
        var start = Date(draft.FundingStart, "funding_start", "The funding start date", errors);
        var end = Date(draft.FundingEnd, "funding_end", "The funding end date", errors);
        if (start is { } s && end is { } e && e < s)
        {
            errors.Add(new("funding_end", draft.FundingEnd, $"The funding end date ({e:yyyy-MM-dd}) must be on or after its start ({s:yyyy-MM-dd})"));
        }
        var website = Website(draft.Website, errors);
        var postcode = Postcode(draft.Postcode, errors);
        var description = Optional(draft.Description, "description", "The description", AssetConfiguration.LongTextLength, errors);
        var target = Optional(draft.TargetGroup, "target_group", "The target group", AssetConfiguration.LongTextLength, errors);
        var eligibility = Optional(draft.Eligibility, "eligibility", "Eligibility", AssetConfiguration.LongTextLength, errors);
        var fundingSource = Optional(draft.FundingSource, "funding_source", "The funding source", AssetConfiguration.ShortTextLength, errors);
        var commissioner = Optional(draft.Commissioner, "commissioner", "The commissioner", AssetConfiguration.ShortTextLength, errors);
        var contact = Optional(draft.Contact, "contact", "The contact", AssetConfiguration.ShortTextLength, errors);

        if (name is not null && provider is not null && itemIds.Count > 0)
        {
            var clash = similar.FirstOrDefault(other => other.ItemIds.Any(itemIds.Contains));
            if (clash is not null)
            {
                var item = reference.ItemsById[clash.ItemIds.First(itemIds.Contains)];
                errors.Add(new("name", draft.Name,
                    $"The register already has '{clash.Name}' from {provider} for item {item.DomainNumber}.{item.Number} ({clash.Where}); edit that asset instead"));
            }
        }
        if (errors.Count > 0)
        {
            return (null, errors);
        }
        return (new AssetValues(
            name!, description, provider!, sector!.Value, itemIds, areaCodes, target, eligibility, capacity, demand, waiting,
            fundingSource, amount, start, end, commissioner, contact, website, postcode), errors);
    }

    /// <summary>Checks a rating (1, 2 or 3) and its rationale.</summary>
    public static (int? Rating, string? Rationale, List<FieldError> Errors) ValidateRating(string? rating, string? rationale)
    {
        var errors = new List<FieldError>();
        int? value = rating?.Trim() switch
        {
            "1" => 1,
            "2" => 2,
            "3" => 3,
            _ => null,
        };
        if (value is null)
        {
            errors.Add(new("rating", rating, string.IsNullOrWhiteSpace(rating)
                ? "Choose a rating: 1, 2 or 3"
                : $"'{rating}' is not a rating; a rating is 1, 2 or 3"));
        }
        var text = Required(rationale, "rationale", "Give the reason for the rating", MaxRationaleLength, errors);
        return (value, text, errors);
    }

    /// <summary>Keeps text as given (it is escaped when shown), trimmed of surrounding spaces; empty becomes null.</summary>
    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>Names and GSS codes are compared without case or repeated spaces.</summary>
    public static string Normalise(string text) => Spaces().Replace(text.Trim(), " ").ToUpperInvariant();

    private static List<int> Items(IReadOnlyList<string> keys, AssetReference reference, IReadOnlyCollection<int> currentItemIds, List<FieldError> errors)
    {
        var ids = new List<int>();
        var given = keys.Select(k => k.Trim()).Where(k => k.Length > 0).ToList();
        if (given.Count == 0)
        {
            errors.Add(new("items", null, "Choose at least one checklist item the asset serves"));
        }
        foreach (var key in given.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (!reference.ItemsByKey.TryGetValue(key, out var item))
            {
                errors.Add(new("items", key, $"'{key}' is not a checklist item; the checklist page lists the items and their keys"));
            }
            else if (item.IsRetired && !currentItemIds.Contains(item.Id))
            {
                errors.Add(new("items", key, $"Checklist item {item.DomainNumber}.{item.Number} ('{key}') is retired; new assets cannot be added to it"));
            }
            else
            {
                ids.Add(item.Id);
            }
        }
        return ids;
    }

    private static List<string> Areas(IReadOnlyList<string> codes, AssetReference reference, List<FieldError> errors)
    {
        var result = new List<string>();
        var given = codes.Select(c => c.Trim()).Where(c => c.Length > 0).ToList();
        if (given.Count == 0)
        {
            errors.Add(new("areas", null, "Give at least one area the asset serves (a local authority, region, ICB or sub-ICB location)"));
        }
        foreach (var code in given.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (!reference.AreasByCode.TryGetValue(code, out var area))
            {
                errors.Add(new("areas", code, $"No area has the code '{code}'; use ONS GSS codes such as E09000012 (Hackney) or E54000029 (an ICB)"));
            }
            else if (!area.IsCurrent)
            {
                errors.Add(new("areas", code, $"{area.Name} ({area.Code}) no longer exists; use the area that replaced it"));
            }
            else if (!ServedKinds.Contains(area.Kind))
            {
                errors.Add(new("areas", code, $"{area.Name} ({area.Code}) is not a local authority, region, ICB or sub-ICB location"));
            }
            else
            {
                result.Add(area.Code);
            }
        }
        return result;
    }

    private static string? Required(string? text, string field, string missing, int maxLength, List<FieldError> errors)
    {
        var value = Clean(text);
        if (value is null)
        {
            errors.Add(new(field, text, missing));
            return null;
        }
        return Length(value, field, Capitalised(field), maxLength, errors);
    }

    private static string? Optional(string? text, string field, string label, int maxLength, List<FieldError> errors)
    {
        var value = Clean(text);
        return value is null ? null : Length(value, field, label, maxLength, errors);
    }

    private static string? Length(string value, string field, string label, int maxLength, List<FieldError> errors)
    {
        if (value.Length > maxLength)
        {
            errors.Add(new(field, value[..40] + "…", $"{label} is {value.Length:N0} characters long; the limit is {maxLength:N0}"));
            return null;
        }
        return value;
    }

    private static string Capitalised(string field) => char.ToUpperInvariant(field[0]) + field[1..].Replace('_', ' ');

    private static int? Count(string? text, string field, string label, List<FieldError> errors)
    {
        var value = Clean(text);
        if (value is null)
        {
            return null;
        }
        if (int.TryParse(value.Replace(",", "", StringComparison.Ordinal), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) && number >= 0)
        {
            return number;
        }
        errors.Add(new(field, text, $"{label} must be a whole number of people, 0 or more"));
        return null;
    }

    private static decimal? Amount(string? text, List<FieldError> errors)
    {
        var value = Clean(text)?.TrimStart('£').Replace(",", "", StringComparison.Ordinal);
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }
        if (decimal.TryParse(value, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var amount)
            && amount >= 0 && amount < 10_000_000_000m && decimal.Round(amount, 2) == amount)
        {
            return amount;
        }
        errors.Add(new("funding_amount", text, "The funding amount must be in pounds, 0 or more, with at most 2 decimal places (e.g. 125000 or 125000.50)"));
        return null;
    }

    private static DateOnly? Date(string? text, string field, string label, List<FieldError> errors)
    {
        var value = Clean(text);
        if (value is null)
        {
            return null;
        }
        string[] formats = ["yyyy-MM-dd", "d/M/yyyy", "dd/MM/yyyy"];
        if (DateOnly.TryParseExact(value, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }
        errors.Add(new(field, text, $"{label} must be a date such as 2026-03-31 (or 31/03/2026)"));
        return null;
    }

    private static string? Website(string? text, List<FieldError> errors)
    {
        var value = Clean(text);
        if (value is null)
        {
            return null;
        }
        // Only web addresses become links: a javascript: or data: address must never reach an href.
        if (value.Length <= 500 && Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
        {
            return value;
        }
        errors.Add(new("website", text, "The website must be a full web address starting with https:// or http://"));
        return null;
    }

    private static string? Postcode(string? text, List<FieldError> errors)
    {
        var value = Clean(text);
        if (value is null)
        {
            return null;
        }
        var compact = value.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        if (PostcodePattern().IsMatch(compact))
        {
            return compact[..^3] + " " + compact[^3..];
        }
        errors.Add(new("postcode", text, "The postcode must be a UK postcode such as E8 1DY"));
        return null;
    }

    [GeneratedRegex(@"^[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}$")]
    private static partial Regex PostcodePattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
