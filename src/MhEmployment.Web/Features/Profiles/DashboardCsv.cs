using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Indicators;
using MhEmployment.Web.Infrastructure;

namespace MhEmployment.Web.Features.Profiles;

/// <summary>
/// The dashboards' tables as CSV, built from the same page models as the HTML (so the same benchmark, group, period
/// and breakdown), one row per row of the page. Values are written unrounded, with the unit in its own column.
/// </summary>
public static class DashboardCsv
{
    /// <summary>An area's dashboard: one row per indicator, with everything its row shows (and the spine's figures).</summary>
    public static CsvTable Profile(AreaProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var csv = new CsvTable(
            "area_code", "area_name", "theme", "indicator_key", "indicator", "sex", "age", "period", "period_start", "period_end",
            "unit", "value", "lower_95", "upper_95", "lower_99_8", "upper_99_8", "interval_source", "count", "denominator", "note",
            "benchmark_code", "benchmark", "benchmark_value", "compared_with_benchmark", "compared_at_99_8", "comparison_basis",
            "recent_trend", "trend_reason", "rank", "rank_out_of", "ranked_among",
            "spread_worst", "spread_worst_quartile", "spread_best_quartile", "spread_best");
        foreach (var row in profile.ByTheme.SelectMany(t => t))
        {
            var v = row.Value;
            var spine = row.Comparison.Spine;
            csv.Text(profile.Area.Code).Text(profile.Area.Name).Text(IndicatorText.Theme(row.Indicator.Theme))
                .Text(row.Indicator.Key).Text(row.Indicator.Name).Text(row.Slice.Sex.ToString()).Text(row.Slice.AgeBand)
                .Text(row.Period.Label).Text(Date(row.Period.Period.Start)).Text(Date(row.Period.Period.End))
                .Text(ValueFormat.UnitName(row.Indicator.Unit)).Number(v.Value);
            Limits(csv, v, both: true);
            csv.Number(v.Count).Number(v.Denominator).Text(v.Note)
                .Text(profile.Benchmark.QueryValue).Text(profile.BenchmarkName).Number(BenchmarkValue(row.Comparison))
                .Text(row.Result.Label).Text(row.Result.Label998).Text(Basis(row.Comparison.Basis))
                .Text(row.Trend.Label).Text(row.Trend.Reason)
                .Number(row.Rank?.Position).Number(row.Rank?.OutOf).Text(profile.GroupName)
                .Number(spine?.Worst).Number(spine?.WorstQuartile).Number(spine?.BestQuartile).Number(spine?.Best)
                .EndRow();
        }
        return csv;
    }

    /// <summary>An indicator's compare-areas table: the benchmark first, then the areas in the page's order.</summary>
    public static CsvTable Compare(IndicatorView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var c = view.Comparison;
        var indicator = view.Indicator.Indicator;
        var csv = new CsvTable(
            "area_code", "area_name", "area_status", "indicator_key", "indicator", "sex", "age", "period", "unit",
            "count", "denominator", "value", "lower_95", "upper_95", "interval_source", "note",
            "compared_with_benchmark", "compared_at_99_8", "comparison_basis", "benchmark_code", "benchmark", "benchmark_value", "areas_compared");
        void Row(string code, string name, string status, ResolvedValue value, string label, string? label998)
        {
            csv.Text(code).Text(name).Text(status).Text(indicator.Key).Text(indicator.Name).Text(c.Slice.Sex.ToString()).Text(c.Slice.AgeBand)
                .Text(c.Period.Label).Text(ValueFormat.UnitName(indicator.Unit))
                .Number(value.Count).Number(value.Denominator).Number(value.Value);
            Limits(csv, value, both: false);
            csv.Text(value.Note).Text(label).Text(label998).Text(Basis(c.Basis))
                .Text(c.Benchmark.QueryValue).Text(c.BenchmarkName).Number(BenchmarkValue(c)).Text(ComparisonGroups.Name(c.Group))
                .EndRow();
        }
        if (c.BenchmarkValue is { HasValue: true } benchmark)
        {
            Row(c.Benchmark.QueryValue, $"{c.BenchmarkName} (benchmark)", "", benchmark, "", null);
        }
        foreach (var r in view.Sorted)
        {
            Row(r.Area.Code, r.Area.Name, Status(r.Area), r.Value, r.Label, r.Label998);
        }
        return csv;
    }

    /// <summary>A region's heat map, one row per cell that has a value (area by area, indicators in the page's order).</summary>
    public static CsvTable Overview(Overview overview)
    {
        ArgumentNullException.ThrowIfNull(overview);
        var csv = new CsvTable(
            "region_code", "region", "area_code", "area_name", "area_status", "indicator_key", "indicator", "sex", "age", "period", "unit",
            "value", "lower_95", "upper_95", "interval_source", "count", "denominator", "note",
            "compared_with_benchmark", "comparison_basis", "benchmark_code", "benchmark", "benchmark_value");
        foreach (var area in overview.Areas)
        {
            foreach (var column in overview.Columns)
            {
                if (overview.Cell(column, area) is not { } cell)
                {
                    continue;
                }
                var c = column.Comparison;
                var indicator = column.Indicator.Indicator;
                csv.Text(overview.Region.Code).Text(overview.Region.Name).Text(area.Code).Text(area.Name).Text(Status(area))
                    .Text(indicator.Key).Text(indicator.Name).Text(c.Slice.Sex.ToString()).Text(c.Slice.AgeBand).Text(c.Period.Label)
                    .Text(ValueFormat.UnitName(indicator.Unit)).Number(cell.Value.Value);
                Limits(csv, cell.Value, both: false);
                csv.Number(cell.Value.Count).Number(cell.Value.Denominator).Text(cell.Value.Note)
                    .Text(cell.Label).Text(Basis(c.Basis)).Text(overview.Benchmark.QueryValue).Text(overview.BenchmarkName)
                    .Number(BenchmarkValue(c))
                    .EndRow();
            }
        }
        return csv;
    }

    /// <summary>The 95% limits (and 99.8% ones when <paramref name="both"/>), then where they came from.</summary>
    private static void Limits(CsvTable csv, ResolvedValue value, bool both)
    {
        var i = value.Interval;
        csv.Number(ResolvedValue.Finite(i?.Lower95)).Number(ResolvedValue.Finite(i?.Upper95));
        if (both)
        {
            csv.Number(ResolvedValue.Finite(i?.Lower998)).Number(ResolvedValue.Finite(i?.Upper998));
        }
        csv.Text(value.IntervalSource switch
        {
            IntervalSource.Supplied => "supplied",
            IntervalSource.Computed => "computed",
            _ => "",
        });
    }

    private static double? BenchmarkValue(PeriodComparison comparison) =>
        comparison.BenchmarkValue is { HasValue: true } b ? b.Value : null;

    private static string Basis(ComparisonBasis basis) => basis switch
    {
        ComparisonBasis.Intervals => "confidence intervals",
        ComparisonBasis.Quintiles => "quintiles",
        _ => "not compared",
    };

    private static string Status(SnapshotArea area) => area.IsHistorical ? "abolished" : "current";

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
