using System.Text;
using MhEmployment.Web.Features.Statistics;

namespace MhEmployment.Web.Features.Charts;

/// <summary>One indicator's line of a spine panel: its name, the value as the table shows it, and its spine.</summary>
public sealed record SpinePanelRow(string Name, string ValueText, SpineScale? Scale, double? Value, string Label, int Decimals, string Suffix);

public sealed record SpinePanelSpec(string IdPrefix, string Title, string Description, IReadOnlyList<SpinePanelRow> Rows);

/// <summary>
/// The dashboard's spines stacked into one figure, a line per indicator with its name and value beside it: how a
/// printed profile shows where an area stands on everything at once. Each spine is drawn as the dashboard draws it.
/// </summary>
public static class SpinePanelChart
{
    public const double NameWidth = 330;
    public const double ValueWidth = 110;
    public const double RowHeight = 30;
    private const double HeaderHeight = 26;
    private const int NameChars = 46;

    public static double Width => NameWidth + ValueWidth + SpineChartSvg.Width + 8;

    public static double HeightFor(int rows) => HeaderHeight + Math.Max(rows, 1) * RowHeight;

    public static string Render(SpinePanelSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var sb = new StringBuilder(1024 + spec.Rows.Count * 1100);
        Svg.Open(sb, spec.IdPrefix, "chart spine-panel", Width, HeightFor(spec.Rows.Count), spec.Title, spec.Description);
        var spineLeft = NameWidth + ValueWidth;
        sb.Append("<g class=\"axis\" aria-hidden=\"true\">")
          .Text("tick-label", 0, 16, "Indicator")
          .Text("tick-label", spineLeft - 8, 16, "Value", "end")
          .Text("tick-label", spineLeft, 16, "Worst")
          .Text("tick-label", spineLeft + SpineChartSvg.Width / 2, 16, "Benchmark", "middle")
          .Text("tick-label", spineLeft + SpineChartSvg.Width, 16, "Best", "end")
          .Append("</g>");
        for (var i = 0; i < spec.Rows.Count; i++)
        {
            var row = spec.Rows[i];
            var top = HeaderHeight + i * RowHeight;
            var baseline = top + RowHeight / 2 + 4;
            sb.Append("<g>").Title($"{row.Name}: {row.ValueText}, {row.Label}")
              .Text("legend-label", 0, baseline, Svg.Truncate(row.Name, NameChars))
              .Text("legend-label", spineLeft - 8, baseline, row.ValueText, "end")
              .Append("<g transform=\"").Append(Markers.Translate(spineLeft, top + (RowHeight - SpineChartSvg.Height) / 2)).Append("\">");
            SpineChartSvg.AppendSpine(sb, row.Scale, row.Value, row.Label, row.Decimals, row.Suffix);
            sb.Append("</g></g>");
        }
        Svg.Close(sb);
        return sb.ToString();
    }
}
