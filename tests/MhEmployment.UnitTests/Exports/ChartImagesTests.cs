using MhEmployment.UnitTests.Charts;
using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Charts;
using MhEmployment.Web.Features.Exports;
using MhEmployment.Web.Features.Statistics;
using SkiaSharp;

namespace MhEmployment.UnitTests.Exports;

public sealed class ChartImagesTests
{
    private static readonly SKColor Worse = SKColor.Parse("c00000");
    private static readonly SKColor Better = SKColor.Parse("92d050");
    private static readonly SKColor Similar = SKColor.Parse("ffc000");
    private static readonly SKColor PrimaryLine = SKColor.Parse("505a5f");
    private static readonly SKColor Grid = SKColor.Parse("dedfe0");

    private static SummaryChart Trend() => SummarySamples.Hackney().Areas[0].Charts[0];

    private static SummaryChart Chart(string svg) => new("Test chart", "A test chart", svg, 200, 60);

    private static SKBitmap Decode(ChartImage image) =>
        SKBitmap.Decode(image.Png) ?? throw new InvalidOperationException("The image is not a PNG.");

    private static int Count(SKBitmap bitmap, Func<SKColor, bool> predicate)
    {
        var count = 0;
        foreach (var pixel in bitmap.Pixels)
        {
            count += predicate(pixel) ? 1 : 0;
        }
        return count;
    }

    private static int CountOf(SKBitmap bitmap, SKColor colour) => Count(bitmap, p => p.Red == colour.Red && p.Green == colour.Green && p.Blue == colour.Blue);

    private static int DarkPixels(SKBitmap bitmap) => Count(bitmap, p => p.Red < 96 && p.Green < 96 && p.Blue < 96);

    [Fact]
    public void Render_IsAPngOfTheSvgsViewBox_AtTwiceItsSize()
    {
        var chart = Trend();
        var (width, height) = SvgDocument.Parse(chart.Svg).ViewBox();

        var image = ChartImages.Render(chart);

        using var bitmap = Decode(image);
        (bitmap.Width, bitmap.Height).Should().Be(((int)(width * ChartImages.Scale), (int)(height * ChartImages.Scale)));
        (image.PixelWidth, image.PixelHeight).Should().Be((bitmap.Width, bitmap.Height));
    }

    [Fact]
    public void Render_TimeSeries_HasThePagesColoursForMarkersLinesAndGrid()
    {
        using var bitmap = Decode(ChartImages.Render(Trend()));

        CountOf(bitmap, Worse).Should().BeGreaterThan(5 * 100, "the five 'worse' squares and the legend's are filled red, as on the page");
        CountOf(bitmap, PrimaryLine).Should().BeGreaterThan(1000, "Hackney's line is the page's grey");
        CountOf(bitmap, Grid).Should().BeGreaterThan(1000, "the gridlines are light grey");
        DarkPixels(bitmap).Should().BeGreaterThan(2000, "the axis labels, legend and England's line are near black");
        Count(bitmap, p => p == SKColors.White).Should().BeGreaterThan(bitmap.Width * bitmap.Height / 2, "the background is white");
    }

    [Fact]
    public void Render_BarChart_FillsEachBarWithItsComparisonsColour()
    {
        var svg = BarChart.Render(new BarChartSpec("bars", "Employment rate", "Employment rate by area", "%",
        [
            new Bar("A", "Hackney", 25, 20, 30, "Worse", true, null),
            new Bar("B", "Camden", 10, 8, 12, "Better", false, "/areas/B"),
            new Bar("C", "Islington", 15, null, null, "Similar", false, null),
        ], 18, "England"));

        using var bitmap = Decode(ChartImages.Render(new SummaryChart("Bars", "Bars", svg, BarChart.Width, 120)));

        CountOf(bitmap, Worse).Should().BeGreaterThan(500);
        CountOf(bitmap, Better).Should().BeGreaterThan(500);
        CountOf(bitmap, Similar).Should().BeGreaterThan(500);
    }

    [Fact]
    public void Render_SpineChart_DrawsItsBandsAndTheAreasMarker()
    {
        var scale = SpineChart.Build([8, 2, 20, 6, 4], 5, Polarity.HighIsGood)!;
        var svg = SpineChartSvg.Render("spine", "Employment rate", scale, 3, "Worse");

        var image = ChartImages.Render(new SummaryChart("Spine", "Spine", svg, SpineChartSvg.Width, SpineChartSvg.Height));

        using var bitmap = Decode(image);
        (bitmap.Width, bitmap.Height).Should().Be(((int)(SpineChartSvg.Width * ChartImages.Scale), (int)(SpineChartSvg.Height * ChartImages.Scale)));
        CountOf(bitmap, SKColor.Parse("c6cdd3")).Should().BeGreaterThan(500, "the outer bands are light grey");
        CountOf(bitmap, SKColor.Parse("7d8b96")).Should().BeGreaterThan(500, "the middle half is darker");
        CountOf(bitmap, Worse).Should().BeGreaterThan(50, "the area's square marker is red where worse");
    }

    [Fact]
    public void Render_DrawsTextWithTheEmbeddedFont_WithoutAnySystemFont()
    {
        // Skia here has no font manager (no fontconfig): only the embedded font can draw these letters.
        const string svg = """<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 200 60"><text class="legend-label" x="4" y="40">Hackney 31.3</text></svg>""";
        const string empty = """<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 200 60"><text class="legend-label" x="4" y="40"></text></svg>""";

        using var withText = Decode(ChartImages.Render(Chart(svg)));
        using var withoutText = Decode(ChartImages.Render(Chart(empty)));

        DarkPixels(withText).Should().BeGreaterThan(150);
        DarkPixels(withoutText).Should().Be(0);
    }

    [Fact]
    public void Render_BoldText_IsDrawnHeavierThanRegular()
    {
        static string Text(string css) => $"""<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 200 60"><text class="{css}" x="4" y="40">England: 24.8</text></svg>""";

        using var regular = Decode(ChartImages.Render(Chart(Text("legend-label"))));
        using var bold = Decode(ChartImages.Render(Chart(Text("benchmark-label"))));

        DarkPixels(bold).Should().BeGreaterThan(DarkPixels(regular) * 5 / 4);
    }

    [Fact]
    public void Render_TextThatIsNotSvg_SaysWhichChart()
    {
        var act = () => ChartImages.Render(new SummaryChart("Broken chart", "alt", "not svg at all", 100, 100));

        act.Should().Throw<ArgumentException>().WithMessage("The chart 'Broken chart' is not well-formed SVG*");
    }
}
