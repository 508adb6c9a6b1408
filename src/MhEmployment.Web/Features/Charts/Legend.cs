using System.Text;

namespace MhEmployment.Web.Features.Charts;

/// <summary>How a legend draws its swatches, to match the chart beside it.</summary>
public enum LegendStyle
{
    /// <summary>The marker shapes of spine and time-series charts.</summary>
    Marker,

    /// <summary>Bar swatches, with the outline patterns the bar chart uses.</summary>
    Bar,

    /// <summary>Plain filled squares, as on a map.</summary>
    Area,
}

/// <summary>An HTML legend: each label as a swatch (shape and colour) plus its words.</summary>
public static class Legend
{
    /// <summary>
    /// A <c>&lt;ul class="legend"&gt;</c> of the distinct labels in a stable order (best → worst, then neutral,
    /// quintiles and not compared; unknown labels last as given). The swatches are decorative (aria-hidden): the
    /// words carry the meaning.
    /// </summary>
    public static string Html(IEnumerable<string> labels, LegendStyle style = LegendStyle.Marker)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var sb = new StringBuilder("<ul class=\"legend\">");
        foreach (var label in Ordered(labels))
        {
            var css = SignificanceClasses.For(label);
            sb.Append("<li><svg class=\"legend-swatch\" viewBox=\"-7 -7 14 14\" width=\"14\" height=\"14\" aria-hidden=\"true\" focusable=\"false\">");
            switch (style)
            {
                case LegendStyle.Bar:
                    sb.Append("<rect class=\"bar ").Append(css).Append("\" x=\"-6\" y=\"-4\" width=\"12\" height=\"8\"/>");
                    break;
                case LegendStyle.Area:
                    sb.Append("<rect class=\"area ").Append(css).Append("\" x=\"-6\" y=\"-6\" width=\"12\" height=\"12\"/>");
                    break;
                default:
                    sb.Append("<path class=\"marker ").Append(css).Append("\" d=\"").Append(Markers.ShapeFor(css)).Append("\"/>");
                    break;
            }
            sb.Append("</svg>").Append(Svg.Escape(label)).Append("</li>");
        }
        return sb.Append("</ul>").ToString();
    }

    /// <summary>Distinct, non-empty labels in legend order.</summary>
    internal static IReadOnlyList<string> Ordered(IEnumerable<string> labels)
    {
        var distinct = labels.Where(l => !string.IsNullOrWhiteSpace(l)).Select(l => l.Trim())
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return
        [
            .. SignificanceClasses.LegendOrder.Where(known => distinct.Contains(known, StringComparer.OrdinalIgnoreCase)),
            .. distinct.Where(l => !SignificanceClasses.LegendOrder.Contains(l, StringComparer.OrdinalIgnoreCase)),
        ];
    }
}
