using System.Globalization;
using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Assets;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace MhEmployment.Web.Pages.Assets;

/// <summary>The add/edit form's fields, as typed.</summary>
public sealed class AssetForm
{
    public string? Name { get; set; }
    public string? Description { get; set; }
    public string? Provider { get; set; }
    public string? Sector { get; set; }
    public List<string> Items { get; set; } = [];
    public string? Areas { get; set; }
    public string? TargetGroup { get; set; }
    public string? Eligibility { get; set; }
    public string? CapacityPerYear { get; set; }
    public string? DemandPerYear { get; set; }
    public string? WaitingList { get; set; }
    public string? FundingSource { get; set; }
    public string? FundingAmount { get; set; }
    public string? FundingStart { get; set; }
    public string? FundingEnd { get; set; }
    public string? Commissioner { get; set; }
    public string? Contact { get; set; }
    public string? Website { get; set; }
    public string? Postcode { get; set; }

    public AssetDraft ToDraft(IReadOnlyList<string> areaCodes) => new()
    {
        Name = Name, Description = Description, Provider = Provider, Sector = Sector, Items = Items, Areas = areaCodes,
        TargetGroup = TargetGroup, Eligibility = Eligibility, CapacityPerYear = CapacityPerYear, DemandPerYear = DemandPerYear,
        WaitingList = WaitingList, FundingSource = FundingSource, FundingAmount = FundingAmount, FundingStart = FundingStart,
        FundingEnd = FundingEnd, Commissioner = Commissioner, Contact = Contact, Website = Website, Postcode = Postcode,
    };

    public static AssetForm From(Asset asset, IReadOnlyDictionary<int, ItemRef> items) => new()
    {
        Name = asset.Name, Description = asset.Description, Provider = asset.Provider, Sector = AssetSectors.Code(asset.Sector),
        Items = [.. asset.Items.Select(i => items[i.ItemId].Key)], Areas = string.Join(", ", asset.Areas.Select(a => a.AreaCode).Order(StringComparer.Ordinal)),
        TargetGroup = asset.TargetGroup, Eligibility = asset.Eligibility,
        CapacityPerYear = asset.CapacityPerYear?.ToString(CultureInfo.InvariantCulture), DemandPerYear = asset.DemandPerYear?.ToString(CultureInfo.InvariantCulture),
        WaitingList = asset.WaitingList?.ToString(CultureInfo.InvariantCulture), FundingSource = asset.FundingSource,
        FundingAmount = asset.FundingAmount?.ToString("0.##", CultureInfo.InvariantCulture),
        FundingStart = asset.FundingStart?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        FundingEnd = asset.FundingEnd?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Commissioner = asset.Commissioner, Contact = asset.Contact, Website = asset.Website, Postcode = asset.Postcode,
    };

    /// <summary>Puts each rule's error against its form field ("funding_end" → "Form.FundingEnd").</summary>
    public static void AddErrors(ModelStateDictionary modelState, IEnumerable<FieldError> errors, string prefix = "Form")
    {
        foreach (var error in errors)
        {
            var property = string.Concat(error.Field.Split('_').Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
            modelState.AddModelError($"{prefix}.{property}", error.Message);
        }
    }
}
