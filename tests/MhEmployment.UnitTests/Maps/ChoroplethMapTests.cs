using MhEmployment.UnitTests.Charts;
using MhEmployment.Web.Features.Maps;

namespace MhEmployment.UnitTests.Maps;

public sealed class ChoroplethMapTests
{
    private static MapSpec London(IReadOnlyDictionary<string, MapFill> fills, string? selected = null) =>
        new("london-map", MapKind.London, "Employment gap by borough", "Shaded by comparison with England", fills, selected);

    [Fact]
    public void Map_IsAWellFormedImage_WithOnePathPerBorough()
    {
        var svg = SvgDocument.Parse(ChoroplethMap.Render(London(new Dictionary<string, MapFill>())));

        svg.ShouldBeAccessibleImage("london-map", "Employment gap by borough", "Shaded by comparison with England");
        svg.ViewBox().Should().Be((600d, 480d));
        svg.WithClass("path", "area").Should().HaveCount(33);
    }

    [Fact]
    public void Fills_MapToSignificanceClasses_AndUnfilledAreasSayNoData()
    {
        var fills = new Dictionary<string, MapFill>
        {
            ["E09000012"] = new("Worse", "Hackney: 42.1 (95% CI 40.2–44.0), Worse", null),
            ["E09000001"] = new("Highest", "", null),
        };

        var svg = SvgDocument.Parse(ChoroplethMap.Render(London(fills)));
        XElementByCode(svg, "E09000012").Attribute("class")!.Value.Should().Be("area sig-worse");
        XElementByCode(svg, "E09000012").TitleText().Should().Be("Hackney: 42.1 (95% CI 40.2–44.0), Worse");
        XElementByCode(svg, "E09000001").Attribute("class")!.Value.Should().Be("area q5");
        XElementByCode(svg, "E09000001").TitleText().Should().Be("City of London: Highest");
        XElementByCode(svg, "E09000002").Attribute("class")!.Value.Should().Be("area map-nodata");
        XElementByCode(svg, "E09000002").TitleText().Should().Be("Barking and Dagenham: no data");
    }

    [Fact]
    public void SelectedArea_IsDrawnLast_WithItsOutlineClass()
    {
        var svg = SvgDocument.Parse(ChoroplethMap.Render(London(new Dictionary<string, MapFill>(), selected: "E09000007")));

        var paths = svg.WithClass("path", "area").ToList();
        paths[^1].Attribute("data-code")!.Value.Should().Be("E09000007");
        paths[^1].HasClass("selected").Should().BeTrue();
        paths.Count(p => p.HasClass("selected")).Should().Be(1);
    }

    [Fact]
    public void Links_WrapTheirArea_AndTooltipsAreEscaped()
    {
        var fills = new Dictionary<string, MapFill> { ["E09000012"] = new("Better", "Hackney & <City>", "/areas/E09000012?tab=1&x=2") };

        var markup = ChoroplethMap.Render(London(fills));
        var svg = SvgDocument.Parse(markup);

        var link = svg.All("a").Single();
        link.Attribute("href")!.Value.Should().Be("/areas/E09000012?tab=1&x=2");
        link.WithClass("path", "area").Single().TitleText().Should().Be("Hackney & <City>");
        markup.Should().Contain("Hackney &amp; &lt;City&gt;");
    }

    [Fact]
    public void EnglandMap_WithEveryAreaFilledAndLinked_StaysUnderBudget()
    {
        var codes = Boundaries.Codes(MapKind.EnglandUpperTier);
        var fills = codes.ToDictionary(c => c, c => new MapFill("Similar", $"{Boundaries.Name(c)}: 42.1 (95% CI 40.2–44.0), Similar", $"/areas/{c}"));

        var markup = ChoroplethMap.Render(new MapSpec("england", MapKind.EnglandUpperTier, "t", "d", fills, "E08000039"));

        markup.Length.Should().BeLessThan(150_000);
        SvgDocument.Parse(markup).WithClass("path", "area").Should().HaveCount(153);
    }

    [Fact]
    public void OlderGeography_IsDrawnWhenAYearIsGiven()
    {
        var svg = SvgDocument.Parse(ChoroplethMap.Render(
            new MapSpec("england", MapKind.EnglandUpperTier, "t", "d", new Dictionary<string, MapFill>(), null, Year: 2022)));

        svg.WithClass("path", "area").Select(p => p.Attribute("data-code")!.Value).Should().Contain("E10000006").And.NotContain("E06000063");
    }

    private static System.Xml.Linq.XElement XElementByCode(System.Xml.Linq.XElement svg, string code) =>
        svg.WithClass("path", "area").Single(p => p.Attribute("data-code")!.Value == code);
}
