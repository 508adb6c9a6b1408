using System.Text;
using MhEmployment.Web.Features.Charts;

namespace MhEmployment.Web.Features.Maps;

/// <summary>
/// How one area is shaded: <paramref name="Label"/> picks the colour (see <see cref="SignificanceClasses"/>),
/// <paramref name="Tooltip"/> is the hover text (e.g. "Hackney: 42.1 (95% CI 40.2–44.0), Worse").
/// </summary>
public sealed record MapFill(string Label, string Tooltip, string? Href);

/// <summary>
/// A choropleth: fills keyed by area code; areas without a fill are drawn as "no data". <paramref name="Year"/>
/// picks the England geography (default: current); London's has not changed.
/// </summary>
public sealed record MapSpec(
    string IdPrefix, MapKind Kind, string Title, string Description, IReadOnlyDictionary<string, MapFill> Fills,
    string? SelectedCode, int? Year = null);

/// <summary>Renders a <see cref="MapSpec"/> as SVG: one path per area, links where given, the selected area on top.</summary>
public static class ChoroplethMap
{
    public static string Render(MapSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(spec.Fills);
        var layer = Boundaries.Layer(spec.Kind, spec.Year);
        var sb = new StringBuilder(layer.Areas.Sum(a => a.Path.Length + 120) + 512);
        Svg.Open(sb, spec.IdPrefix, "chart map", layer.Width, layer.Height, spec.Title, spec.Description,
            hasLinks: spec.Fills.Values.Any(f => f.Href is not null));
        sb.Append("<g class=\"map-areas\">");

        // Drawn last so its thick outline is not covered by its neighbours' strokes.
        var selected = layer.Areas.FirstOrDefault(a => string.Equals(a.Code, spec.SelectedCode?.Trim(), StringComparison.OrdinalIgnoreCase));
        foreach (var area in layer.Areas.Where(a => a != selected))
        {
            Area(sb, area, spec.Fills, isSelected: false);
        }
        if (selected is not null)
        {
            Area(sb, selected, spec.Fills, isSelected: true);
        }

        sb.Append("</g>");
        Svg.Close(sb);
        return sb.ToString();
    }

    private static void Area(StringBuilder sb, MapArea area, IReadOnlyDictionary<string, MapFill> fills, bool isSelected)
    {
        var fill = fills.GetValueOrDefault(area.Code);
        var css = fill is null ? "map-nodata" : SignificanceClasses.For(fill.Label);
        var title = fill is null ? $"{area.Name}: no data"
            : string.IsNullOrWhiteSpace(fill.Tooltip) ? $"{area.Name}: {fill.Label}" : fill.Tooltip;
        if (fill?.Href is not null)
        {
            sb.Append("<a href=\"").Append(Svg.SafeHref(fill.Href)).Append("\">");
        }
        sb.Append("<path class=\"area ").Append(css).Append(isSelected ? " selected" : "").Append("\" data-code=\"")
          .Append(Svg.Escape(area.Code)).Append("\" d=\"").Append(area.Path).Append("\">").Title(title).Append("</path>");
        if (fill?.Href is not null)
        {
            sb.Append("</a>");
        }
    }
}
