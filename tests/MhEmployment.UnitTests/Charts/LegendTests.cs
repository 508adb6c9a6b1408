using System.Xml.Linq;
using MhEmployment.Web.Features.Charts;

namespace MhEmployment.UnitTests.Charts;

public sealed class LegendTests
{
    private static readonly LegendGroup Intervals = new("Compared with England, by 95% confidence interval",
    [
        new LegendEntry("Better", "significantly better than the benchmark"),
        new LegendEntry("Similar", "not significantly different from the benchmark"),
        new LegendEntry("Worse", "significantly worse than the benchmark"),
    ], "A note & more");

    private static readonly LegendGroup Quintiles = new("Quintiles", [new LegendEntry("High", "in the second-highest fifth")]);

    private static XElement Render(LegendStyle style, params LegendGroup[] groups) =>
        XElement.Parse(Legend.Html("key", groups, style));

    [Fact]
    public void EachGroup_IsAListNamedByItsHeading_WithEveryLabelAsItsBadgeAndMeaning()
    {
        var key = Render(LegendStyle.Badge, Intervals, Quintiles);

        var headings = key.Elements("p").Where(p => (string?)p.Attribute("class") == "key-heading").ToList();
        var lists = key.Elements("ul").ToList();
        headings.Select(h => h.Value).Should().Equal("Compared with England, by 95% confidence interval", "Quintiles");
        lists.Select(l => (string?)l.Attribute("aria-labelledby")).Should().Equal(headings.Select(h => (string?)h.Attribute("id")));
        lists[0].Elements("li").Select(li => li.Value).Should().Equal(
            "Better significantly better than the benchmark",
            "Similar not significantly different from the benchmark",
            "Worse significantly worse than the benchmark");
        var high = lists[1].Elements("li").Single().Element("span")!;
        ((string?)high.Attribute("class")).Should().Be("sig q4", "the badge has the colour the page's cells use");
        high.Value.Should().Be("High");
        key.Elements("p").Single(p => (string?)p.Attribute("class") == "key-note").Value.Should().Be("A note & more");
    }

    [Fact]
    public void BarStyle_DrawsEachLabelsBarSwatch_AsDecoration()
    {
        var key = Render(LegendStyle.Bar, Intervals);

        var swatches = key.Descendants("svg").ToList();
        swatches.Should().HaveCount(3).And.OnlyContain(s => (string?)s.Attribute("aria-hidden") == "true");
        swatches.Select(s => (string)s.Element("rect")!.Attribute("class")!).Should().Equal("bar sig-better", "bar sig-similar", "bar sig-worse");
    }

    [Fact]
    public void MarkerStyle_GivesEachComparisonItsOwnShape()
    {
        var labels = new[] { "Better", "Similar", "Worse", "Higher", "Lower" };
        var key = Render(LegendStyle.Marker, new LegendGroup("Compared", [.. labels.Select(l => new LegendEntry(l, ""))]));

        var shapes = key.Descendants("path").Select(p => (string)p.Attribute("d")!).ToList();

        shapes.Should().HaveCount(5).And.OnlyHaveUniqueItems("colour must not be the only signal");
    }

    [Fact]
    public void BadgeStyle_HasNoSwatch_AndTextIsEscaped()
    {
        var html = Legend.Html("key", [new LegendGroup("<b>Group</b>", [new LegendEntry("Rising & falling", "a <new> label")])]);

        var key = XElement.Parse(html);

        key.Descendants("svg").Should().BeEmpty();
        key.Element("p")!.Value.Should().Be("<b>Group</b>");
        html.Should().Contain("&lt;b&gt;Group&lt;/b&gt;").And.Contain("Rising &amp; falling");
        ((string?)key.Descendants("span").Single().Attribute("class")).Should().Be("sig sig-none", "an unknown label gets the neutral badge");
    }

    [Fact]
    public void IdPrefix_ThatCouldBreakTheMarkup_IsRefused() =>
        FluentActions.Invoking(() => Legend.Html("a\"b", [Quintiles])).Should().Throw<ArgumentException>();
}
