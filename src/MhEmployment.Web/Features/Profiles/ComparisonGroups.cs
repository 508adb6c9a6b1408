using MhEmployment.Web.Domain;

namespace MhEmployment.Web.Features.Profiles;

/// <summary>The sets of areas an area is ranked among and drawn against on a spine chart.</summary>
public enum ComparisonGroup
{
    UpperTier,
    UpperTierInRegion,
    LowerTier,
    Regions,
    NhsRegions,
    IntegratedCareBoards,
    SubIcbLocations,
}

public static class ComparisonGroups
{
    private static readonly AreaKind[] UpperTierKinds =
        [AreaKind.County, AreaKind.UnitaryAuthority, AreaKind.MetropolitanDistrict, AreaKind.LondonBorough];

    private static readonly AreaKind[] LowerTierKinds =
        [AreaKind.NonMetropolitanDistrict, AreaKind.UnitaryAuthority, AreaKind.MetropolitanDistrict, AreaKind.LondonBorough];

    public static IReadOnlyList<ComparisonGroup> All { get; } = Enum.GetValues<ComparisonGroup>();

    /// <summary>The set an area of this kind is compared within unless the reader picks another.</summary>
    public static ComparisonGroup DefaultFor(AreaKind kind) => kind switch
    {
        AreaKind.NonMetropolitanDistrict => ComparisonGroup.LowerTier,
        AreaKind.Region or AreaKind.Country => ComparisonGroup.Regions,
        AreaKind.NhsRegion => ComparisonGroup.NhsRegions,
        AreaKind.IntegratedCareBoard => ComparisonGroup.IntegratedCareBoards,
        AreaKind.SubIcbLocation => ComparisonGroup.SubIcbLocations,
        _ => ComparisonGroup.UpperTier,
    };

    /// <summary>Whether an area belongs to the set (for "in region", the region of <paramref name="regionCode"/>).</summary>
    public static bool Contains(ComparisonGroup group, SnapshotArea area, string? regionCode)
    {
        ArgumentNullException.ThrowIfNull(area);
        return group switch
        {
            ComparisonGroup.UpperTier => UpperTierKinds.Contains(area.Kind),
            ComparisonGroup.UpperTierInRegion => UpperTierKinds.Contains(area.Kind) && regionCode is not null
                && string.Equals(area.RegionCode, regionCode, StringComparison.OrdinalIgnoreCase),
            ComparisonGroup.LowerTier => LowerTierKinds.Contains(area.Kind),
            ComparisonGroup.Regions => area.Kind == AreaKind.Region,
            ComparisonGroup.NhsRegions => area.Kind == AreaKind.NhsRegion,
            ComparisonGroup.IntegratedCareBoards => area.Kind == AreaKind.IntegratedCareBoard,
            ComparisonGroup.SubIcbLocations => area.Kind == AreaKind.SubIcbLocation,
            _ => false,
        };
    }

    public static string Name(ComparisonGroup group, string? regionName = null) => group switch
    {
        ComparisonGroup.UpperTier => "Counties and unitary authorities (upper tier)",
        ComparisonGroup.UpperTierInRegion => $"Upper-tier authorities in {regionName ?? "the region"}",
        ComparisonGroup.LowerTier => "Districts and unitary authorities (lower tier)",
        ComparisonGroup.Regions => "Regions",
        ComparisonGroup.NhsRegions => "NHS regions",
        ComparisonGroup.IntegratedCareBoards => "Integrated care boards",
        ComparisonGroup.SubIcbLocations => "Sub-ICB locations",
        _ => group.ToString(),
    };

    /// <summary>Reads the query value ("upper-tier", "UpperTier" …); null when it is none of them.</summary>
    public static ComparisonGroup? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var compact = text.Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal).Trim();
        return Enum.TryParse<ComparisonGroup>(compact, ignoreCase: true, out var group) && Enum.IsDefined(group) ? group : null;
    }

    /// <summary>The query value for a group, e.g. "upper-tier-in-region".</summary>
    public static string Slug(ComparisonGroup group) => group switch
    {
        ComparisonGroup.UpperTier => "upper-tier",
        ComparisonGroup.UpperTierInRegion => "upper-tier-in-region",
        ComparisonGroup.LowerTier => "lower-tier",
        ComparisonGroup.Regions => "regions",
        ComparisonGroup.NhsRegions => "nhs-regions",
        ComparisonGroup.IntegratedCareBoards => "integrated-care-boards",
        ComparisonGroup.SubIcbLocations => "sub-icb-locations",
        _ => group.ToString(),
    };
}
