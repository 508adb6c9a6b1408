using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Assets;

namespace MhEmployment.UnitTests.Assets;

/// <summary>A small checklist and a few real areas for the rules to check against.</summary>
internal static class AssetTestData
{
    public static readonly ItemRef Ips = new(1, "cmht-ips", 3, 1, "Community mental health teams with integrated Individual Placement and Support", false);
    public static readonly ItemRef Jobcentre = new(2, "jobcentre-plus-programmes", 3, 4, "Jobcentre Plus, work programme and work choice", false);
    public static readonly ItemRef Retired = new(3, "old-item", 4, 6, "An item retired by an Admin", true);

    public static readonly AssetReference Reference = new(
        [Ips, Jobcentre, Retired],
        [
            new AreaRef("E09000012", "Hackney", AreaKind.LondonBorough, true),
            new AreaRef("E12000007", "London", AreaKind.Region, true),
            new AreaRef("E54000029", "NHS North East London Integrated Care Board", AreaKind.IntegratedCareBoard, true),
            new AreaRef("E10000006", "Cumbria", AreaKind.County, false),
            new AreaRef("E92000001", "England", AreaKind.Country, true),
        ]);

    public static AssetDraft Valid => new()
    {
        Name = "Hackney IPS service",
        Provider = "East London NHS Foundation Trust",
        Sector = "nhs",
        Items = ["cmht-ips"],
        Areas = ["E09000012"],
        FundingStart = "2025-04-01",
        FundingEnd = "2027-03-31",
        FundingAmount = "125000",
        CapacityPerYear = "120",
        Website = "https://www.elft.nhs.uk/",
        Postcode = "e8 1dy",
    };
}
