using System.Globalization;
using MhEmployment.Web.Features.Charts;
using MhEmployment.Web.Features.Profiles;

namespace MhEmployment.Web.Features.Exports;

/// <summary>
/// The summary's figures, drawn by the dashboards' own chart code, each with alt text that gives its numbers in words
/// (a document's reader may not see the image, and the table beside it may be left out).
/// </summary>
public static class SummaryCharts
{
    public static SummaryChart Spines(AreaProfile profile, IReadOnlyList<ProfileRow> rows)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(rows);
        var title = $"{profile.Area.Name} against {profile.BenchmarkName}: spine chart of {rows.Count} indicators";
        var spec = new SpinePanelSpec("spines", title,
            $"Each line places {profile.Area.Name}'s value within the spread of {profile.GroupName.ToLowerInvariant()}, worst on the left and best on the right, with {profile.BenchmarkName} in the middle.",
            [
                .. rows.Select(r => new SpinePanelRow(r.Indicator.Name,
                    r.Value.HasValue ? ValueFormat.WithUnit(r.Value.Value, r.Indicator.Unit) : "Suppressed",
                    r.Comparison.Spine, r.Value.Value, r.Result.Label, ValueFormat.Decimals(r.Indicator.Unit), ValueFormat.Suffix(r.Indicator.Unit))),
            ]);
        var alt = $"{title}. " + string.Join(" ", rows.Select(r =>
            $"{r.Indicator.Name}: {(r.Value.HasValue ? ValueFormat.WithUnit(r.Value.Value, r.Indicator.Unit) : "suppressed")}, {r.Result.Label.ToLowerInvariant()}."));
        return new SummaryChart(title, alt, SpinePanelChart.Render(spec), SpinePanelChart.Width, SpinePanelChart.HeightFor(rows.Count));
    }

    public static SummaryChart Trend(TimeSeriesSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var svg = TimeSeriesChart.Render(spec);
        var parts = spec.Series.Select(s => Describe(s, spec)).Where(d => d is not null);
        var alt = $"Line chart: {spec.Title}. {string.Join(" ", parts)}";
        return new SummaryChart(spec.Title, alt, svg, TimeSeriesChart.Width, HeightOf(svg));
    }

    /// <summary>"Hackney: 28.0 in 2019 to 31.3 per 1,000 in 2023 (worse than the benchmark)."</summary>
    private static string? Describe(Series series, TimeSeriesSpec spec)
    {
        var points = series.Points.Select((p, i) => (Point: p, Period: spec.Periods[i])).Where(p => p.Point?.Value is not null).ToList();
        if (points.Count == 0)
        {
            return null;
        }
        string Value((SeriesPoint? Point, string Period) p) => Svg.Value(p.Point!.Value!.Value, spec.Decimals);
        var (first, last) = (points[0], points[^1]);
        var label = series.IsPrimary && !string.IsNullOrWhiteSpace(last.Point!.Label) ? $" ({last.Point.Label.ToLowerInvariant()} in {last.Period})" : "";
        return points.Count == 1
            ? $"{series.Name}: {Value(last)}{spec.ValueSuffix} in {last.Period}{label}."
            : $"{series.Name}: {Value(first)} in {first.Period} to {Value(last)}{spec.ValueSuffix} in {last.Period}{label}.";
    }

    /// <summary>The height the chart drew itself at (its viewBox), which depends on its legend.</summary>
    private static double HeightOf(string svg)
    {
        var start = svg.IndexOf("viewBox=\"", StringComparison.Ordinal) + 9;
        var box = svg[start..svg.IndexOf('"', start)].Split(' ');
        return double.Parse(box[3], CultureInfo.InvariantCulture);
    }
}
