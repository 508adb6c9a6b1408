using System.Globalization;
using System.Text;

namespace MhEmployment.Web.Features.Charts;

/// <summary>
/// One area on a need-versus-coverage chart: <paramref name="Coverage"/> is the share of the domain's checklist covered
/// (0 to 1) and <paramref name="Need"/> its need's place among the areas (0 to 1, 1 the most need).
/// <paramref name="Flagged"/> areas (high need, low coverage) are drawn as filled diamonds and named.
/// </summary>
public sealed record NeedCoveragePoint(string Code, string Name, double Coverage, double Need, bool Flagged, string? Href);

/// <summary>
/// A domain's areas placed by coverage (across) and need (up), with the "high need, low coverage" corner shaded from
/// <paramref name="HighNeedFrom"/> up and left of <paramref name="LowCoverageBelow"/>.
/// </summary>
public sealed record NeedCoverageChartSpec(
    string IdPrefix, string Title, string Description, IReadOnlyList<NeedCoveragePoint> Points, double HighNeedFrom, double LowCoverageBelow);

/// <summary>Renders <see cref="NeedCoverageChartSpec"/> as SVG; the page puts the same figures in a table beside it.</summary>
public static class NeedCoverageChart
{
    public const double Width = 520;
    public const double Height = 380;
    private const double Left = 56;
    private const double Right = 500;
    private const double Top = 16;
    private const double Bottom = 320;
    private const int NameChars = 18;

    public static string Render(NeedCoverageChartSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var sb = new StringBuilder(4096);
        var hasLinks = spec.Points.Any(p => p.Href is not null);
        Svg.Open(sb, spec.IdPrefix, "chart need-coverage", Width, Height, spec.Title, spec.Description, hasLinks);
        double X(double share) => Left + Math.Clamp(share, 0, 1) * (Right - Left);
        double Y(double need) => Bottom - Math.Clamp(need, 0, 1) * (Bottom - Top);

        // The corner where need is high and coverage low, named inside it.
        sb.Append("<g class=\"quadrant\"><rect class=\"quadrant-area\" x=\"").Append(Svg.N(X(0))).Append("\" y=\"").Append(Svg.N(Y(1)))
          .Append("\" width=\"").Append(Svg.N(X(spec.LowCoverageBelow) - X(0))).Append("\" height=\"").Append(Svg.N(Y(spec.HighNeedFrom) - Y(1)))
          .Append("\"/>");
        sb.Text("quadrant-label", X(0) + 6, Y(1) + 14, "High need, low coverage").Append("</g>");

        sb.Append("<g class=\"axis\" aria-hidden=\"true\">");
        foreach (var tick in new[] { 0, 0.25, 0.5, 0.75, 1 })
        {
            sb.Append("<line class=\"grid\" x1=\"").Append(Svg.N(X(tick))).Append("\" x2=\"").Append(Svg.N(X(tick)))
              .Append("\" y1=\"").Append(Svg.N(Top)).Append("\" y2=\"").Append(Svg.N(Bottom)).Append("\"/>");
            sb.Append("<line class=\"grid\" x1=\"").Append(Svg.N(Left)).Append("\" x2=\"").Append(Svg.N(Right))
              .Append("\" y1=\"").Append(Svg.N(Y(tick))).Append("\" y2=\"").Append(Svg.N(Y(tick))).Append("\"/>");
            sb.Text("tick-label", X(tick), Bottom + 16, tick.ToString("P0", CultureInfo.InvariantCulture).Replace(" ", "", StringComparison.Ordinal), "middle");
            sb.Text("tick-label", Left - 6, Y(tick) + 4, tick.ToString("0.##", CultureInfo.InvariantCulture), "end");
        }
        sb.Append("<line class=\"axis-line\" x1=\"").Append(Svg.N(Left)).Append("\" x2=\"").Append(Svg.N(Right))
          .Append("\" y1=\"").Append(Svg.N(Bottom)).Append("\" y2=\"").Append(Svg.N(Bottom)).Append("\"/>");
        sb.Append("<line class=\"axis-line\" x1=\"").Append(Svg.N(Left)).Append("\" x2=\"").Append(Svg.N(Left))
          .Append("\" y1=\"").Append(Svg.N(Top)).Append("\" y2=\"").Append(Svg.N(Bottom)).Append("\"/>");
        sb.Text("unit-label", (Left + Right) / 2, Bottom + 38, "Checklist covered, weighted by rating", "middle");
        sb.Append("<text class=\"unit-label\" transform=\"translate(14 ").Append(Svg.N((Top + Bottom) / 2))
          .Append(") rotate(-90)\" text-anchor=\"middle\">Need: share of areas with less</text>");
        sb.Append("</g>");

        // Flagged areas last, so they are drawn over the others.
        foreach (var point in spec.Points.OrderBy(p => p.Flagged))
        {
            var (x, y) = (X(point.Coverage), Y(point.Need));
            var text = $"{point.Name}: need above {point.Need.ToString("P0", CultureInfo.InvariantCulture)} of areas, "
                + $"{point.Coverage.ToString("P0", CultureInfo.InvariantCulture)} of the checklist covered{(point.Flagged ? " (high need, low coverage)" : "")}";
            if (point.Href is not null)
            {
                sb.Append("<a href=\"").Append(Svg.SafeHref(point.Href)).Append("\" aria-label=\"").Append(Svg.Escape(text)).Append("\">");
            }
            sb.Append("<g class=\"point").Append(point.Flagged ? " flagged" : "").Append("\">").Title(text);
            if (point.Flagged)
            {
                sb.Append("<path class=\"point-mark\" d=\"M").Append(Svg.N(x)).Append(' ').Append(Svg.N(y - 6)).Append(" L").Append(Svg.N(x + 6)).Append(' ')
                  .Append(Svg.N(y)).Append(" L").Append(Svg.N(x)).Append(' ').Append(Svg.N(y + 6)).Append(" L").Append(Svg.N(x - 6)).Append(' ')
                  .Append(Svg.N(y)).Append(" Z\"/>");
                sb.Text("point-name", Math.Min(x + 8, Right - 4), y + 4, Svg.Truncate(point.Name, NameChars), x + 8 > Right - 90 ? "end" : "start");
            }
            else
            {
                sb.Append("<circle class=\"point-mark\" cx=\"").Append(Svg.N(x)).Append("\" cy=\"").Append(Svg.N(y)).Append("\" r=\"4\"/>");
            }
            sb.Append("</g>");
            if (point.Href is not null)
            {
                sb.Append("</a>");
            }
        }
        Svg.Close(sb);
        return sb.ToString();
    }
}
