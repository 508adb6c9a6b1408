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

    /// <summary>
    /// The real case (Fingertips 91390, 2013-17): 32 London boroughs with intervals between 1.7 and 20.5 per 100,000,
    /// and the City of London, one death, 21.6 (0.5 to 120.2).
    /// </summary>
    private static List<Bar> LondonWithTheCity()
    {
        var bars = new List<Bar> { Area("E09000001", 21.6, lower: 0.5, upper: 120.2, name: "City of London") };
        for (var i = 0; i < 32; i++)
        {
            var value = 4 + i * 0.3;
            bars.Add(Area($"B{i:00}", value, lower: value * 0.45, upper: value * 1.7));
        }
        return bars;
    }

    [Fact]
    public void OneVeryWideInterval_IsCutAtTheAxis_SoTheOtherBarsKeepTheirWidth()
    {
        var spec = Spec(LondonWithTheCity(), benchmark: 10.5);

        var svg = SvgDocument.Parse(BarChart.Render(spec));

        var ticks = svg.WithClass("text", "tick-label").Select(t => double.Parse(t.Value, CultureInfo.InvariantCulture)).ToList();
        ticks[^1].Should().BeLessThanOrEqualTo(30, "the axis follows the bulk of the limits (up to 24.6) and the City's value (21.6), not 120.2");
        BarChart.Clipped(spec).Select(b => b.Name).Should().Equal("City of London");
        var city = svg.WithClass("g", "bar-row").Single(g => (string?)g.Attribute("data-code") == "E09000001");
        city.WithClass("path", "whisker-clip").Should().ContainSingle("an arrow at the edge says the interval goes on");
        var whisker = city.WithClass("path", "whisker").Single().PathNumbers();
        whisker.Max().Should().BeApproximately(BarChart.PlotRight, 0.05, "the line stops at the axis's end");
        ((string)city.WithClass("path", "whisker").Single().Attribute("d")!).Should().NotEndWith("v8", "a cut end has no cap");
        city.TitleText().Should().Be("City of London: 21.6 (95% CI 0.5–120.2), Similar; the interval runs beyond the axis");
        svg.Elements(SvgDocument.Ns + "desc").Single().Value.Should().EndWith(
            $" The axis runs from 0 to {ticks[^1]:0}; one area's interval runs beyond it, marked with an arrow at the edge (City of London, 0.5 to 120.2).");
        svg.WithClass("g", "clip-note").Should().ContainSingle("the arrow is explained under the axis");
        svg.WithClass("g", "bar-row").Where(g => (string?)g.Attribute("data-code") != "E09000001")
            .Should().OnlyContain(g => !g.WithClass("path", "whisker-clip").Any());
    }

    [Fact]
    public void AWideIntervalThatOnlyLengthensTheAxis_IsDrawnWhole()
    {
        // Hammersmith and Fulham in Fingertips 41001: 22.1 (15.1 to 31.0) among intervals reaching about 22.
        var bars = LondonWithTheCity().Skip(1).Append(Area("E09000013", 22.1, lower: 15.1, upper: 31.0)).ToList();
        var spec = Spec(bars, benchmark: 14.7);

        var svg = SvgDocument.Parse(BarChart.Render(spec));

        BarChart.Clipped(spec).Should().BeEmpty();
        svg.WithClass("path", "whisker-clip").Should().BeEmpty();
        svg.WithClass("g", "clip-note").Should().BeEmpty();
        svg.WithClass("text", "tick-label").Last().Value.Should().Be("40");
    }

    [Fact]
    public void WithFewerThanFiveIntervals_NoneIsCut()
    {
        var spec = Spec([Area("A", 5, lower: 4, upper: 6), Area("B", 6, lower: 5, upper: 7), Area("C", 21.6, lower: 0.5, upper: 120.2)], benchmark: null);

        BarChart.Clipped(spec).Should().BeEmpty("with so few areas there is no bulk to judge an outlier by");
        SvgDocument.Parse(BarChart.Render(spec)).WithClass("text", "tick-label").Last().Value.Should().Be("150");
    }

    [Fact]
    public void AValueIsNeverCut_OnlyAWhisker()
    {
        var bars = LondonWithTheCity();
        bars[0] = Area("E09000001", 95, lower: 60, upper: 120.2, name: "City of London");

        var svg = SvgDocument.Parse(BarChart.Render(Spec(bars, benchmark: 10.5)));

        var ticks = svg.WithClass("text", "tick-label").Select(t => double.Parse(t.Value, CultureInfo.InvariantCulture)).ToList();
        ticks[^1].Should().BeGreaterThanOrEqualTo(95);
        var city = svg.WithClass("g", "bar-row").Single(g => (string?)g.Attribute("data-code") == "E09000001");
        var bar = city.WithClass("rect", "bar").Single();
        (bar.Number("x") + bar.Number("width")).Should().BeLessThanOrEqualTo(BarChart.PlotRight + 0.05);
    }

    [Fact]
    public void AFarOutLowerLimit_IsCutAtTheLeftEdge_WithAnArrowPointingLeft()
    {
        var bars = Enumerable.Range(0, 10).Select(i => Area($"A{i}", -2 + i * 0.5, lower: -3 + i * 0.5, upper: -1 + i * 0.5)).ToList();
        bars.Add(Area("FAR", -1, lower: -60, upper: 1));
        var spec = Spec(bars, benchmark: 0);

        var svg = SvgDocument.Parse(BarChart.Render(spec));

        BarChart.Clipped(spec).Select(b => b.Code).Should().Equal("FAR");
        var far = svg.WithClass("g", "bar-row").Single(g => (string?)g.Attribute("data-code") == "FAR");
        var arrow = far.WithClass("path", "whisker-clip").Single().PathNumbers();
        arrow[0].Should().BeApproximately(BarChart.PlotLeft, 0.05);
        arrow[2].Should().BeNegative("the arrow points left, off the axis");
    }

    [Fact]
    public void Units_FollowValuesInTheHoverText_AndTheBenchmarksLabel()
    {
        var spec = Spec([Area("E09000012", 42.1, "Worse", 40.2, 44, name: "Hackney")], benchmark: 31) with { ValueSuffix = " per 1,000" };

        var svg = SvgDocument.Parse(BarChart.Render(spec));

        svg.WithClass("g", "bar-row").Single().TitleText().Should().Be("Hackney: 42.1 per 1,000 (95% CI 40.2–44.0), Worse");
        svg.WithClass("text", "benchmark-label").Single().Value.Should().Be("England: 31.0 per 1,000");
        svg.WithClass("text", "unit-label").Single().Value.Should().Be("% points", "the axis is named by the spec's unit label");
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
