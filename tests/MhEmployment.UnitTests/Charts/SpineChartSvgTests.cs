using System.Xml.Linq;
using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Charts;
using MhEmployment.Web.Features.Statistics;

namespace MhEmployment.UnitTests.Charts;

public sealed class SpineChartSvgTests
{
    // Lowest 2, 25th 4, 75th 8, highest 20, England 5: half-width 15.
    private static readonly SpineScale HighGood = SpineChart.Build([8, 2, 20, 6, 4], 5, Polarity.HighIsGood)!;

    [Fact]
    public void Chart_IsAWellFormedImage_DescribingTheSpreadInWords()
    {
        var svg = SvgDocument.Parse(SpineChartSvg.Render("spine-1", "Employment rate", HighGood, 9.5, "Better"));

        svg.ShouldBeAccessibleImage("spine-1", "Employment rate",
            "Worst (lowest) 2.0, 25th percentile 4.0, 75th percentile 8.0, best (highest) 20.0, benchmark 5.0. Area value 9.5, Better.");
    }

    [Theory]
    [InlineData(9.5)]
    [InlineData(2)]
    [InlineData(-40)] // beyond the scale: clamped to the worst end
    public void Marker_SitsAtTheScalePosition(double value)
    {
        var svg = SvgDocument.Parse(SpineChartSvg.Render("s", "t", HighGood, value, "Worse"));

        var marker = svg.WithClass("path", "marker").Single();

        marker.Translation().X.Should().BeApproximately(HighGood.Position(value) * SpineChartSvg.Width, 0.05);
        marker.HasClass("sig-worse").Should().BeTrue();
    }

    [Fact]
    public void Bands_RunWorstToQuartileToQuartileToBest_AroundTheBenchmarkInTheMiddle()
    {
        var svg = SvgDocument.Parse(SpineChartSvg.Render("s", "t", HighGood, 5, "Similar"));
        double X(double v) => HighGood.Position(v) * SpineChartSvg.Width;

        var inner = Bands(svg, "spine-inner");
        var outer = Bands(svg, "spine-outer");

        inner.Should().ContainSingle();
        inner[0].Left.Should().BeApproximately(X(4), 0.05);
        inner[0].Right.Should().BeApproximately(X(8), 0.1);
        outer.Should().HaveCount(2);
        outer[0].Left.Should().BeApproximately(X(2), 0.05);
        outer[0].Right.Should().BeApproximately(X(4), 0.1);
        outer[1].Left.Should().BeApproximately(X(8), 0.05);
        outer[1].Right.Should().BeApproximately(SpineChartSvg.Width, 0.1);
        inner.Concat(outer).Should().OnlyContain(b => b.Top == 4 && b.Height == 16);
        svg.WithClass("path", "spine-benchmark").Single().PathNumbers().Should().Equal(SpineChartSvg.Width / 2, 0, SpineChartSvg.Height);
    }

    /// <summary>A band path's rectangles: each subpath is "M left top h width v height H left z".</summary>
    private static List<(double Left, double Right, double Top, double Height)> Bands(XElement svg, string cssClass)
    {
        var path = svg.WithClass("path", cssClass).Single();
        ((string)path.Attribute("d")!).Should().MatchRegex(@"^(M[-\d.]+ [-\d.]+h[-\d.]+v[-\d.]+H[-\d.]+z)+$");
        return [.. path.PathNumbers().Chunk(5).Select(n =>
        {
            n[4].Should().Be(n[0], "each band closes where it started");
            return (n[0], n[0] + n[2], n[1], n[3]);
        })];
    }

    [Fact]
    public void LowIsGood_NamesPercentilesByValue_WorstEndFirst()
    {
        var scale = SpineChart.Build([8, 2, 20, 6, 4], 5, Polarity.LowIsGood)!;

        var svg = SvgDocument.Parse(SpineChartSvg.Render("s", "t", scale, 3, ""));

        svg.Element(SvgDocument.Ns + "desc")!.Value.Should().Be(
            "Worst (highest) 20.0, 75th percentile 8.0, 25th percentile 4.0, best (lowest) 2.0, benchmark 5.0. Area value 3.0.");
        svg.WithClass("path", "marker").Single().Translation().X.Should().BeApproximately(scale.Position(3) * SpineChartSvg.Width, 0.05);
    }

    [Fact]
    public void NoScaleOrNoValue_DrawsAnEmptyTrack_SayingSo()
    {
        foreach (var markup in new[] { SpineChartSvg.Render("s", "t", null, 5, "Better"), SpineChartSvg.Render("s", "t", HighGood, null, "") })
        {
            var svg = SvgDocument.Parse(markup);

            svg.Element(SvgDocument.Ns + "desc")!.Value.Should().Be("Not enough data");
            svg.WithClass("path", "spine-track").Single().PathNumbers().Should().Equal(0, 4, SpineChartSvg.Width, 16, 0);
            svg.WithClass("path", "marker").Should().BeEmpty();
            svg.WithClass("path", "spine-inner").Should().BeEmpty();
            svg.WithClass("path", "spine-outer").Should().BeEmpty();
        }
    }

    [Fact]
    public void Description_GivesTheAreasAndTheBenchmarksValuesTheirUnit()
    {
        var svg = SvgDocument.Parse(SpineChartSvg.Render("s", "t", HighGood, 9.5, "Better", suffix: " per 100,000"));

        svg.Element(SvgDocument.Ns + "desc")!.Value.Should().Be(
            "Worst (lowest) 2.0, 25th percentile 4.0, 75th percentile 8.0, best (highest) 20.0, benchmark 5.0 per 100,000. Area value 9.5 per 100,000, Better.");
        svg.WithClass("path", "marker").Single().TitleText().Should().Be("Area value 9.5 per 100,000, Better");
    }

    [Fact]
    public void Key_ExplainsTheBandsTheBenchmarkLineAndTheMarkersShapes_WithTheChartsOwnClasses()
    {
        var key = XElement.Parse(SpineChartSvg.KeyHtml("key-spine"));

        var items = key.Descendants("li").ToList();
        items.Take(3).Select(li => (string)li.Element("svg")!.Elements().Single().Attribute("class")!)
            .Should().Equal("spine-outer", "spine-inner", "spine-benchmark");
        var markers = items[3].Element("svg")!.Elements().ToList();
        markers.Select(m => (string)m.Attribute("class")!).Should().Equal(
            "marker sig-better", "marker sig-similar", "marker sig-worse", "marker sig-higher", "marker sig-lower");
        markers.Select(m => (string)m.Attribute("d")!).Should().OnlyHaveUniqueItems("each comparison has its own shape");
        items.Select(li => li.Value).Should().Equal(
            "Light bands: from the worst area to the 25th percentile, and from the 75th percentile to the best (lowest to highest where neither is better)",
            "Dark band: the middle half of the areas",
            "Line: the benchmark\u2019s value",
            "This area: a circle where better (or for a quintile, in its colour), a diamond where similar, a square where worse, "
                + "a triangle where higher or lower; at the end when it lies beyond the areas compared");
        ((string?)key.Element("ul")!.Attribute("aria-labelledby")).Should().Be("key-spine");
    }
}
