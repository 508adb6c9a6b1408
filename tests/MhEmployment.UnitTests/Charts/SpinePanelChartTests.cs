using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Charts;
using MhEmployment.Web.Features.Statistics;

namespace MhEmployment.UnitTests.Charts;

public sealed class SpinePanelChartTests
{
    private static readonly SpineScale Scale = new(10, 20, 30, 40, 25, 15, Polarity.HighIsGood);

    private static SpinePanelSpec Spec(params SpinePanelRow[] rows) => new("spines", "Hackney against England", "Each line places Hackney's value.", rows);

    [Fact]
    public void Panel_IsAnAccessibleImage_WithALinePerIndicator_InOrder()
    {
        var svg = SvgDocument.Parse(SpinePanelChart.Render(Spec(
            new SpinePanelRow("Employment rate", "72.5%", Scale, 35, ComparisonLabels.Better, 1, "%"),
            new SpinePanelRow("Suicide rate", "14", null, 14, "Not compared", 0, ""))));

        svg.ShouldBeAccessibleImage("spines", "Hackney against England", "Each line places Hackney's value.");
        svg.ViewBox().Should().Be((SpinePanelChart.Width, SpinePanelChart.HeightFor(2)));
        svg.All("text").Select(t => t.Value).Should().ContainInOrder("Employment rate", "72.5%", "Suicide rate", "14");
        svg.WithClass("path", "spine-track").Should().HaveCount(2);
        svg.WithClass("path", "marker").Should().ContainSingle("an indicator without a spread has a track but no marker");
    }

    [Fact]
    public void LongNames_AreCut_WithTheFullNameInTheLinesTitle()
    {
        var name = new string('x', 80);
        var svg = SvgDocument.Parse(SpinePanelChart.Render(Spec(new SpinePanelRow(name, "1.0%", Scale, 25, ComparisonLabels.Similar, 1, "%"))));

        svg.All("text").First(t => t.Value.StartsWith('x')).Value.Should().EndWith("…").And.HaveLength(46);
        svg.All("g").Select(g => g.TitleText()).Should().Contain($"{name}: 1.0%, Similar");
    }

    [Fact]
    public void EachSpine_IsDrawnAsTheDashboardDrawsIt()
    {
        var panel = SvgDocument.Parse(SpinePanelChart.Render(Spec(new SpinePanelRow("Employment rate", "35.0%", Scale, 35, ComparisonLabels.Better, 1, "%"))));
        var single = SvgDocument.Parse(SpineChartSvg.Render("one", "t", Scale, 35, ComparisonLabels.Better, 1, "%"));

        string Paths(System.Xml.Linq.XElement svg) => string.Join("|", svg.All("path").Select(p => $"{p.Attribute("class")}:{p.Attribute("d")}:{p.Attribute("transform")}"));
        Paths(panel).Should().Be(Paths(single));
    }
}
