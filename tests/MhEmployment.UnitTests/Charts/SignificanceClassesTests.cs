using System.Text.RegularExpressions;
using MhEmployment.Web.Features.Charts;
using MhEmployment.Web.Features.Statistics;

namespace MhEmployment.UnitTests.Charts;

public sealed partial class SignificanceClassesTests
{
    [Theory]
    [InlineData(ComparisonLabels.Better, "sig-better")]
    [InlineData(ComparisonLabels.Best, "sig-best")]
    [InlineData(ComparisonLabels.Similar, "sig-similar")]
    [InlineData(ComparisonLabels.Worse, "sig-worse")]
    [InlineData(ComparisonLabels.Worst, "sig-worst")]
    [InlineData(ComparisonLabels.Higher, "sig-higher")]
    [InlineData(ComparisonLabels.Lower, "sig-lower")]
    [InlineData(ComparisonLabels.NotCompared, "sig-none")]
    [InlineData(Quintiles.Lowest, "q1")]
    [InlineData(Quintiles.Low, "q2")]
    [InlineData(Quintiles.Middle, "q3")]
    [InlineData(Quintiles.High, "q4")]
    [InlineData(Quintiles.Highest, "q5")]
    [InlineData(" worse ", "sig-worse")]
    [InlineData("Something new", "sig-none")]
    [InlineData("", "sig-none")]
    [InlineData(null, "sig-none")]
    public void For_MapsEveryLabelTheStatisticsProduce(string? label, string expected) =>
        SignificanceClasses.For(label).Should().Be(expected);

    [Theory]
    [InlineData(1, "q1")]
    [InlineData(5, "q5")]
    [InlineData(0, "sig-none")]
    [InlineData(6, "sig-none")]
    [InlineData(null, "sig-none")]
    public void ForBand_GivesTheSequentialScale(int? band, string expected) =>
        SignificanceClasses.ForBand(band).Should().Be(expected);

    [Fact]
    public void EveryClassTheRenderersEmit_HasAColourInChartsCss()
    {
        var css = File.ReadAllText(Path.Combine(RepositoryRoot(), "src/MhEmployment.Web/wwwroot/css/charts.css"));
        var ruled = ClassSelector().Matches(css).Select(m => m.Groups[1].Value).ToHashSet();
        string[] labels = [.. SignificanceClasses_Labels()];

        var classes = labels.Select(SignificanceClasses.For).Append("map-nodata").Distinct();

        classes.Should().OnlyContain(c => ruled.Contains(c));
        css.Should().NotContain("url(", "no external images under the CSP");
    }

    internal static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "MhEmployment.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("Repository root not found.");
    }

    private static IEnumerable<string> SignificanceClasses_Labels() =>
    [
        ComparisonLabels.Better, ComparisonLabels.Best, ComparisonLabels.Similar, ComparisonLabels.Worse, ComparisonLabels.Worst,
        ComparisonLabels.Higher, ComparisonLabels.Lower, ComparisonLabels.NotCompared,
        Quintiles.Lowest, Quintiles.Low, Quintiles.Middle, Quintiles.High, Quintiles.Highest,
    ];

    // A class rule that sets a fill: ".sig-better { fill: ...".
    [GeneratedRegex(@"\.([a-z0-9-]+)\s*\{[^}]*fill:")]
    private static partial Regex ClassSelector();
}
