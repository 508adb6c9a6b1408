using MhEmployment.Web.Features.Charts;

namespace MhEmployment.UnitTests.Charts;

public sealed class TimeSeriesChartTests
{
    private static readonly string[] FivePeriods = ["2019", "2020", "2021", "2022", "2023"];

    private static SeriesPoint Point(double value, string label = "", double? lower = null, double? upper = null) =>
        new(value, lower, upper, label);

    private static TimeSeriesSpec Spec(IReadOnlyList<string> periods, params Series[] series) =>
        new("trend", "Employment rate", "Hackney against England, 2019 to 2023", "%", periods, series);

    private static Series Primary(params SeriesPoint?[] points) => new("Hackney", true, points);

    [Fact]
    public void Chart_IsAWellFormedImage_NamedByItsTitleAndDescription()
    {
        var svg = SvgDocument.Parse(TimeSeriesChart.Render(Spec(FivePeriods, Primary(Point(1), Point(2), Point(3), Point(4), Point(5)))));

        svg.ShouldBeAccessibleImage("trend", "Employment rate", "Hackney against England, 2019 to 2023");
    }

    [Fact]
    public void MissingValues_BreakTheLine()
    {
        var svg = SvgDocument.Parse(TimeSeriesChart.Render(Spec(FivePeriods,
            Primary(Point(1), Point(2), null, Point(4), Point(5)),
            new Series("England", false, [Point(3), Point(3), Point(3), new SeriesPoint(null, null, null, ""), Point(3)]))));

        string Line(string series) =>
            (string)svg.WithClass("g", series).Single().WithClass("path", "series-line").Single().Attribute("d")!;
        var (primary, england) = (Line("primary"), Line("comp-1"));

        primary.Count(c => c == 'M').Should().Be(2);
        primary.Count(c => c == 'L').Should().Be(2);
        england.Count(c => c == 'M').Should().Be(2);
        svg.WithClass("path", "marker").Count(m => m.TitleText() is not null).Should().Be(8, "a marker for every value, none for gaps");
    }

    [Fact]
    public void PrimaryPoints_TakeShapeAndColourFromTheirComparison_WithHoverText()
    {
        var svg = SvgDocument.Parse(TimeSeriesChart.Render(Spec(["2022", "2023"],
            Primary(Point(40, "Better", 38, 42), Point(30, "Worse", 28.5, 31.25)))));

        var markers = svg.WithClass("g", "primary").Single().WithClass("path", "marker").ToList();

        markers.Select(m => (string)m.Attribute("class")!).Should().Equal("marker sig-better", "marker sig-worse");
        markers[0].Attribute("d")!.Value.Should().NotBe(markers[1].Attribute("d")!.Value, "shape repeats what colour says");
        markers[0].TitleText().Should().Be("Hackney, 2022: 40.0 (95% CI 38.0–42.0), Better");
        markers[1].TitleText().Should().Be("Hackney, 2023: 30.0 (95% CI 28.5–31.3), Worse");
    }

    [Fact]
    public void HoverText_GivesEachValueItsUnit()
    {
        var spec = Spec(["2022"], Primary(Point(40, "Better", 38, 42))) with { ValueSuffix = "%" };

        var marker = SvgDocument.Parse(TimeSeriesChart.Render(spec)).WithClass("g", "primary").Single().WithClass("path", "marker").Single();

        marker.TitleText().Should().Be("Hackney, 2022: 40.0% (95% CI 38.0–42.0), Better");
    }

    [Fact]
    public void Whiskers_SpanTheIntervalOnTheValueAxis_CentredOnTheMarker()
    {
        // Highest figure 32 → axis 0..40; an interval 4 wide is a tenth of the plot's height.
        var svg = SvgDocument.Parse(TimeSeriesChart.Render(Spec(["2023"], Primary(Point(30, "Similar", 28, 32)))));

        var whisker = svg.WithClass("path", "whisker").Single().PathNumbers();
        var marker = svg.WithClass("g", "primary").Single().WithClass("path", "marker").Single().Translation();

        // M x-4 ly h8 M x ly V uy M x-4 uy h8
        var (lowerY, upperY) = (whisker[1], whisker[5]);
        (lowerY - upperY).Should().BeApproximately(TimeSeriesChart.PlotHeight * 4 / 40, 0.1);
        ((lowerY + upperY) / 2).Should().BeApproximately(marker.Y, 0.1);
        whisker[3].Should().BeApproximately(marker.X, 0.05);
    }

    [Fact]
    public void Comparators_HaveTheirOwnDashClassesAndMarkers_AndTheLegendNamesEverySeries()
    {
        var flat = new SeriesPoint?[] { Point(3), Point(3), Point(3), Point(3), Point(3) };
        var svg = SvgDocument.Parse(TimeSeriesChart.Render(Spec(FivePeriods,
            Primary(Point(1, "Better"), Point(2, "Similar"), Point(3, "Similar"), Point(4), Point(5)),
            new Series("England", false, flat), new Series("London", false, flat), new Series("Neighbours & peers", false, flat))));

        foreach (var comparator in new[] { "comp-1", "comp-2", "comp-3" })
        {
            svg.WithClass("g", "series").Should().Contain(g => g.HasClass(comparator));
        }
        var comparatorShapes = new[] { "comp-1", "comp-2", "comp-3" }
            .Select(c => (string)svg.WithClass("g", c).Single().WithClass("path", "marker").First().Attribute("d")!);
        comparatorShapes.Should().OnlyHaveUniqueItems();
        svg.WithClass("text", "legend-label").Select(t => t.Value)
            .Should().Equal("Hackney", "England", "London", "Neighbours & peers", "Better", "Similar");
    }

    [Theory]
    [InlineData(10, 10)]
    [InlineData(11, 6)]
    [InlineData(15, 8)]
    [InlineData(40, 10)]
    public void PeriodLabels_AreThinnedBeyondTen_KeepingTheLatest(int periods, int shown)
    {
        var labels = Enumerable.Range(2000, periods).Select(y => y.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var points = labels.Select((_, i) => (SeriesPoint?)Point(i)).ToArray();

        var svg = SvgDocument.Parse(TimeSeriesChart.Render(Spec(labels, Primary(points))));

        var drawn = svg.WithClass("text", "period-label").Select(t => t.Value).ToList();
        drawn.Should().HaveCount(shown);
        drawn[^1].Should().Be(labels[^1]);
        svg.WithClass("line", "tick").Should().HaveCount(periods, "every period keeps its tick");
    }

    [Fact]
    public void TooManyComparators_OrMisalignedPoints_AreRefused()
    {
        var one = new SeriesPoint?[] { Point(1) };
        var four = Enumerable.Range(0, 4).Select(i => new Series($"C{i}", false, one)).ToArray();

        FluentActions.Invoking(() => TimeSeriesChart.Render(Spec(["2023"], four))).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => TimeSeriesChart.Render(Spec(["2022", "2023"], Primary(Point(1))))).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => TimeSeriesChart.Render(Spec(["2023"], Primary(Point(1)), Primary(Point(2))))).Should().Throw<ArgumentException>();
    }
}
