using MhEmployment.Web.Domain;

namespace MhEmployment.Web.Features.Areas;

/// <summary>How kinds read to a person.</summary>
public static class AreaKindNames
{
    public static string Singular(AreaKind kind) => kind switch
    {
        AreaKind.Country => "Country",
        AreaKind.Region => "Region",
        AreaKind.County => "County",
        AreaKind.MetropolitanDistrict => "Metropolitan district",
        AreaKind.UnitaryAuthority => "Unitary authority",
        AreaKind.LondonBorough => "London borough",
        AreaKind.NonMetropolitanDistrict => "Non-metropolitan district",
        AreaKind.NhsRegion => "NHS England region",
        AreaKind.IntegratedCareBoard => "Integrated care board",
        AreaKind.SubIcbLocation => "Sub-ICB location",
        _ => kind.ToString(),
    };

    public static string Plural(AreaKind kind) => kind switch
    {
        AreaKind.Country => "Countries",
        AreaKind.County => "Counties",
        AreaKind.NhsRegion => "NHS England regions",
        _ => Singular(kind) + "s",
    };

    public static string Succession(SuccessionKind kind) => kind switch
    {
        SuccessionKind.Merger => "Merger",
        SuccessionKind.Split => "Split between several areas",
        SuccessionKind.Recode => "New code for the same area",
        _ => kind.ToString(),
    };
}
