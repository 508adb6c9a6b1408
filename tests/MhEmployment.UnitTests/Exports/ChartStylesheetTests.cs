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
        .grid { stroke: #dedfe0; }
        """;

    [Fact]
    public void StyleElementFor_KeepsOnlySelectorsWhoseClassesAllOccurInTheChart()
    {
        const string svg = """<svg class="chart time-series"><path class="marker sig-similar"/><line class="grid"/></svg>""";

        var style = new ChartStylesheet(Css).StyleElementFor(svg);

        style.Should().Be("<style><![CDATA[.chart text{fill: #0b0c0c;}.marker.sig-similar{stroke-dasharray: 3 2;}.grid{stroke: #dedfe0;}]]></style>");
    }

    [Fact]
    public void StyleElementFor_LeavesOutHoverFocusAndMediaRules_ThatAStillImageNeverShows()
    {
        const string svg = """<svg class="chart"><a href="/x"><rect class="bar sig-worse"/></a></svg>""";

        var style = new ChartStylesheet(Css).StyleElementFor(svg);

        style.Should().Contain(".sig-worse{fill: #c00000;}").And.NotContain("hover").And.NotContain("max-width").And.NotContain("Colours");
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
