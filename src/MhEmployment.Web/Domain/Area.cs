namespace MhEmployment.Web.Domain;

/// <summary>
/// A geography identified by its ONS GSS code. Historical areas stay in the reference list with
/// their validity dates so that old extracts still import and compare.
/// </summary>
public class Area
{
    public required string Code { get; init; }
    public required string Name { get; set; }
    public AreaKind Kind { get; set; }

    /// <summary>The ONS region (E12) the area lies in; null for England, regions and NHS geographies.</summary>
    public string? RegionCode { get; set; }

    /// <summary>The next level up: county for a district, region for an upper tier, ICB for a sub-ICB.</summary>
    public string? ParentCode { get; set; }

    /// <summary>NHS Organisation Data Service code (e.g. QMF) for NHS geographies.</summary>
    public string? OdsCode { get; set; }

    public DateOnly? ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }

    public List<AreaSuccession> Successors { get; } = [];
    public List<AreaSuccession> Predecessors { get; } = [];

    public bool IsCurrentOn(DateOnly date) =>
        (ValidFrom is null || ValidFrom <= date) && (ValidTo is null || ValidTo >= date);
}
