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

    /// <summary>Position within its domain, so "2.3" reads as the guidance lists it.</summary>
    public int Number { get; init; }
    public required string Key { get; init; }
    public required string Text { get; init; }
    public AssetDomain? Domain { get; init; }
}
