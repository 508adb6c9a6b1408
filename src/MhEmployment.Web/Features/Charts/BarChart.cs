using System.Globalization;
using System.Text;
using MhEmployment.Web.Features.Statistics;

namespace MhEmployment.Web.Features.Charts;

/// <summary>One area's bar. <paramref name="Label"/> is the comparison or quintile label (see <see cref="SignificanceClasses"/>).</summary>
public sealed record Bar(
    string Code, string Name, double? Value, double? Lower95, double? Upper95, string Label, bool IsSelected, string? Href);

/// <summary>
/// A horizontal bar chart comparing areas, drawn in the order given (the caller sorts). <paramref name="Decimals"/>
/// is how values are printed; <paramref name="ValueSuffix"/> is the unit after a value read on its own (" per 1,000",
/// "%"), as in the hover text and the benchmark's label; the axis is named by <paramref name="UnitLabel"/>.
/// </summary>
public sealed record BarChartSpec(
    string IdPrefix, string Title, string Description, string UnitLabel, IReadOnlyList<Bar> Bars,
    double? BenchmarkValue, string? BenchmarkName, int Decimals = 1, string ValueSuffix = "");

/// <summary>
/// Renders <see cref="BarChartSpec"/> as SVG markup; the height grows with the number of bars. The axis covers every
/// value and the benchmark, and the confidence limits of the bulk of the areas: one very wide interval (a small area's)
/// would otherwise squash every other bar, so a whisker beyond the axis is cut there and ends in an arrow, and its
/// real limits are given in its hover text, in the chart's description and (by the page) in the table.
/// </summary>
public static class BarChart
{
    public const double Width = 640;
    public const double PlotLeft = 200;
    public const double PlotRight = 570;
    public const double Top = 30;
    public const double RowHeight = 16;
    private const double NameRight = 192;
    private const double ValueRight = 636;
    private const double BarHeight = 10;
    private const double AxisHeight = 44;
    private const double ClipNoteHeight = 20;
    private const int NameChars = 31;

    /// <summary>With fewer limits than this there is no bulk to judge an outlier by, and the axis takes them all.</summary>
    public const int MinimumLimitsForClipping = 5;

    /// <summary>
    /// How far beyond the quartiles of the limits the axis reaches, in interquartile ranges: Tukey's "far out" fence,
    /// so only a limit far outside the rest is cut.
    /// </summary>
    public const double FenceRanges = 3;

    /// <summary>
    /// A limit beyond the fence is still drawn whole when the axis then spans at most this many times what the bulk
    /// needs: cutting is for a whisker that would squash the chart, not for one that merely lengthens it.
    /// </summary>
    public const double MaxStretch = 1.5;

    public static string Render(BarChartSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(spec.Bars);
        var scale = ScaleFor(spec);
        double X(double v) => PlotLeft + scale.Fraction(v) * (PlotRight - PlotLeft);
        var bottom = Top + spec.Bars.Count * RowHeight;
        var clipped = Clipped(spec, scale);

        var sb = new StringBuilder(512 + spec.Bars.Count * 320);
        Svg.Open(sb, spec.IdPrefix, "chart bar-chart", Width, bottom + AxisHeight + (clipped.Count > 0 ? ClipNoteHeight : 0), spec.Title,
            spec.Description + ClipDescription(spec, scale, clipped), hasLinks: spec.Bars.Any(b => b.Href is not null));
        Axis(sb, scale, X, bottom, spec.UnitLabel);
        if (clipped.Count > 0)
        {
            var y = bottom + AxisHeight + 8;
            sb.Append("<g class=\"clip-note\" aria-hidden=\"true\">");
            Arrow(sb, PlotLeft, y, toRight: true);
            sb.Text("clip-note-text", PlotLeft + 10, y + 4, "Interval runs beyond the axis: its limits are in the table").Append("</g>");
        }

        var zero = X(Math.Clamp(0, scale.Min, scale.Max));
        for (var i = 0; i < spec.Bars.Count; i++)
        {
            Row(sb, spec, spec.Bars[i], Top + i * RowHeight, zero, X, scale);
        }

        if (spec.BenchmarkValue is { } benchmark && double.IsFinite(benchmark))
        {
            var bx = X(benchmark);
            var name = string.IsNullOrWhiteSpace(spec.BenchmarkName) ? "Benchmark" : spec.BenchmarkName;
            var text = $"{name}: {Svg.Value(benchmark, spec.Decimals)}{spec.ValueSuffix}";
            sb.Append("<g class=\"benchmark\">").Title(text)
              .Line("benchmark-line", bx, Top - 8, bx, bottom)
              .Text("benchmark-label", Math.Clamp(bx, PlotLeft + 60, PlotRight - 60), Top - 12, text, "middle")
              .Append("</g>");
        }

        Svg.Close(sb);
        return sb.ToString();
    }

    /// <summary>
    /// The value axis: zero, every value and the benchmark, and every confidence limit unless it is far out from the
    /// other limits on its side (see <see cref="FenceRanges"/>) and would stretch the axis beyond <see cref="MaxStretch"/>
    /// times the bulk's span; a value is never cut, only a whisker.
    /// </summary>
    internal static NiceScale ScaleFor(BarChartSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var core = spec.Bars.Select(b => b.Value).Append(spec.BenchmarkValue).OfType<double>().Where(double.IsFinite).ToList();
        var min = Math.Min(0, core.DefaultIfEmpty(0).Min());
        var max = Math.Max(0, core.DefaultIfEmpty(0).Max());
        var whiskers = spec.Bars.Where(HasWhisker).ToList();
        if (whiskers.Count > 0)
        {
            var lowers = whiskers.Select(b => b.Lower95!.Value).Order().ToList();
            var uppers = whiskers.Select(b => b.Upper95!.Value).Order().ToList();
            var bulkMin = Math.Min(min, BulkEnd(lowers, upper: false));
            var bulkMax = Math.Max(max, BulkEnd(uppers, upper: true));
            var allowed = MaxStretch * (bulkMax - bulkMin);
            min = bulkMax - Math.Min(min, lowers[0]) <= allowed ? Math.Min(min, lowers[0]) : bulkMin;
            max = Math.Max(max, uppers[^1]) - bulkMin <= allowed ? Math.Max(max, uppers[^1]) : bulkMax;
        }
        return NiceScale.Create(min, max);
    }

    /// <summary>The furthest limit inside the fence on one side: the highest upper limit or the lowest lower limit that is not far out.</summary>
    internal static double BulkEnd(IReadOnlyList<double> sorted, bool upper)
    {
        if (sorted.Count < MinimumLimitsForClipping)
        {
            return upper ? sorted[^1] : sorted[0];
        }
        var q1 = Percentiles.InclusiveOfSorted(sorted, 0.25);
        var q3 = Percentiles.InclusiveOfSorted(sorted, 0.75);
        var reach = FenceRanges * (q3 - q1);
        return upper ? sorted.Where(l => l <= q3 + reach).Max() : sorted.Where(l => l >= q1 - reach).Min();
    }

    /// <summary>The bars whose interval the axis cuts, in the chart's order: the page marks them in its table.</summary>
    public static IReadOnlyList<Bar> Clipped(BarChartSpec spec) => Clipped(spec, ScaleFor(spec));

    private static List<Bar> Clipped(BarChartSpec spec, NiceScale scale) =>
        [.. spec.Bars.Where(b => HasWhisker(b) && (CutAbove(b, scale) || CutBelow(b, scale)))];

    private static bool HasWhisker(Bar bar) =>
        bar.Value is { } v && double.IsFinite(v)
        && bar.Lower95 is { } l && double.IsFinite(l) && bar.Upper95 is { } u && double.IsFinite(u);

    private static bool CutAbove(Bar bar, NiceScale scale) => bar.Upper95!.Value > scale.Max;

    private static bool CutBelow(Bar bar, NiceScale scale) => bar.Lower95!.Value < scale.Min;

    /// <summary>A sentence for the chart's description naming the cut intervals with their real limits (the first five).</summary>
    private static string ClipDescription(BarChartSpec spec, NiceScale scale, List<Bar> clipped)
    {
        if (clipped.Count == 0)
        {
            return "";
        }
        const int named = 5;
        var list = string.Join("; ", clipped.Take(named).Select(b =>
            $"{b.Name}, {Svg.Value(b.Lower95!.Value, spec.Decimals)} to {Svg.Value(b.Upper95!.Value, spec.Decimals)}{spec.ValueSuffix}"));
        var more = clipped.Count > named ? string.Create(CultureInfo.InvariantCulture, $"; and {clipped.Count - named} more") : "";
        var areas = clipped.Count == 1 ? "one area's interval runs" : string.Create(CultureInfo.InvariantCulture, $"{clipped.Count} areas' intervals run");
        return $" The axis runs from {Svg.Value(scale.Min, scale.Decimals)} to {Svg.Value(scale.Max, scale.Decimals)}; {areas} beyond it, "
            + $"marked with an arrow at the edge ({list}{more}).";
    }

    private static void Arrow(StringBuilder sb, double x, double cy, bool toRight) =>
        sb.Append("<path class=\"whisker-clip\" d=\"M").Append(Svg.N(x)).Append(' ').Append(Svg.N(cy - 4))
          .Append(toRight ? "l6 4-6 4z\"/>" : "l-6 4 6 4z\"/>");

    private static void Axis(StringBuilder sb, NiceScale scale, Func<double, double> x, double bottom, string unitLabel)
    {
        sb.Append("<g class=\"axis\" aria-hidden=\"true\">");
        foreach (var tick in scale.Ticks)
        {
            sb.Line(tick == 0 ? "axis-zero" : "grid", x(tick), Top - 4, x(tick), bottom)
              .Text("tick-label", x(tick), bottom + 14, Svg.Value(tick, scale.Decimals), "middle");
        }
        sb.Text("unit-label", (PlotLeft + PlotRight) / 2, bottom + 34, unitLabel, "middle").Append("</g>");
    }

    private static void Row(StringBuilder sb, BarChartSpec spec, Bar bar, double rowTop, double zero, Func<double, double> x, NiceScale scale)
    {
        var decimals = spec.Decimals;
        var hasValue = bar.Value is { } v && double.IsFinite(v);
        var label = string.IsNullOrWhiteSpace(bar.Label) ? "" : $", {bar.Label}";
        var whisker = HasWhisker(bar);
        var above = whisker && CutAbove(bar, scale);
        var below = whisker && CutBelow(bar, scale);
        var hover = hasValue
            ? $"{bar.Name}: {Svg.ValueWithInterval(bar.Value!.Value, bar.Lower95, bar.Upper95, decimals, spec.ValueSuffix)}{label}"
                + (above || below ? "; the interval runs beyond the axis" : "")
            : $"{bar.Name}: no value";

        if (bar.Href is not null)
        {
            sb.Append("<a href=\"").Append(Svg.SafeHref(bar.Href)).Append("\">");
        }
        sb.Append("<g class=\"bar-row").Append(bar.IsSelected ? " selected" : "").Append("\" data-code=\"")
          .Append(Svg.Escape(bar.Code)).Append("\">").Title(hover)
          .Text("bar-name", NameRight, rowTop + 12, Svg.Truncate(bar.Name, NameChars), "end");

        if (hasValue)
        {
            var vx = x(bar.Value!.Value);
            sb.Append("<rect class=\"bar ").Append(SignificanceClasses.For(bar.Label)).Append("\" x=\"").Append(Svg.N(Math.Min(zero, vx)))
              .Append("\" y=\"").Append(Svg.N(rowTop + (RowHeight - BarHeight) / 2)).Append("\" width=\"").Append(Svg.N(Math.Abs(vx - zero)))
              .Append("\" height=\"").Append(Svg.N(BarHeight)).Append("\"/>");
            if (whisker)
            {
                // A cut end has no cap: the line stops at the axis's edge and an arrow says it goes on.
                double cy = rowTop + RowHeight / 2, lx = x(Math.Max(bar.Lower95!.Value, scale.Min)), ux = x(Math.Min(bar.Upper95!.Value, scale.Max));
                sb.Append("<path class=\"whisker\" d=\"");
                if (!below)
                {
                    sb.Append('M').Append(Svg.N(lx)).Append(' ').Append(Svg.N(cy - 4)).Append("v8");
                }
                sb.Append('M').Append(Svg.N(lx)).Append(' ').Append(Svg.N(cy)).Append('H').Append(Svg.N(ux));
                if (!above)
                {
                    sb.Append('M').Append(Svg.N(ux)).Append(' ').Append(Svg.N(cy - 4)).Append("v8");
                }
                sb.Append("\"/>");
                if (above)
                {
                    Arrow(sb, ux, cy, toRight: true);
                }
                if (below)
                {
                    Arrow(sb, lx, cy, toRight: false);
                }
            }
            sb.Text("bar-value", ValueRight, rowTop + 12, Svg.Value(bar.Value!.Value, decimals), "end");
        }
        else
        {
            sb.Text("no-value", zero + 4, rowTop + 12, "no value");
        }

        sb.Append("</g>");
        if (bar.Href is not null)
        {
            sb.Append("</a>");
        }
    }
}
