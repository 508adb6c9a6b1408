namespace MhEmployment.Web.Domain;

/// <summary>Who provides an asset, as the guidance's partners are usually grouped.</summary>
public enum AssetSector
{
    Nhs,
    Council,
    VoluntarySector,
    Employer,
    Dwp,
    EducationAndSkills,
    Other,
}

/// <summary>
/// One local service or resource on the guidance's Appendix II checklist: what it is, who provides and funds it, the
/// checklist items it serves, the areas it serves, and its current 1/2/3 rating. Its history is in <see cref="AssetChange"/>.
/// </summary>
public class Asset
{
    public int Id { get; init; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    public required string Provider { get; set; }
    public AssetSector Sector { get; set; }
    public string? TargetGroup { get; set; }
    public string? Eligibility { get; set; }

    /// <summary>Places or referrals a year, where known.</summary>
    public int? CapacityPerYear { get; set; }

    /// <summary>Current demand (referrals a year) where known.</summary>
    public int? DemandPerYear { get; set; }

    /// <summary>People waiting now, where known.</summary>
    public int? WaitingList { get; set; }

    public string? FundingSource { get; set; }
    public decimal? FundingAmount { get; set; }
    public DateOnly? FundingStart { get; set; }
    public DateOnly? FundingEnd { get; set; }
    public string? Commissioner { get; set; }
    public string? Contact { get; set; }
    public string? Website { get; set; }
    public string? Postcode { get; set; }

    /// <summary>The current rating: 1 good and resourced, 2 adequate but vulnerable or short, 3 a gap or inadequate.</summary>
    public int? Rating { get; set; }
    public string? RatingRationale { get; set; }
    public string? RatedBy { get; set; }
    public DateTime? RatedUtc { get; set; }

    public DateTime CreatedUtc { get; init; }
    public required string CreatedBy { get; init; }
    public DateTime UpdatedUtc { get; set; }
    public required string UpdatedBy { get; set; }

    /// <summary>The asset import that created it, so that undoing the import removes it.</summary>
    public int? ImportId { get; init; }

    public List<AssetItemLink> Items { get; } = [];
    public List<AssetAreaLink> Areas { get; } = [];
}

/// <summary>An asset serves a checklist item.</summary>
public class AssetItemLink
{
    public int AssetId { get; init; }
    public int ItemId { get; init; }
    public AssetChecklistItem? Item { get; init; }
}

/// <summary>An asset serves an area: a local authority, a region, an ICB or a sub-ICB location.</summary>
public class AssetAreaLink
{
    public int AssetId { get; init; }
    public required string AreaCode { get; init; }
    public Area? Area { get; init; }
}

public enum AssetChangeKind { Created, Edited, Rated, Imported, ImportUndone }

/// <summary>One entry of an asset's history: who did what and when, what changed, and for ratings the rating given.</summary>
public class AssetChange
{
    public long Id { get; init; }
    public int AssetId { get; init; }
    public DateTime OccurredUtc { get; init; }
    public required string Actor { get; init; }
    public AssetChangeKind Kind { get; init; }

    /// <summary>What changed, field by field ("Provider: 'A' → 'B'"), as a person reads it.</summary>
    public required string Summary { get; init; }
    public int? Rating { get; init; }
    public string? Rationale { get; init; }
}
