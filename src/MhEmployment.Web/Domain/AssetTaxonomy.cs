namespace MhEmployment.Web.Domain;

/// <summary>A domain of the guidance's Appendix II asset checklist (e.g. "Promoting workplace wellbeing").</summary>
public class AssetDomain
{
    public int Id { get; init; }
    public int Number { get; init; }
    public required string Name { get; init; }
    public required string Description { get; init; }
    public List<AssetChecklistItem> Items { get; } = [];
}

/// <summary>One item of the checklist that a borough's services are mapped against and rated 1/2/3.</summary>
public class AssetChecklistItem
{
    public int Id { get; init; }
    public int DomainId { get; init; }

    /// <summary>Position within its domain, so "2.3" reads as the guidance lists it. Admins reorder items.</summary>
    public int Number { get; set; }
    public required string Key { get; init; }
    public required string Text { get; set; }

    /// <summary>
    /// When an Admin retired the item: it is no longer offered for new assets or analyses, but assets, ratings and
    /// analyses that refer to it keep it, so it is never deleted.
    /// </summary>
    public DateTime? RetiredUtc { get; set; }
    public AssetDomain? Domain { get; init; }

    public bool IsRetired => RetiredUtc is not null;
}
