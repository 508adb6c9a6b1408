using System.Globalization;
using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Profiles;
using MhEmployment.Web.Infrastructure;

namespace MhEmployment.Web.Features.Indicators;

/// <summary>An indicator's stored values as CSV, as the page's "Stored values" table lists them (newest first).</summary>
public static class StoredValuesCsv
{
    public static CsvTable Write(Indicator indicator, IEnumerable<IndicatorCatalogue.StoredValue> values)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        ArgumentNullException.ThrowIfNull(values);
        var csv = new CsvTable(
            "area_code", "area_name", "indicator_key", "indicator", "period", "period_start", "sex", "age", "unit",
            "value", "count", "denominator", "lower_95", "upper_95", "note", "import_id");
        var unit = ValueFormat.UnitName(indicator.Unit);
        foreach (var v in values)
        {
            csv.Text(v.AreaCode).Text(v.AreaName).Text(indicator.Key).Text(indicator.Name).Text(v.PeriodLabel)
                .Text(v.PeriodStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Text(v.Sex.ToString()).Text(v.AgeBand).Text(unit)
                .Number(v.Value).Number(v.Count).Number(v.Denominator).Number(v.Lower95).Number(v.Upper95).Text(v.Note).Number(v.ImportId)
                .EndRow();
        }
        return csv;
    }
}
