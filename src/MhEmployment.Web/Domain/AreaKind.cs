namespace MhEmployment.Web.Domain;

/// <summary>The kinds of geography the app holds. The GSS prefix decides the kind for ONS codes.</summary>
public enum AreaKind
{
    Country,
    Region,
    County,
    MetropolitanDistrict,
    UnitaryAuthority,
    LondonBorough,
    NonMetropolitanDistrict,
    NhsRegion,
    IntegratedCareBoard,
    SubIcbLocation,
}
