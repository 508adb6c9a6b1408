namespace MhEmployment.Web.Domain;

/// <summary>
/// A local authority is linked to a sub-ICB location, and so to its ICB: CQC-registered care locations in the authority
/// (or in <see cref="ThroughCode"/>) have postcodes there. An authority linked to several lies partly in each.
/// </summary>
public class AreaNhsLink
{
    public required string LocalAuthorityCode { get; init; }
    public required string SubIcbLocationCode { get; init; }
    public required string IcbCode { get; init; }

    /// <summary>
    /// Null when the link is the authority's own. Otherwise the authority whose link it is: a district's county, or a
    /// predecessor split since the lookup (Cumbria for Cumberland); not proof that this authority lies there.
    /// </summary>
    public string? ThroughCode { get; init; }
}
