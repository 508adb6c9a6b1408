using System.Text;

namespace MhEmployment.Web.Features.Charts;

/// <summary>One period's value; <paramref name="Label"/> is the comparison label (primary series) or empty.</summary>
public sealed record SeriesPoint(double? Value, double? Lower95, double? Upper95, string Label);

/// <summary>A line of the chart; <paramref name="Points"/> align with the periods and null marks a missing period.</summary>
public sealed record Series(string Name, bool IsPrimary, IReadOnlyList<SeriesPoint?> Points);

/// <summary>
/// Periods along the x axis (labels as given, oldest first), one primary series and up to three comparators.
/// <paramref name="ValueSuffix"/> is the unit after a value in the hover text (" per 1,000", "%").
/// </summary>
public sealed record TimeSeriesSpec(
    string IdPrefix, string Title, string Description, string UnitLabel, IReadOnlyList<string> Periods,
    IReadOnlyList<Series> Series, int Decimals = 1, string ValueSuffix = "");

/// <summary>
/// Renders a trend: the primary series as markers shaped and coloured by significance with 95% whiskers, joined by
/// a thin line; comparators as dashed lines with their own markers. Missing values break the lines.
/// </summary>
public static class TimeSeriesChart
{
    public const double Width = 640;
    public const double PlotLeft = 56;
    public const double PlotRight = 624;
    public const double PlotHeight = 220;
    public const int MaxComparators = 3;
    public const int MaxPeriodLabels = 10;
    private const double LegendRow = 18;

    public static string Render(TimeSeriesSpec spec)
    {
        Validate(spec);
        var n = spec.Periods.Count;
        var primary = spec.Series.FirstOrDefault(s => s.IsPrimary);
        var comparators = spec.Series.Where(s => !s.IsPrimary).ToList();

        var legend = new StringBuilder();
        var legendHeight = Legend(legend, primary, comparators);
        var plotTop = legendHeight + 28;
        var plotBottom = plotTop + PlotHeight;
        var scale = ScaleFor(spec);
        var step = (PlotRight - PlotLeft) / Math.Max(n, 1);
        double X(int i) => PlotLeft + step * (i + 0.5);
        double Y(double v) => plotBottom - scale.Fraction(v) * PlotHeight;

        var sb = new StringBuilder(2048 + n * spec.Series.Count * 200);
        Svg.Open(sb, spec.IdPrefix, "chart time-series", Width, plotBottom + 30, spec.Title, spec.Description);
        sb.Append(legend);
        sb.Append("<g class=\"axis\" aria-hidden=\"true\">");
        foreach (var tick in scale.Ticks)
        {
            sb.Line(tick == 0 ? "axis-zero" : "grid", PlotLeft, Y(tick), PlotRight, Y(tick))
              .Text("tick-label", PlotLeft - 6, Y(tick) + 4, Svg.Value(tick, scale.Decimals), "end");
        }
        sb.Line("axis-line", PlotLeft, plotBottom, PlotRight, plotBottom);
        var every = LabelEvery(n);
        for (var i = 0; i < n; i++)
        {
            sb.Line("tick", X(i), plotBottom, X(i), plotBottom + 4);
            if (ShowsLabel(i, n, every))
            {
                sb.Text("tick-label period-label", X(i), plotBottom + 18, spec.Periods[i], "middle");
            }
        }
        sb.Text("unit-label", 4, plotTop - 12, spec.UnitLabel).Append("</g>");

        for (var c = 0; c < comparators.Count; c++)
        {
            var css = $"comp-{c + 1}";
            sb.Append("<g class=\"series ").Append(css).Append("\">");
            SeriesLine(sb, comparators[c], $"series-line {css}", X, Y);
            for (var i = 0; i < n; i++)
            {
                if (comparators[c].Points[i] is { Value: { } v } point && double.IsFinite(v))
                {
                    sb.Append("<path class=\"marker ").Append(css).Append("\" transform=\"").Append(Markers.Translate(X(i), Y(v)))
                      .Append("\" d=\"").Append(Markers.ComparatorShape(c)).Append("\">")
                      .Title(PointText(comparators[c].Name, spec.Periods[i], point, spec)).Append("</path>");
                }
            }
            sb.Append("</g>");
        }

        if (primary is not null)
        {
            sb.Append("<g class=\"series primary\">");
            SeriesLine(sb, primary, "series-line primary", X, Y);
            for (var i = 0; i < n; i++)
            {
                if (primary.Points[i] is not { Value: { } v } point || !double.IsFinite(v))
                {
                    continue;
                }
                if (point.Lower95 is { } lower && point.Upper95 is { } upper && double.IsFinite(lower) && double.IsFinite(upper))
                {
                    double x = X(i), ly = Y(lower), uy = Y(upper);
                    sb.Append("<path class=\"whisker\" d=\"M").Append(Svg.N(x - 4)).Append(' ').Append(Svg.N(ly)).Append("h8M")
                      .Append(Svg.N(x)).Append(' ').Append(Svg.N(ly)).Append('V').Append(Svg.N(uy)).Append('M')
                      .Append(Svg.N(x - 4)).Append(' ').Append(Svg.N(uy)).Append("h8\"/>");
                }
                var css = SignificanceClasses.For(point.Label);
                sb.Append("<path class=\"marker ").Append(css).Append("\" transform=\"").Append(Markers.Translate(X(i), Y(v)))
                  .Append("\" d=\"").Append(Markers.ShapeFor(css)).Append("\">")
                  .Title(PointText(primary.Name, spec.Periods[i], point, spec)).Append("</path>");
            }
            sb.Append("</g>");
        }

        Svg.Close(sb);
        return sb.ToString();
    }

    /// <summary>Label every k-th period, counting back from the latest so the newest period is always named.</summary>
    internal static int LabelEvery(int periods) => Math.Max(1, (int)Math.Ceiling(periods / (double)MaxPeriodLabels));

    internal static bool ShowsLabel(int index, int periods, int every) => (periods - 1 - index) % every == 0;

    private static void Validate(TimeSeriesSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(spec.Periods);
        ArgumentNullException.ThrowIfNull(spec.Series);
        if (spec.Series.Count(s => s.IsPrimary) > 1)
        {
            throw new ArgumentException("A time series chart has at most one primary series.", nameof(spec));
        }
        if (spec.Series.Count(s => !s.IsPrimary) > MaxComparators)
        {
            throw new ArgumentException($"A time series chart has at most {MaxComparators} comparator series.", nameof(spec));
        }
        var misaligned = spec.Series.FirstOrDefault(s => s.Points.Count != spec.Periods.Count);
        if (misaligned is not null)
        {
            throw new ArgumentException(
                $"Series '{misaligned.Name}' has {misaligned.Points.Count} points for {spec.Periods.Count} periods.", nameof(spec));
        }
    }

    private static NiceScale ScaleFor(TimeSeriesSpec spec)
    {
        var values = spec.Series.SelectMany(s => s.Points).OfType<SeriesPoint>()
            .SelectMany(p => new[] { p.Value, p.Lower95, p.Upper95 })
            .OfType<double>().Where(double.IsFinite).ToList();
        return NiceScale.Create(Math.Min(0, values.DefaultIfEmpty(0).Min()), Math.Max(0, values.DefaultIfEmpty(0).Max()));
    }

    private static string PointText(string series, string period, SeriesPoint point, TimeSeriesSpec spec)
    {
        var label = string.IsNullOrWhiteSpace(point.Label) ? "" : $", {point.Label}";
        return $"{series}, {period}: {Svg.ValueWithInterval(point.Value!.Value, point.Lower95, point.Upper95, spec.Decimals, spec.ValueSuffix)}{label}";
    }

    /// <summary>One path; a missing value ends a run and the next value starts a new one ("M"), so gaps show.</summary>
    private static void SeriesLine(StringBuilder sb, Series series, string css, Func<int, double> x, Func<double, double> y)
    {
        var d = new StringBuilder();
        var runLength = 0;
        for (var i = 0; i < series.Points.Count; i++)
        {
            if (series.Points[i] is { Value: { } v } && double.IsFinite(v))
            {
                d.Append(runLength == 0 ? "M" : "L").Append(Svg.N(x(i))).Append(' ').Append(Svg.N(y(v)));
                runLength++;
            }
            else
            {
                runLength = 0;
            }
        }
        if (d.Length > 0)
        {
            sb.Append("<path class=\"").Append(css).Append("\" d=\"").Append(d).Append("\"/>");
        }
    }

    /// <summary>
    /// An in-chart key: each series (line sample and marker) then the significance shapes the primary series uses.
    /// Entries flow left to right and wrap; returns the height used.
    /// </summary>
    private static double Legend(StringBuilder sb, Series? primary, List<Series> comparators)
    {
        var entries = new List<(string Swatch, string Text)>();
        if (primary is not null)
        {
            entries.Add((SwatchLine("series-line primary") + SwatchMarker("marker key-primary", Markers.ShapeFor("")), primary.Name));
        }
        for (var c = 0; c < comparators.Count; c++)
        {
            entries.Add((SwatchLine($"series-line comp-{c + 1}") + SwatchMarker($"marker comp-{c + 1}", Markers.ComparatorShape(c)), comparators[c].Name));
        }
        var labels = primary?.Points.OfType<SeriesPoint>().Where(p => p.Value is not null).Select(p => p.Label) ?? [];
        foreach (var label in Charts.Legend.Ordered(labels))
        {
            var css = SignificanceClasses.For(label);
            entries.Add((SwatchMarker($"marker {css}", Markers.ShapeFor(css)), label));
        }

        sb.Append("<g class=\"chart-legend\">");
        double x = 4, row = 0;
        foreach (var (swatch, text) in entries)
        {
            var width = 34 + text.Length * 6.5 + 16;
            if (x > 4 && x + width > Width)
            {
                x = 4;
                row++;
            }
            var y = 10 + row * LegendRow;
            sb.Append("<g transform=\"").Append(Markers.Translate(x, y)).Append("\">").Append(swatch)
              .Text("legend-label", 34, 4, text).Append("</g>");
            x += width;
        }
        sb.Append("</g>");
        return entries.Count == 0 ? 0 : (row + 1) * LegendRow;
    }

    private static string SwatchLine(string css) => $"<path class=\"{css}\" d=\"M0 0h28\"/>";

    private static string SwatchMarker(string css, string shape) =>
        $"<path class=\"{css}\" transform=\"translate(14 0)\" d=\"{shape}\"/>";
}
