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

        var inner = svg.WithClass("rect", "spine-inner").Single();
        var outer = svg.WithClass("rect", "spine-outer").ToList();

        inner.Number("x").Should().BeApproximately(X(4), 0.05);
        (inner.Number("x") + inner.Number("width")).Should().BeApproximately(X(8), 0.1);
        outer.Should().HaveCount(2);
        outer[0].Number("x").Should().BeApproximately(X(2), 0.05);
        (outer[1].Number("x") + outer[1].Number("width")).Should().BeApproximately(SpineChartSvg.Width, 0.1);
        svg.WithClass("line", "spine-benchmark").Single().Number("x1").Should().Be(SpineChartSvg.Width / 2);
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
            svg.WithClass("rect", "spine-track").Should().ContainSingle();
            svg.WithClass("path", "marker").Should().BeEmpty();
            svg.WithClass("rect", "spine-inner").Should().BeEmpty();
        }
    }
}
