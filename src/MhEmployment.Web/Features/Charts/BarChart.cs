using System.Text;

namespace MhEmployment.Web.Features.Charts;

/// <summary>One area's bar. <paramref name="Label"/> is the comparison or quintile label (see <see cref="SignificanceClasses"/>).</summary>
public sealed record Bar(
    string Code, string Name, double? Value, double? Lower95, double? Upper95, string Label, bool IsSelected, string? Href);

/// <summary>
/// A horizontal bar chart comparing areas, drawn in the order given (the caller sorts). <paramref name="Decimals"/>
/// is how values are printed.
/// </summary>
public sealed record BarChartSpec(
    string IdPrefix, string Title, string Description, string UnitLabel, IReadOnlyList<Bar> Bars,
    double? BenchmarkValue, string? BenchmarkName, int Decimals = 1);

/// <summary>Renders <see cref="BarChartSpec"/> as SVG markup; the height grows with the number of bars.</summary>
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
    private const int NameChars = 31;

    public static string Render(BarChartSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(spec.Bars);
        var scale = ScaleFor(spec);
        double X(double v) => PlotLeft + scale.Fraction(v) * (PlotRight - PlotLeft);
        var bottom = Top + spec.Bars.Count * RowHeight;

        var sb = new StringBuilder(512 + spec.Bars.Count * 320);
        Svg.Open(sb, spec.IdPrefix, "chart bar-chart", Width, bottom + AxisHeight, spec.Title, spec.Description,
            hasLinks: spec.Bars.Any(b => b.Href is not null));
        Axis(sb, scale, X, bottom, spec.UnitLabel);

        var zero = X(Math.Clamp(0, scale.Min, scale.Max));
        for (var i = 0; i < spec.Bars.Count; i++)
        {
            Row(sb, spec.Bars[i], Top + i * RowHeight, zero, X, spec.Decimals);
        }

        if (spec.BenchmarkValue is { } benchmark && double.IsFinite(benchmark))
        {
            var bx = X(benchmark);
            var name = string.IsNullOrWhiteSpace(spec.BenchmarkName) ? "Benchmark" : spec.BenchmarkName;
            var text = $"{name}: {Svg.Value(benchmark, spec.Decimals)}";
            sb.Append("<g class=\"benchmark\">").Title(text)
              .Line("benchmark-line", bx, Top - 8, bx, bottom)
              .Text("benchmark-label", Math.Clamp(bx, PlotLeft + 60, PlotRight - 60), Top - 12, text, "middle")
              .Append("</g>");
        }

        Svg.Close(sb);
        return sb.ToString();
    }

    /// <summary>The value axis: from zero (or the most negative value) to the largest value, interval or benchmark.</summary>
    internal static NiceScale ScaleFor(BarChartSpec spec)
    {
        var values = spec.Bars.SelectMany(b => new[] { b.Value, b.Lower95, b.Upper95 })
            .Append(spec.BenchmarkValue)
            .OfType<double>().Where(double.IsFinite).ToList();
        return NiceScale.Create(Math.Min(0, values.DefaultIfEmpty(0).Min()), Math.Max(0, values.DefaultIfEmpty(0).Max()));
    }

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

    private static void Row(StringBuilder sb, Bar bar, double rowTop, double zero, Func<double, double> x, int decimals)
    {
        var hasValue = bar.Value is { } v && double.IsFinite(v);
        var label = string.IsNullOrWhiteSpace(bar.Label) ? "" : $", {bar.Label}";
        var hover = hasValue
            ? $"{bar.Name}: {Svg.ValueWithInterval(bar.Value!.Value, bar.Lower95, bar.Upper95, decimals)}{label}"
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
            if (bar.Lower95 is { } lower && bar.Upper95 is { } upper && double.IsFinite(lower) && double.IsFinite(upper))
            {
                double cy = rowTop + RowHeight / 2, lx = x(lower), ux = x(upper);
                sb.Append("<path class=\"whisker\" d=\"M").Append(Svg.N(lx)).Append(' ').Append(Svg.N(cy - 4)).Append("v8M")
                  .Append(Svg.N(lx)).Append(' ').Append(Svg.N(cy)).Append('H').Append(Svg.N(ux)).Append('M')
                  .Append(Svg.N(ux)).Append(' ').Append(Svg.N(cy - 4)).Append("v8\"/>");
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
