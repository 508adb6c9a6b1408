using System.Globalization;
using MhEmployment.Web.Features.Charts;

namespace MhEmployment.UnitTests.Charts;

public sealed class BarChartTests
{
    private const double PlotWidth = BarChart.PlotRight - BarChart.PlotLeft;

    private static Bar Area(string code, double? value, string label = "Similar", double? lower = null, double? upper = null,
        bool selected = false, string? href = null, string? name = null) =>
        new(code, name ?? code, value, lower, upper, label, selected, href);

    private static BarChartSpec Spec(IReadOnlyList<Bar> bars, double? benchmark = 30, string idPrefix = "bars") =>
        new(idPrefix, "Employment gap", "Gap in employment rate, by area", "% points", bars, benchmark, "England");

    [Fact]
    public void Chart_IsAWellFormedImage_NamedByItsTitleAndDescription()
    {
        var svg = SvgDocument.Parse(BarChart.Render(Spec([Area("E09000012", 42.1)])));

        svg.ShouldBeAccessibleImage("bars", "Employment gap", "Gap in employment rate, by area");
    }

    [Fact]
    public void Bars_KeepTheCallersOrder_AndTakeTheirComparisonClass()
    {
        var svg = SvgDocument.Parse(BarChart.Render(Spec(
        [
            Area("E09000003", 12, "Better"), Area("E09000001", 40, "Worse"), Area("E09000002", 25, "Not compared"), Area("E09000004", 8, "Best"),
        ])));

        svg.WithClass("g", "bar-row").Select(g => (string)g.Attribute("data-code")!)
            .Should().Equal("E09000003", "E09000001", "E09000002", "E09000004");
        svg.WithClass("rect", "bar").Select(r => (string)r.Attribute("class")!)
            .Should().Equal("bar sig-better", "bar sig-worse", "bar sig-none", "bar sig-best");
    }

    [Fact]
    public void BarWidth_IsProportionalToTheValueOnTheNiceScale()
    {
        // Largest figure 42 (the upper limit) → axis 0..50.
        var svg = SvgDocument.Parse(BarChart.Render(Spec([Area("A", 25, lower: 20, upper: 42), Area("B", 10)])));

        var bars = svg.WithClass("rect", "bar").ToList();
        bars[0].Number("x").Should().Be(BarChart.PlotLeft);
        bars[0].Number("width").Should().BeApproximately(PlotWidth * 25 / 50, 0.05);
        bars[1].Number("width").Should().BeApproximately(PlotWidth * 10 / 50, 0.05);
        svg.WithClass("text", "tick-label").Select(t => t.Value).Should().Equal("0", "10", "20", "30", "40", "50");
    }

    [Fact]
    public void Whiskers_EndAtTheLowerAndUpperLimits()
    {
        var svg = SvgDocument.Parse(BarChart.Render(Spec([Area("A", 25, lower: 20, upper: 42)])));

        var numbers = svg.WithClass("path", "whisker").Single().PathNumbers();

        // M lx y v8 M lx cy H ux M ux y v8
        numbers[0].Should().BeApproximately(BarChart.PlotLeft + PlotWidth * 20 / 50, 0.05);
        numbers[5].Should().BeApproximately(BarChart.PlotLeft + PlotWidth * 42 / 50, 0.05);
    }

    [Fact]
    public void MissingValue_IsListedAsNoValue_NotDrawnAsAZeroBar()
    {
        var svg = SvgDocument.Parse(BarChart.Render(Spec([Area("A", 25), Area("B", null), Area("C", 5)])));

        var row = svg.WithClass("g", "bar-row").Single(g => (string?)g.Attribute("data-code") == "B");
        row.All("rect").Should().BeEmpty();
        row.WithClass("text", "no-value").Single().Value.Should().Be("no value");
        row.TitleText().Should().Be("B: no value");
        svg.WithClass("rect", "bar").Should().HaveCount(2);
    }

    [Fact]
    public void HoverText_GivesNameValueIntervalAndComparison()
    {
        var svg = SvgDocument.Parse(BarChart.Render(Spec([Area("E09000012", 42.1, "Worse", 40.2, 44, name: "Hackney")])));

        svg.WithClass("g", "bar-row").Single().TitleText().Should().Be("Hackney: 42.1 (95% CI 40.2–44.0), Worse");
    }

    [Fact]
    public void AreaNames_AreEscaped()
    {
        const string name = "Kingston upon Hull, City of & <\"Co\">";
        var markup = BarChart.Render(Spec([Area("E06000010", 3, name: name)]) with { Title = "Rates & <ratios>" });

        var svg = SvgDocument.Parse(markup);

        svg.WithClass("g", "bar-row").Single().TitleText().Should().StartWith(name);
        svg.Element(SvgDocument.Ns + "title")!.Value.Should().Be("Rates & <ratios>");
        markup.Should().Contain("&amp; &lt;&quot;Co&quot;&gt;");
    }

    [Fact]
    public void LongNames_AreCutOnTheAxis_ButKeptWholeInTheHoverText()
    {
        var name = new string('x', 60);
        var svg = SvgDocument.Parse(BarChart.Render(Spec([Area("A", 3, name: name)])));

        svg.WithClass("text", "bar-name").Single().Value.Should().HaveLength(31).And.EndWith("…");
        svg.WithClass("g", "bar-row").Single().TitleText().Should().StartWith(name);
    }

    [Fact]
    public void Ids_AreUniqueAcrossTwoChartsOnOnePage()
    {
        var page = System.Xml.Linq.XElement.Parse(
            "<div>" + BarChart.Render(Spec([Area("A", 1)], idPrefix: "gap")) + BarChart.Render(Spec([Area("A", 1)], idPrefix: "rate")) + "</div>");

        var ids = page.Descendants().Select(e => (string?)e.Attribute("id")).OfType<string>().ToList();

        ids.Should().HaveCount(4).And.OnlyHaveUniqueItems();
        foreach (var svg in page.Elements())
        {
            ((string)svg.Attribute("aria-labelledby")!).Split(' ').Should().BeSubsetOf(ids);
        }
    }

    [Theory]
    [InlineData("bad id")]
    [InlineData("1chart")]
    [InlineData("a\"b")]
    public void IdPrefix_ThatCouldBreakTheMarkup_IsRefused(string idPrefix) =>
        FluentActions.Invoking(() => BarChart.Render(Spec([Area("A", 1)], idPrefix: idPrefix))).Should().Throw<ArgumentException>();

    [Fact]
    public void Href_WrapsTheBarInALink_AndSelectedBarIsMarked()
    {
        var svg = SvgDocument.Parse(BarChart.Render(Spec([Area("A", 1, href: "/areas/A?x=1&y=2"), Area("B", 2, selected: true)])));

        var link = svg.All("a").Single();
        ((string)link.Attribute("href")!).Should().Be("/areas/A?x=1&y=2");
        link.WithClass("rect", "bar").Should().ContainSingle();
        svg.WithClass("g", "selected").Select(g => (string?)g.Attribute("data-code")).Should().Equal("B");
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("data:text/html,x")]
    public void Href_WithAScriptScheme_IsRefused(string href) =>
        FluentActions.Invoking(() => BarChart.Render(Spec([Area("A", 1, href: href)]))).Should().Throw<ArgumentException>();

    [Fact]
    public void Benchmark_IsAVerticalLineAtItsValue_LabelledWithNameAndValue()
    {
        var svg = SvgDocument.Parse(BarChart.Render(Spec([Area("A", 50)], benchmark: 20)));

        var line = svg.WithClass("line", "benchmark-line").Single();
        line.Number("x1").Should().BeApproximately(BarChart.PlotLeft + PlotWidth * 20 / 50, 0.05);
        line.Number("x2").Should().Be(line.Number("x1"));
        svg.WithClass("text", "benchmark-label").Single().Value.Should().Be("England: 20.0");
    }

    [Fact]
    public void NegativeValues_ExtendLeftOfZero()
    {
        var svg = SvgDocument.Parse(BarChart.Render(Spec([Area("A", -15), Area("B", 30)], benchmark: null)));

        var bars = svg.WithClass("rect", "bar").ToList();
        var zero = BarChart.PlotLeft + PlotWidth * 20 / 50; // axis -20..30
        bars[0].Number("x").Should().BeApproximately(BarChart.PlotLeft + PlotWidth * 5 / 50, 0.05);
        (bars[0].Number("x") + bars[0].Number("width")).Should().BeApproximately(zero, 0.1);
        bars[1].Number("x").Should().BeApproximately(zero, 0.05);
        svg.WithClass("line", "benchmark-line").Should().BeEmpty();
    }

    [Fact]
    public void Height_GrowsWithTheNumberOfBars()
    {
        var many = Enumerable.Range(0, 160).Select(i => Area($"E{i:000}", i)).ToList();

        var svg = SvgDocument.Parse(BarChart.Render(Spec(many)));

        svg.ViewBox().Height.Should().Be(BarChart.Top + 160 * BarChart.RowHeight + 44);
        svg.WithClass("rect", "bar").Last().Number("y").Should().BeLessThan(svg.ViewBox().Height - 40);
    }

    [Fact]
    public void Output_DoesNotDependOnTheServersCulture()
    {
        var spec = Spec([Area("A", 1234.5, lower: 1000.25, upper: 1500)]);
        var invariant = WithCulture("en-GB", () => BarChart.Render(spec));

        var german = WithCulture("de-DE", () => BarChart.Render(spec));

        german.Should().Be(invariant);
        german.Should().Contain("1,234.5 (95% CI 1,000.3–1,500.0)");
    }

    private static string WithCulture(string name, Func<string> render)
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(name);
            return render();
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }
}
