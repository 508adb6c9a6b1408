using System.Text;

namespace MhEmployment.Web.Features.Charts;

/// <summary>What a legend draws beside each label's badge, to match the chart it explains.</summary>
public enum LegendStyle
{
    /// <summary>The badge alone, as a table cell or heat-map cell shows it.</summary>
    Badge,

    /// <summary>The marker shapes of spine and time-series charts.</summary>
    Marker,

    /// <summary>Bar swatches, with the outline patterns the bar chart uses.</summary>
    Bar,
}

/// <summary>One label of a legend and what it means ("Better": "significantly better than the benchmark").</summary>
public sealed record LegendEntry(string Label, string Meaning);

/// <summary>Labels that share a basis (intervals, quintiles …) under one heading, with an optional closing note.</summary>
public sealed record LegendGroup(string Heading, IReadOnlyList<LegendEntry> Entries, string? Note = null);

/// <summary>An HTML legend: each label as its badge (and the chart's swatch) followed by its meaning in words.</summary>
public static class Legend
{
    /// <summary>
    /// A <c>&lt;div class="key"&gt;</c> with one list per group, named by its heading. Swatches are decorative
    /// (aria-hidden); the badge shows the same colour as the page's cells and carries the words.
    /// </summary>
    public static string Html(string idPrefix, IReadOnlyList<LegendGroup> groups, LegendStyle style = LegendStyle.Badge)
    {
        Svg.GuardIdPrefix(idPrefix);
        ArgumentNullException.ThrowIfNull(groups);
        var sb = new StringBuilder("<div class=\"key\">");
        for (var g = 0; g < groups.Count; g++)
        {
            var group = groups[g];
            var headingId = $"{idPrefix}-{g + 1}";
            sb.Append("<p class=\"key-heading\" id=\"").Append(headingId).Append("\">").Append(Svg.Escape(group.Heading))
              .Append("</p><ul class=\"legend\" aria-labelledby=\"").Append(headingId).Append("\">");
            foreach (var entry in group.Entries)
            {
                var css = SignificanceClasses.For(entry.Label);
                sb.Append("<li>");
                Swatch(sb, css, style);
                sb.Append("<span class=\"sig ").Append(css).Append("\">").Append(Svg.Escape(entry.Label)).Append("</span>");
                if (!string.IsNullOrWhiteSpace(entry.Meaning))
                {
                    sb.Append(' ').Append(Svg.Escape(entry.Meaning));
                }
                sb.Append("</li>");
            }
            sb.Append("</ul>");
            if (!string.IsNullOrWhiteSpace(group.Note))
            {
                sb.Append("<p class=\"key-note\">").Append(Svg.Escape(group.Note)).Append("</p>");
            }
        }
        return sb.Append("</div>").ToString();
    }

    private static void Swatch(StringBuilder sb, string css, LegendStyle style)
    {
        if (style == LegendStyle.Badge)
        {
            return;
        }
        sb.Append("<svg class=\"legend-swatch\" viewBox=\"-7 -7 14 14\" width=\"14\" height=\"14\" aria-hidden=\"true\" focusable=\"false\">");
        if (style == LegendStyle.Bar)
        {
            sb.Append("<rect class=\"bar ").Append(css).Append("\" x=\"-6\" y=\"-4\" width=\"12\" height=\"8\"/>");
        }
        else
        {
            sb.Append("<path class=\"marker ").Append(css).Append("\" d=\"").Append(Markers.ShapeFor(css)).Append("\"/>");
        }
        sb.Append("</svg>");
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
