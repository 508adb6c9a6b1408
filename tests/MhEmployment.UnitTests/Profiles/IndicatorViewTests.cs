using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Profiles;
using MhEmployment.Web.Features.Statistics;
using static MhEmployment.UnitTests.Profiles.ProfileWorld;

namespace MhEmployment.UnitTests.Profiles;

public sealed class IndicatorViewTests
{
    private static (ProfileWorld World, Indicator Indicator) World()
    {
        var world = new ProfileWorld();
        var i = world.Indicator("claimants");
        foreach (var year in new[] { 2019, 2020 })
        {
            world.Value(i, England, year, 20_000, 100_000);
            world.Value(i, London, year, 3_000, 10_000);
            world.Value(i, Hackney, year, 300, 1_000);
            world.Value(i, Camden, year, 100, 1_000);
            world.Value(i, Islington, year, 200, 1_000);
            world.Value(i, Kent, year, 500, 2_000);
        }
        return (world, i);
    }

    private static IndicatorView Build(ProfileWorld world, AreaSort sort = AreaSort.Value, string? area = null, PeriodKey? period = null,
        BenchmarkChoice? benchmark = null, ComparisonGroup group = ComparisonGroup.UpperTier)
    {
        var snapshot = world.Snapshot();
        return IndicatorViewBuilder.Build(snapshot, snapshot.Indicators[0], null, period, group, benchmark ?? BenchmarkChoice.Default, sort, area)!;
    }

    [Fact]
    public void AreasAreSortedByValue_HighestFirst_OrByName()
    {
        var (world, _) = World();
        Build(world).Sorted.Select(r => r.Area.Name).Should().Equal("Hackney", "Kent", "Islington", "Camden");
        Build(world, AreaSort.Name).Sorted.Select(r => r.Area.Name).Should().Equal("Camden", "Hackney", "Islington", "Kent");
    }

    [Fact]
    public void DefaultsToTheLatestPeriod_AndAnEarlierOneCanBeChosen()
    {
        var (world, _) = World();
        Build(world).Comparison.Period.Label.Should().Be("2020/21");
        Build(world, period: new PeriodKey(new DateOnly(2019, 4, 1), new DateOnly(2020, 3, 31))).Comparison.Period.Label.Should().Be("2019/20");
    }

    [Fact]
    public void InRegionGroup_KeepsOnlyThatRegionsAreas()
    {
        var (world, _) = World();
        var view = Build(world, area: Hackney, group: ComparisonGroup.UpperTierInRegion, benchmark: new BenchmarkChoice([London]));
        view.Comparison.ComparisonSet.Select(r => r.Area.Code).Should().BeEquivalentTo([Hackney, Camden, Islington]);
        view.Comparison.Find(Camden)!.Label.Should().Be(ComparisonLabels.Better);
    }

    [Fact]
    public void TimeSeries_FollowsTheChosenAreaWithEnglandAndItsRegion()
    {
        var (world, _) = World();
        var view = Build(world, area: Hackney);

        view.Series.Select(s => s.Name).Should().Equal("Hackney", "England", "London");
        view.Series[0].IsPrimary.Should().BeTrue();
        view.Series[0].Points.Select(p => p.Label).Should().Equal(ComparisonLabels.Worse, ComparisonLabels.Worse);
        view.Series[1].Points.Select(p => p.Value!.Value).Should().Equal(20.0, 20.0);
    }

    [Fact]
    public void UpperTierMapData_IsAvailableWhateverGroupTheChartUses()
    {
        var (world, _) = World();
        var view = Build(world, group: ComparisonGroup.Regions);
        view.Comparison.ComparisonSet.Select(r => r.Area.Code).Should().Equal(London);
        view.UpperTier.ComparisonSet.Should().HaveCount(4);
    }

    [Fact]
    public void Overview_IsTheRegionsAreasAgainstEngland()
    {
        var (world, _) = World();
        var overview = OverviewBuilder.Build(world.Snapshot(), world.Area(London), BenchmarkChoice.Default);

        overview.Areas.Select(a => a.Name).Should().Equal("Camden", "Hackney", "Islington");
        var column = overview.Columns.Single();
        overview.Cell(column, world.Area(Hackney))!.Label.Should().Be(ComparisonLabels.Worse);
        overview.Cell(column, world.Area(Camden))!.Label.Should().Be(ComparisonLabels.Better);
        overview.Cell(column, world.Area(Kent)).Should().BeNull();
    }
}
