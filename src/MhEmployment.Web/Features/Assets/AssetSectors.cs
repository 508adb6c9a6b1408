using MhEmployment.Web.Domain;

namespace MhEmployment.Web.Features.Assets;

/// <summary>Sectors as people read and write them (forms, CSV, the API).</summary>
public static class AssetSectors
{
    public static readonly IReadOnlyList<(AssetSector Sector, string Code, string Name)> All =
    [
        (AssetSector.Nhs, "nhs", "NHS"),
        (AssetSector.Council, "council", "Council"),
        (AssetSector.VoluntarySector, "voluntary", "Voluntary or third sector"),
        (AssetSector.Employer, "employer", "Employer"),
        (AssetSector.Dwp, "dwp", "DWP / Jobcentre Plus"),
        (AssetSector.EducationAndSkills, "education", "Education and skills"),
        (AssetSector.Other, "other", "Other"),
    ];

    public static string Name(AssetSector sector) => All.Single(s => s.Sector == sector).Name;

    public static string Code(AssetSector sector) => All.Single(s => s.Sector == sector).Code;

    /// <summary>A sector by its code or name, whatever the case; null when none matches.</summary>
    public static AssetSector? Parse(string? text)
    {
        var value = text?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }
        foreach (var (sector, code, name) in All)
        {
            if (string.Equals(value, code, StringComparison.OrdinalIgnoreCase) || string.Equals(value, name, StringComparison.OrdinalIgnoreCase)
                || string.Equals(value, sector.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                return sector;
            }
        }
        return null;
    }

    public static string CodeList => string.Join(", ", All.Select(s => s.Code));
}
