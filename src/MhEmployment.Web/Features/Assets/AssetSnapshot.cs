using System.Globalization;
using MhEmployment.Web.Domain;

namespace MhEmployment.Web.Features.Assets;

/// <summary>
/// An asset's editable values as text, field by field in the template's order: what the history compares, what
/// undo restores, and what the CSV export writes.
/// </summary>
public sealed record AssetSnapshot(IReadOnlyList<KeyValuePair<string, string>> Fields)
{
    public static AssetSnapshot Of(Asset asset, IReadOnlyDictionary<int, ItemRef> items) => Of(
        asset.Name, asset.Description, asset.Provider, asset.Sector,
        asset.Items.Select(i => items[i.ItemId].Key), asset.Areas.Select(a => a.AreaCode),
        asset.TargetGroup, asset.Eligibility, asset.CapacityPerYear, asset.DemandPerYear, asset.WaitingList,
        asset.FundingSource, asset.FundingAmount, asset.FundingStart, asset.FundingEnd,
        asset.Commissioner, asset.Contact, asset.Website, asset.Postcode);

    public static AssetSnapshot Of(AssetValues v, IReadOnlyDictionary<int, ItemRef> items) => Of(
        v.Name, v.Description, v.Provider, v.Sector, v.ItemIds.Select(i => items[i].Key), v.AreaCodes,
        v.TargetGroup, v.Eligibility, v.CapacityPerYear, v.DemandPerYear, v.WaitingList,
        v.FundingSource, v.FundingAmount, v.FundingStart, v.FundingEnd, v.Commissioner, v.Contact, v.Website, v.Postcode);

    private static AssetSnapshot Of(
        string name, string? description, string provider, AssetSector sector, IEnumerable<string> items, IEnumerable<string> areas,
        string? target, string? eligibility, int? capacity, int? demand, int? waiting, string? fundingSource, decimal? amount,
        DateOnly? start, DateOnly? end, string? commissioner, string? contact, string? website, string? postcode) =>
        new([
            new("name", name),
            new("description", description ?? ""),
            new("provider", provider),
            new("sector", AssetSectors.Code(sector)),
            new("items", string.Join(';', items.Order(StringComparer.Ordinal))),
            new("areas", string.Join(';', areas.Order(StringComparer.Ordinal))),
            new("target_group", target ?? ""),
            new("eligibility", eligibility ?? ""),
            new("capacity_per_year", Number(capacity)),
            new("demand_per_year", Number(demand)),
            new("waiting_list", Number(waiting)),
            new("funding_source", fundingSource ?? ""),
            new("funding_amount", amount?.ToString("0.##", CultureInfo.InvariantCulture) ?? ""),
            new("funding_start", Date(start)),
            new("funding_end", Date(end)),
            new("commissioner", commissioner ?? ""),
            new("contact", contact ?? ""),
            new("website", website ?? ""),
            new("postcode", postcode ?? ""),
        ]);

    public string this[string field] => Fields.First(f => f.Key == field).Value;

    /// <summary>Field by field, what differs from an earlier snapshot, as a person reads it; empty when nothing does.</summary>
    public string DescribeChangesFrom(AssetSnapshot before)
    {
        var changes = Fields.Zip(before.Fields)
            .Where(pair => pair.First.Value != pair.Second.Value)
            .Select(pair => $"{Label(pair.First.Key)}: {Quote(pair.Second.Value)} → {Quote(pair.First.Value)}");
        return string.Join("; ", changes);
    }

    public bool SameAs(AssetSnapshot other) => Fields.Zip(other.Fields).All(p => p.First.Value == p.Second.Value);

    /// <summary>The snapshot as a draft, to be checked and stored again (undo).</summary>
    public AssetDraft ToDraft() => new()
    {
        Name = this["name"], Description = this["description"], Provider = this["provider"], Sector = this["sector"],
        Items = Split(this["items"]), Areas = Split(this["areas"]),
        TargetGroup = this["target_group"], Eligibility = this["eligibility"], CapacityPerYear = this["capacity_per_year"],
        DemandPerYear = this["demand_per_year"], WaitingList = this["waiting_list"], FundingSource = this["funding_source"],
        FundingAmount = this["funding_amount"], FundingStart = this["funding_start"], FundingEnd = this["funding_end"],
        Commissioner = this["commissioner"], Contact = this["contact"], Website = this["website"], Postcode = this["postcode"],
    };

    public static IReadOnlyList<string> Split(string? list) =>
        (list ?? "").Split([';', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static string Label(string field) => char.ToUpperInvariant(field[0]) + field[1..].Replace('_', ' ');

    private static string Quote(string value) => value.Length == 0 ? "(empty)" : $"'{(value.Length > 200 ? value[..200] + "…" : value)}'";

    private static string Number(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    private static string Date(DateOnly? value) => value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}
