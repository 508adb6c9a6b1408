using MhEmployment.Web.Domain;

namespace MhEmployment.Web.Features.Assets;

/// <summary>An asset as typed into the form, a CSV row or an API request: text, not yet checked.</summary>
public sealed record AssetDraft
{
    public string? Name { get; init; }
    public string? Description { get; init; }
    public string? Provider { get; init; }
    public string? Sector { get; init; }
    public IReadOnlyList<string> Items { get; init; } = [];
    public IReadOnlyList<string> Areas { get; init; } = [];
    public string? TargetGroup { get; init; }
    public string? Eligibility { get; init; }
    public string? CapacityPerYear { get; init; }
    public string? DemandPerYear { get; init; }
    public string? WaitingList { get; init; }
    public string? FundingSource { get; init; }
    public string? FundingAmount { get; init; }
    public string? FundingStart { get; init; }
    public string? FundingEnd { get; init; }
    public string? Commissioner { get; init; }
    public string? Contact { get; init; }
    public string? Website { get; init; }
    public string? Postcode { get; init; }
}

/// <summary>An asset's checked values, ready to store.</summary>
public sealed record AssetValues(
    string Name, string? Description, string Provider, AssetSector Sector,
    IReadOnlyList<int> ItemIds, IReadOnlyList<string> AreaCodes,
    string? TargetGroup, string? Eligibility, int? CapacityPerYear, int? DemandPerYear, int? WaitingList,
    string? FundingSource, decimal? FundingAmount, DateOnly? FundingStart, DateOnly? FundingEnd,
    string? Commissioner, string? Contact, string? Website, string? Postcode);

/// <summary>A problem with one field: its name (as the CSV header and the API call it), the value given and why.</summary>
public sealed record FieldError(string Field, string? Value, string Message);

/// <summary>A checklist item as the rules see it.</summary>
public sealed record ItemRef(int Id, string Key, int DomainNumber, int Number, string Text, bool IsRetired);

/// <summary>An area as the rules see it.</summary>
public sealed record AreaRef(string Code, string Name, AreaKind Kind, bool IsCurrent);

/// <summary>
/// Another asset with the same name and provider (case aside), the items it serves, and where it is ("asset 12", or
/// "line 5 of this file" for a row of the same import).
/// </summary>
public sealed record SimilarAsset(string Where, string Name, IReadOnlyCollection<int> ItemIds);

/// <summary>The checklist and areas the rules check names against.</summary>
public sealed class AssetReference(IEnumerable<ItemRef> items, IEnumerable<AreaRef> areas)
{
    public IReadOnlyDictionary<string, ItemRef> ItemsByKey { get; } = items.ToDictionary(i => i.Key, StringComparer.OrdinalIgnoreCase);
    public IReadOnlyDictionary<int, ItemRef> ItemsById { get; } = items.ToDictionary(i => i.Id);
    public IReadOnlyDictionary<string, AreaRef> AreasByCode { get; } = areas.ToDictionary(a => a.Code, StringComparer.OrdinalIgnoreCase);
}
