using System.Globalization;
using System.Runtime.CompilerServices;
using MhEmployment.Web.Infrastructure;

namespace MhEmployment.Web.Features.Exports;

/// <summary>
/// A needs summary's values as tidy CSV: one row per area, indicator, period, sex and age band, with every column of
/// the stored value and the indicator's unit and source. Values are unrounded, as <see cref="Profiles.DashboardCsv"/> writes them.
/// </summary>
public static class SummaryCsv
{
    // The CSV holds the areas' values only, never who produced it or when. Each download is the kept summary stamped
    // anew (BuiltSummaries), and the copies share its list of areas, so they share one encoding too: made at the first
    // download and gone with the summary. After a large import a borough's CSV is about a megabyte and encoding it cost
    // 4 to 6 ms of processor a download, a third of the processor of an instance serving the load benchmark's mix.
    private static readonly ConditionalWeakTable<IReadOnlyList<AreaSummary>, byte[]> Encoded = new();

    /// <summary>The CSV file's bytes (UTF-8 with a byte order mark), encoded once per built summary.</summary>
    public static byte[] Utf8(NeedsSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return Encoded.GetValue(summary.Areas, _ => Table(summary).ToUtf8());
    }

    public static CsvTable Table(NeedsSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var csv = new CsvTable(
            "area_code", "area_name", "indicator_key", "indicator", "sex", "age", "period", "period_start", "period_end", "unit",
            "value", "lower_95", "upper_95", "interval_source", "count", "denominator", "note", "source");
        foreach (var v in summary.Areas.SelectMany(a => a.Values))
        {
            csv.Text(v.AreaCode).Text(v.AreaName).Text(v.IndicatorKey).Text(v.Indicator).Text(v.Sex).Text(v.Age)
                .Text(v.Period).Text(Date(v.PeriodStart)).Text(Date(v.PeriodEnd)).Text(v.Unit)
                .Number(v.Value).Number(v.Lower95).Number(v.Upper95).Text(v.IntervalSource)
                .Number(v.Count).Number(v.Denominator).Text(v.Note).Text(v.Source)
                .EndRow();
        }
        return csv;
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
