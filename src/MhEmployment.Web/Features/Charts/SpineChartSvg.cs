using System.Text;
using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Statistics;

namespace MhEmployment.Web.Features.Charts;

/// <summary>
/// A small inline spine (methods.md): worst → 25th percentile and 75th → best as light bands, the middle half as
/// a darker band, the benchmark as a line in the middle, and the area as a marker shaped and coloured by its label.
/// </summary>
public static class SpineChartSvg
{
    public const double Width = 240;
    public const double Height = 24;
    private const double BandTop = 4;
    private const double BandHeight = 16;

    /// <summary>
    /// The spine of one row; <paramref name="suffix"/> is the unit after the area's and the benchmark's values in the
    /// description (" per 1,000", "%").
    /// </summary>
    public static string Render(string idPrefix, string title, SpineScale? scale, double? areaValue, string label, int decimals = 1, string suffix = "")
    {
        var drawable = scale is not null && areaValue is { } v && double.IsFinite(v);
        var description = drawable ? Describe(scale!, areaValue!.Value, label, decimals, suffix) : "Not enough data";
        var sb = new StringBuilder(900);
        Svg.Open(sb, idPrefix, "chart spine", Width, Height, title, description);
        AppendSpine(sb, scale, areaValue, label, decimals, suffix);
        Svg.Close(sb);
        return sb.ToString();
    }

    /// <summary>
    /// The spine's parts (no root element), at the origin: the track, and when <paramref name="scale"/> is given and
    /// the value finite, the bands, benchmark and the area's marker. A panel of spines places several with this.
    /// </summary>
    public static void AppendSpine(StringBuilder sb, SpineScale? scale, double? areaValue, string label, int decimals = 1, string suffix = "")
    {
        ArgumentNullException.ThrowIfNull(sb);
        var drawable = scale is not null && areaValue is { } v && double.IsFinite(v);
        // Track, bands (both outer bands in one path) and benchmark as short path data rather than rects and a line: a
        // dashboard draws one spine per indicator and is served from its cache many times, so every byte counts often.
        sb.Append("<path class=\"spine-track\" d=\"M0 ").Append(Svg.N(BandTop)).Append('h').Append(Svg.N(Width)).Append('v')
          .Append(Svg.N(BandHeight)).Append("H0z\"/>");
        if (drawable)
        {
            double X(double value) => scale!.Position(value) * Width;
            sb.Append("<path class=\"spine-outer\" d=\"");
            Band(sb, X(scale!.Worst), X(scale.WorstQuartile));
            Band(sb, X(scale.BestQuartile), X(scale.Best));
            sb.Append("\"/><path class=\"spine-inner\" d=\"");
            Band(sb, X(scale.WorstQuartile), X(scale.BestQuartile));
            sb.Append("\"/><path class=\"spine-benchmark\" d=\"M").Append(Svg.N(Width / 2)).Append(" 0V").Append(Svg.N(Height)).Append("\"/>");
            var css = SignificanceClasses.For(label);
            sb.Append("<path class=\"marker ").Append(css).Append("\" transform=\"")
              .Append(Markers.Translate(X(areaValue!.Value), Height / 2)).Append("\" d=\"").Append(Markers.ShapeFor(css)).Append("\">")
              .Title(AreaText(areaValue.Value, label, decimals, suffix)).Append("</path>");
        }
    }

    /// <summary>One band, from one value's position to another's, as a closed subpath of the band's path.</summary>
    private static void Band(StringBuilder sb, double from, double to)
    {
        var left = Svg.N(Math.Min(from, to));
        sb.Append('M').Append(left).Append(' ').Append(Svg.N(BandTop)).Append('h').Append(Svg.N(Math.Abs(to - from))).Append('v')
          .Append(Svg.N(BandHeight)).Append('H').Append(left).Append('z');
    }

    /// <summary>
    /// The spread in words, worst end first as drawn. Percentiles are named by value (where low is good the worst
    /// quartile boundary is the 75th percentile), and without polarity the ends are just lowest and highest.
    /// </summary>
    private static string Describe(SpineScale scale, double value, string label, int decimals, string suffix)
    {
        var (worst, worstQuartile, bestQuartile, best) = scale.Polarity switch
        {
            Polarity.HighIsGood => ("Worst (lowest)", "25th percentile", "75th percentile", "best (highest)"),
            Polarity.LowIsGood => ("Worst (highest)", "75th percentile", "25th percentile", "best (lowest)"),
            _ => ("Lowest", "25th percentile", "75th percentile", "highest"),
        };
        return $"{worst} {Svg.Value(scale.Worst, decimals)}, {worstQuartile} {Svg.Value(scale.WorstQuartile, decimals)}, " +
            $"{bestQuartile} {Svg.Value(scale.BestQuartile, decimals)}, {best} {Svg.Value(scale.Best, decimals)}, " +
            $"benchmark {Svg.Value(scale.Benchmark, decimals)}{suffix}. {AreaText(value, label, decimals, suffix)}.";
    }

    private static string AreaText(double value, string label, int decimals, string suffix) =>
        string.IsNullOrWhiteSpace(label)
            ? $"Area value {Svg.Value(value, decimals)}{suffix}"
            : $"Area value {Svg.Value(value, decimals)}{suffix}, {label}";

    /// <summary>
    /// The key to the spine's parts, as a legend list under <paramref name="idPrefix"/>: the bands, the benchmark line
    /// and the area's marker (whose shapes and colours the comparison key explains).
    /// </summary>
    public static string KeyHtml(string idPrefix)
    {
        Svg.GuardIdPrefix(idPrefix);
        const string open = "<li><svg class=\"legend-swatch\" viewBox=\"0 0 28 16\" width=\"28\" height=\"16\" aria-hidden=\"true\" focusable=\"false\">";
        var sb = new StringBuilder("<div class=\"key\"><p class=\"key-heading\" id=\"").Append(idPrefix)
            .Append("\">Spread (worst to best): the areas compared, with the benchmark in the middle</p><ul class=\"legend\" aria-labelledby=\"")
            .Append(idPrefix).Append("\">")
            .Append(open).Append("<path class=\"spine-outer\" d=\"M0 2h28v12H0z\"/></svg>")
            .Append("Light bands: from the worst area to the 25th percentile, and from the 75th percentile to the best (lowest to highest where neither is better)</li>")
            .Append(open).Append("<path class=\"spine-inner\" d=\"M0 2h28v12H0z\"/></svg>")
            .Append("Dark band: the middle half of the areas</li>")
            .Append(open).Append("<path class=\"spine-benchmark\" d=\"M14 0V16\"/></svg>")
            .Append("Line: the benchmark\u2019s value</li>")
            .Append("<li><svg class=\"legend-swatch\" viewBox=\"0 0 76 16\" width=\"76\" height=\"16\" aria-hidden=\"true\" focusable=\"false\">");
        var x = 8;
        foreach (var css in new[] { "sig-better", "sig-similar", "sig-worse", "sig-higher", "sig-lower" })
        {
            sb.Append("<path class=\"marker ").Append(css).Append("\" transform=\"").Append(Markers.Translate(x, 8)).Append("\" d=\"")
              .Append(Markers.ShapeFor(css)).Append("\"/>");
            x += 15;
        }
        return sb.Append("</svg>This area: a circle where better (or for a quintile, in its colour), a diamond where similar, a square where ")
            .Append("worse, a triangle where higher or lower; at the end when it lies beyond the areas compared</li></ul></div>").ToString();
    }
}
