using System.Xml.Linq;
using MhEmployment.Web.Features.Exports;

namespace MhEmployment.UnitTests.Exports;

public sealed class ChartStylesheetTests
{
    private const string Css = """
        /* Colours */
        .chart text { fill: #0b0c0c; }
        .sig-worse { fill: #c00000; }
        .bar.sig-similar, .marker.sig-similar { stroke-dasharray: 3 2; }
        .chart a:hover .bar { stroke-width: 2; }
        .legend li { display: flex; }
        @media print { .chart { max-width: 100%; } }
        .grid { stroke: #dedfe0; stroke-width: 1; }
        .chart .tick-label { fill: #484949; }
        .chart { display: block; width: 100%; font: 11px system-ui, "Segoe UI", sans-serif; }
        .bar-row.selected .bar-name { font-weight: 700; }
        """;

    /// <summary>The element's attributes other than its id and class, as "name=value;…".</summary>
    private static string? StyleOf(string svg, string id)
    {
        var element = XElement.Parse(new ChartStylesheet(Css).Inline(svg)).DescendantsAndSelf().Single(e => (string?)e.Attribute("id") == id);
        var style = element.Attributes().Where(a => a.Name.LocalName is not ("id" or "class" or "href")).Select(a => $"{a.Name.LocalName}:{a.Value}").ToList();
        return style.Count == 0 ? null : string.Join(';', style);
    }

    [Fact]
    public void Inline_GivesEachElementTheDeclarationsOfTheRulesItMatches()
    {
        const string svg = """<svg class="chart"><line id="l" class="grid"/><path id="p" class="marker sig-similar"/><path id="q" class="marker"/></svg>""";

        StyleOf(svg, "l").Should().Be("stroke:#dedfe0;stroke-width:1");
        StyleOf(svg, "p").Should().Be("stroke-dasharray:3 2");
        StyleOf(svg, "q").Should().BeNull();
    }

    [Fact]
    public void Inline_MatchesDescendantSelectorsByTheirAncestors()
    {
        const string svg = """
            <svg class="chart"><g class="bar-row selected"><text id="selected" class="bar-name">A</text></g>
            <g class="bar-row"><text id="other" class="bar-name">B</text></g></svg>
            """;

        StyleOf(svg, "selected").Should().Be("fill:#0b0c0c;font-weight:700");
        StyleOf(svg, "other").Should().Be("fill:#0b0c0c");
    }

    [Fact]
    public void Inline_TheMoreSpecificRuleWins_WhateverTheirOrder()
    {
        // ".chart .tick-label" (two classes) beats ".chart text" (a class and an element) though both set fill.
        const string svg = """<svg class="chart"><text id="t" class="tick-label">10</text></svg>""";

        StyleOf(svg, "t").Should().Be("fill:#484949");
    }

    [Fact]
    public void Inline_LeavesOutHoverFocusAndMediaRules_ThatAStillImageNeverShows()
    {
        const string svg = """<svg id="root" class="chart"><a href="/x"><rect id="r" class="bar sig-worse"/></a></svg>""";

        StyleOf(svg, "r").Should().Be("fill:#c00000");
        StyleOf(svg, "root").Should().NotContain("max-width", "the print rule for .chart is a media rule");
    }

    [Fact]
    public void Inline_SetsSvgPropertiesOnly_AndSpellsOutTheFontShorthand()
    {
        const string svg = """<svg id="root" class="chart" width="100%"></svg>""";

        StyleOf(svg, "root").Should().Be("width:100%;font-size:11px;font-family:system-ui, \"Segoe UI\", sans-serif",
            "display and width are the page's layout, not the chart's: the SVG keeps its own width");
    }

    [Fact]
    public void CellColours_AreTheBadgeColoursOfTheClassAlone_AsHex()
    {
        var stylesheet = new ChartStylesheet(".sig-worse { fill: #c00000; background-color: #c00000; color: #fff; } .bar.sig-best { background-color: #000; color: #fff; }");

        stylesheet.CellColours("sig-worse").Should().Be(("C00000", "FFFFFF"));
        stylesheet.CellColours("sig-best").Should().BeNull("only a rule for the class on its own colours a cell");
    }

    [Fact]
    public void Pages_IsTheAppsChartsCss_WithItsSignificanceColours()
    {
        ChartStylesheet.Pages.CellColours("sig-better").Should().Be(("92D050", "0B0C0C"));
        ChartStylesheet.Pages.CellColours("sig-none").Should().Be(("FFFFFF", "0B0C0C"));
    }

    [Fact]
    public void Constructor_UnclosedBlock_IsRefused()
    {
        var act = () => new ChartStylesheet(".chart { fill: red;");

        act.Should().Throw<FormatException>();
    }
}
