using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Profiles;
using MhEmployment.Web.Features.Statistics;
using MhEmployment.Web.Infrastructure;
using Microsoft.Extensions.Configuration;
using static MhEmployment.UnitTests.Profiles.ProfileWorld;

namespace MhEmployment.UnitTests.Profiles;

public sealed class ThemeSelectionTests
{
    /// <summary>
    /// Hackney's dashboard with seven indicators in three themes (none in Prevalence): Benefits with a Worse rate,
    /// a Similar one and a count (not compared); Employment with a Better rate and a gap in the best quintile;
    /// Services with a Higher figure (no judgement) and one with no England value (not compared).
    /// </summary>
    private static AreaProfile Dashboard()
    {
        var world = new ProfileWorld();
        var worse = world.Indicator("claimants", theme: IndicatorTheme.Benefits);
        world.Value(worse, England, 2020, 200_000, 1_000_000);   // 20%
        world.Value(worse, Hackney, 2020, 3_000, 10_000);        // 30%
        var similar = world.Indicator("long-term-claimants", theme: IndicatorTheme.Benefits);
        world.Value(similar, England, 2020, 200_000, 1_000_000);
        world.Value(similar, Hackney, 2020, 2_000, 10_000);
        var count = world.Indicator("claimant-count", IndicatorValueType.Count, Polarity.NoJudgement, ComparisonMethod.None,
            IntervalMethod.None, theme: IndicatorTheme.Benefits, multiplier: 1, unit: IndicatorUnit.Count);
        world.Value(count, England, 2020, null, null, value: 200_000);
        world.Value(count, Hackney, 2020, null, null, value: 3_000);
        var better = world.Indicator("employment", polarity: Polarity.HighIsGood, theme: IndicatorTheme.Employment);
        world.Value(better, England, 2020, 700_000, 1_000_000);  // 70%
        world.Value(better, Hackney, 2020, 8_000, 10_000);       // 80%
        var gap = world.Indicator("gap", IndicatorValueType.Difference, Polarity.LowIsGood, ComparisonMethod.Quintiles, IntervalMethod.None,
            theme: IndicatorTheme.Employment, unit: IndicatorUnit.PercentagePoints);
        var higher = world.Indicator("prevalence", polarity: Polarity.NoJudgement, theme: IndicatorTheme.Services);
        world.Value(higher, England, 2020, 100_000, 1_000_000);  // 10%
        world.Value(higher, Hackney, 2020, 2_000, 10_000);       // 20%
        var noBenchmark = world.Indicator("access", theme: IndicatorTheme.Services);
        world.Value(noBenchmark, Hackney, 2020, 500, 1_000);
        for (var n = 1; n <= 9; n++)
        {
            var code = $"E090000{40 + n}";
            world.AddArea(code, $"Borough {n}", AreaKind.LondonBorough, London);
            world.Value(gap, code, 2020, null, null, value: n);
        }
        world.Value(gap, Hackney, 2020, null, null, value: 1.5);
        return AreaProfileBuilder.Build(world.Snapshot(), world.Area(Hackney), BenchmarkChoice.Default, ComparisonGroup.UpperTier);
    }

    [Fact]
    public void TheSummary_CountsEachThemesIndicatorsByTheirStanding_InTheDashboardsOrder()
    {
        var selection = ThemeSelection.For(Dashboard(), null, allThemesUpTo: 60);

        selection.Themes.Should().Equal(
            new ThemeSummary(IndicatorTheme.Benefits, 3, Better: 0, Similar: 1, Worse: 1, HigherOrLower: 0, InQuintiles: 0, NotCompared: 1),
            new ThemeSummary(IndicatorTheme.Employment, 2, Better: 1, Similar: 0, Worse: 0, HigherOrLower: 0, InQuintiles: 1, NotCompared: 0),
            new ThemeSummary(IndicatorTheme.Services, 2, Better: 0, Similar: 0, Worse: 0, HigherOrLower: 1, InQuintiles: 0, NotCompared: 1));
        selection.Total.Should().Be(7);
    }

    [Fact]
    public void AQuintilesBest_IsCountedInQuintiles_NotAsBetterThanTheBenchmark()
    {
        var gap = Dashboard().Rows.Single(r => r.Indicator.Key == "gap");

        gap.Result.Label.Should().Be(Quintiles.Best);
        ThemeSelection.StandingOf(gap).Should().Be(Standing.InQuintiles);
    }

    [Fact]
    public void NoTheme_WithAsManyIndicatorsAsTheLimit_ShowsEveryTheme()
    {
        var selection = ThemeSelection.For(Dashboard(), "  ", allThemesUpTo: 7);

        selection.ShowsAll.Should().BeTrue();
        selection.Shown.Select(g => g.Key).Should().Equal(IndicatorTheme.Benefits, IndicatorTheme.Employment, IndicatorTheme.Services);
        selection.ShownCount.Should().Be(7);
        (selection.Problem, selection.Chosen).Should().Be((null, null));
    }

    [Fact]
    public void NoTheme_WithMoreIndicatorsThanTheLimit_ShowsTheFirstThemeThatHasIndicators()
    {
        var profile = Dashboard();

        var selection = ThemeSelection.For(profile, null, allThemesUpTo: 6);

        selection.Selected.Should().Be(IndicatorTheme.Benefits, "Prevalence comes first but Hackney has no indicators in it");
        selection.Shown.Single().Should().Equal(profile.Rows.Where(r => r.Indicator.Theme == IndicatorTheme.Benefits), "the rows in the dashboard's order");
        selection.ShownCount.Should().Be(3);
        selection.Themes.Should().HaveCount(3, "the summary still lists every theme");
        (selection.Problem, selection.Chosen).Should().Be((null, null));
    }

    [Theory]
    [InlineData("employment")]
    [InlineData(" Employment ")]
    public void ATheme_ShowsThatThemeOnly_WhateverTheLimit(string requested)
    {
        var selection = ThemeSelection.For(Dashboard(), requested, allThemesUpTo: 60);

        selection.Selected.Should().Be(IndicatorTheme.Employment);
        selection.Shown.Single().Select(r => r.Indicator.Key).Should().Equal("employment", "gap");
        selection.Chosen.Should().Be("employment");
        selection.Problem.Should().BeNull();
    }

    [Theory]
    [InlineData("all")]
    [InlineData("ALL")]
    public void All_ShowsEveryTheme_EvenAboveTheLimit(string requested)
    {
        var selection = ThemeSelection.For(Dashboard(), requested, allThemesUpTo: 0);

        selection.ShowsAll.Should().BeTrue();
        selection.ShownCount.Should().Be(7);
        selection.Chosen.Should().Be(ThemeSelection.All);
    }

    [Theory]
    [InlineData("jobs")]
    [InlineData("1")]
    public void AnUnknownTheme_ShowsTheDefault_AndSaysWhatTheThemesAre(string requested)
    {
        var small = ThemeSelection.For(Dashboard(), requested, allThemesUpTo: 60);
        var large = ThemeSelection.For(Dashboard(), requested, allThemesUpTo: 2);

        small.ShowsAll.Should().BeTrue();
        small.Problem.Should().Be($"'{requested}' is not a theme; choose one of prevalence, benefits, employment, services or all, so every theme is shown.");
        small.Chosen.Should().BeNull("an unknown theme is not kept when the reader changes the benchmark");
        large.Selected.Should().Be(IndicatorTheme.Benefits);
        large.Problem.Should().EndWith("so Benefits and worklessness is shown.");
    }

    [Fact]
    public void AThemeTheAreaHasNoIndicatorsIn_ShowsTheDefault_AndSaysSo()
    {
        var selection = ThemeSelection.For(Dashboard(), "prevalence", allThemesUpTo: 60);

        selection.ShowsAll.Should().BeTrue();
        selection.Problem.Should().Be("Hackney has no indicators with values in Prevalence of mental ill-health, so every theme is shown.");
    }

    [Fact]
    public void ADashboardWithoutIndicators_HasNoThemes_AndShowsNothing()
    {
        var world = new ProfileWorld();
        var empty = AreaProfileBuilder.Build(world.Snapshot(), world.Area(Hackney), BenchmarkChoice.Default, ComparisonGroup.UpperTier);

        var selection = ThemeSelection.For(empty, null, allThemesUpTo: 0);

        selection.Themes.Should().BeEmpty();
        selection.Shown.Should().BeEmpty();
        selection.ShowsAll.Should().BeTrue();
    }

    [Theory]
    [InlineData(null, 60)]
    [InlineData("", 60)]
    [InlineData("12", 12)]
    [InlineData("0", 0)]
    public void TheLimit_IsReadFromConfiguration_WithADefaultOf60(string? configured, int expected)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Dashboards:AllThemesUpTo"] = configured }).Build();

        DashboardPageSettings.From(configuration).AllThemesUpTo.Should().Be(expected);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("sixty")]
    public void ALimitThatIsNotAWholeNumber_StopsTheAppWithAMessageNamingTheSetting(string configured)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Dashboards:AllThemesUpTo"] = configured }).Build();

        var read = () => DashboardPageSettings.From(configuration);

        read.Should().Throw<ConfigurationProblemException>().WithMessage($"Dashboards:AllThemesUpTo is '{configured}'; it must be a whole number*");
    }
}
