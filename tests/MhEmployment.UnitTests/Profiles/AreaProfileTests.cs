using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Profiles;
using MhEmployment.Web.Features.Statistics;
using static MhEmployment.UnitTests.Profiles.ProfileWorld;

namespace MhEmployment.UnitTests.Profiles;

public sealed class AreaProfileTests
{
    private static AreaProfile Build(ProfileWorld world, string code, BenchmarkChoice? benchmark = null, ComparisonGroup group = ComparisonGroup.UpperTier) =>
        AreaProfileBuilder.Build(world.Snapshot(), world.Area(code), benchmark ?? BenchmarkChoice.Default, group);

    [Fact]
    public void AnAreaSignificantlyAboveEngland_IsWorseWhereLowIsGood_WithRankSpineAndNarrative()
    {
        var world = new ProfileWorld();
        var claimants = world.Indicator("claimants");
        world.Value(claimants, England, 2020, 200_000, 1_000_000);   // 20.0%
        world.Value(claimants, London, 2020, 30_000, 150_000);       // 20.0%
        world.Value(claimants, Hackney, 2020, 3_000, 10_000);        // 30.0%
        world.Value(claimants, Camden, 2020, 1_000, 10_000);         // 10.0%
        world.Value(claimants, Islington, 2020, 2_000, 10_000);      // 20.0%

        var row = Build(world, Hackney).Rows.Single();

        row.Result.Label.Should().Be(ComparisonLabels.Worse);
        row.Result.Label998.Should().Be(ComparisonLabels.Worse);
        row.Value.IntervalSource.Should().Be(IntervalSource.Computed);
        row.Value.Interval!.Lower95.Should().BeApproximately(29.11, 0.01); // Wilson, 3,000 of 10,000
        row.Comparison.BenchmarkValue!.Value.Should().Be(20);
        row.Rank.Should().Be(new Rank(1, 3));  // the highest of the three boroughs (regions are not upper tier)
        row.Comparison.Spine!.Worst.Should().Be(30);  // low is good: the highest value is the worst end
        row.Comparison.Spine.Best.Should().Be(10);
        row.Narrative.Should().Be(
            "Hackney's figure for claimants, 30.0% in 2020/21, is significantly higher (worse) than England's (20.0%).");
    }

    [Fact]
    public void DashboardsOfAreasInOneSet_ShareEachIndicatorsComparison_WithTheSameAnswersAsTheirOwn()
    {
        var world = new ProfileWorld();
        var claimants = world.Indicator("claimants");
        world.Value(claimants, England, 2020, 200_000, 1_000_000);
        world.Value(claimants, Hackney, 2020, 3_000, 10_000);
        world.Value(claimants, Camden, 2020, 1_000, 10_000);
        world.Value(claimants, London, 2020, 2_000, 10_000);
        var snapshot = world.Snapshot();
        var kept = new Dictionary<string, PeriodComparison>();
        PeriodComparison Share(IndicatorValues indicator, string key, Func<PeriodComparison> build) =>
            kept.TryGetValue(indicator.Indicator.Key + key, out var found) ? found : kept[indicator.Indicator.Key + key] = build();

        var hackney = AreaProfileBuilder.Build(snapshot, world.Area(Hackney), BenchmarkChoice.Default, ComparisonGroup.UpperTier, Share).Rows.Single();
        var camden = AreaProfileBuilder.Build(snapshot, world.Area(Camden), BenchmarkChoice.Default, ComparisonGroup.UpperTier, Share).Rows.Single();
        var alone = AreaProfileBuilder.Build(snapshot, world.Area(Hackney), BenchmarkChoice.Default, ComparisonGroup.UpperTier).Rows.Single();
        var london = AreaProfileBuilder.Build(snapshot, world.Area(London), BenchmarkChoice.Default, ComparisonGroup.UpperTier, Share).Rows.Single();

        camden.Comparison.Should().BeSameAs(hackney.Comparison);
        kept.Should().ContainSingle();
        (hackney.Result.Label, hackney.Rank, hackney.Narrative).Should().Be((alone.Result.Label, alone.Rank, alone.Narrative));
        hackney.Comparison.Results.Select(r => (r.Area.Code, r.Label)).Should().Equal(alone.Comparison.Results.Select(r => (r.Area.Code, r.Label)));
        london.Result.Value.Value.Should().Be(20, "a region, outside the upper-tier set, is judged in a comparison of its own");
        london.Comparison.Should().NotBeSameAs(hackney.Comparison);
    }

    [Fact]
    public void SuppliedLimitsAreKept_AndSaidToBeSupplied()
    {
        var world = new ProfileWorld();
        var i = world.Indicator("supplied");
        world.Value(i, England, 2020, 200, 1_000);
        world.Value(i, Hackney, 2020, 30, 100, supplied: (19.0, 21.5));

        var row = Build(world, Hackney).Rows.Single();

        row.Value.IntervalSource.Should().Be(IntervalSource.Supplied);
        row.Value.Interval!.Lower95.Should().Be(19.0);
        row.Value.Interval.Upper95.Should().Be(21.5);
        row.Result.Label.Should().Be(ComparisonLabels.Similar, "England's 20% lies inside the supplied 19.0–21.5");
    }

    [Fact]
    public void ValuesFingertipsAggregatedFromLowerAreas_GetNoComputedInterval_AndAreNotCompared()
    {
        var world = new ProfileWorld();
        var i = world.Indicator("aggregated");
        world.Value(i, England, 2020, 200, 1_000);
        world.Value(i, London, 2020, 300, 1_000, note: "Aggregated from all known lower geography values");

        var row = Build(world, London, group: ComparisonGroup.Regions).Rows.Single();

        row.Value.IntervalSource.Should().Be(IntervalSource.None);
        row.Result.Label.Should().Be(ComparisonLabels.NotCompared);
    }

    [Fact]
    public void RegionBenchmark_UsesTheRegionsOwnValue()
    {
        var world = new ProfileWorld();
        var i = world.Indicator("by-region");
        world.Value(i, England, 2020, 100, 1_000);  // 10%
        world.Value(i, London, 2020, 300, 1_000);   // 30%
        world.Value(i, Hackney, 2020, 300, 1_000);  // 30%

        var england = Build(world, Hackney).Rows.Single();
        var london = Build(world, Hackney, new BenchmarkChoice([London])).Rows.Single();

        england.Result.Label.Should().Be(ComparisonLabels.Worse);
        london.Result.Label.Should().Be(ComparisonLabels.Similar);
        london.Comparison.BenchmarkName.Should().Be("London");
    }

    [Fact]
    public void ChosenGroup_PoolsItsMembersCountsAndDenominators()
    {
        var world = new ProfileWorld();
        var i = world.Indicator("pooled");
        world.Value(i, Hackney, 2020, 300, 1_000);
        world.Value(i, Camden, 2020, 100, 1_000);
        world.Value(i, Islington, 2020, 200, 3_000);

        var row = Build(world, Hackney, BenchmarkChoice.Parse($"{Camden},{Islington}")).Rows.Single();

        row.Comparison.BenchmarkValue!.Value.Should().BeApproximately(300.0 / 4_000 * 100, 1e-9);
        row.Comparison.BenchmarkValue.Count.Should().Be(300);
        row.Result.Label.Should().Be(ComparisonLabels.Worse);
    }

    [Fact]
    public void ChosenGroup_WithAMemberMissingThePeriod_HasNoBenchmarkRatherThanAPartialOne()
    {
        var world = new ProfileWorld();
        var i = world.Indicator("partial");
        world.Value(i, Hackney, 2020, 300, 1_000);
        world.Value(i, Camden, 2020, 100, 1_000);

        var row = Build(world, Hackney, BenchmarkChoice.Parse($"{Camden},{Islington}")).Rows.Single();

        row.Comparison.BenchmarkValue.Should().BeNull();
        row.Result.Label.Should().Be(ComparisonLabels.NotCompared);
    }

    [Fact]
    public void BenchmarkIsMatchedOnPeriod_NotTakenFromAnotherYear()
    {
        var world = new ProfileWorld();
        var i = world.Indicator("periods");
        world.Value(i, England, 2019, 100, 1_000);
        world.Value(i, Hackney, 2020, 300, 1_000);

        var row = Build(world, Hackney).Rows.Single();

        row.Comparison.BenchmarkValue.Should().BeNull();
        row.Result.Label.Should().Be(ComparisonLabels.NotCompared);
        row.Narrative.Should().Contain("cannot be compared: England has no value for the same period");
    }

    [Fact]
    public void BenchmarkIsMatchedOnSexAndAge()
    {
        var world = new ProfileWorld();
        var i = world.Indicator("slices");
        world.Value(i, England, 2020, 100, 1_000, sex: Sex.Female);
        world.Value(i, Hackney, 2020, 300, 1_000);

        Build(world, Hackney).Rows.Single().Result.Label.Should().Be(ComparisonLabels.NotCompared);
    }

    [Fact]
    public void England_IsNeverComparedWithItself()
    {
        var world = new ProfileWorld();
        var i = world.Indicator("self");
        world.Value(i, England, 2020, 100, 1_000);

        Build(world, England).Rows.Single().Result.Label.Should().Be(ComparisonLabels.NotCompared);
    }

    [Fact]
    public void SuppressedLatestValue_IsShownAsSuppressedWithItsMarker()
    {
        var world = new ProfileWorld();
        var i = world.Indicator("suppressed");
        world.Value(i, England, 2020, 100, 1_000);
        world.Value(i, Hackney, 2019, 30, 100);
        world.Value(i, Hackney, 2020, null, null, note: "*");

        var row = Build(world, Hackney).Rows.Single();

        row.Period.Label.Should().Be("2020/21");
        row.Value.HasValue.Should().BeFalse();
        row.Result.Label.Should().Be(ComparisonLabels.NotCompared);
        row.Narrative.Should().Be("Hackney's figure for suppressed in 2020/21 is suppressed (*).");
    }

    [Fact]
    public void FiveRisingYears_GiveATrendInTheRowAndTheNarrative()
    {
        var world = new ProfileWorld();
        var i = world.Indicator("rising");
        for (var year = 2016; year <= 2020; year++)
        {
            world.Value(i, England, year, 20_000, 100_000);
            world.Value(i, Hackney, year, 1_000 + (year - 2016) * 200, 10_000);
        }

        var row = Build(world, Hackney).Rows.Single();

        row.Trend.Label.Should().Be(TrendLabels.IncreasingAndGettingWorse);
        row.Narrative.Should().EndWith("and has been increasing.");
    }

    [Fact]
    public void QuintileIndicators_AreBandedWithinTheComparisonSet()
    {
        var world = new ProfileWorld();
        var i = world.Indicator("quintiles", comparison: ComparisonMethod.Quintiles, interval: IntervalMethod.None, polarity: Polarity.NoJudgement);
        var codes = new List<string>();
        for (var n = 1; n <= 10; n++)
        {
            var code = $"E090000{40 + n}";
            world.AddArea(code, $"Borough {n}", AreaKind.LondonBorough, London);
            world.Value(i, code, 2020, null, null, value: n);
            codes.Add(code);
        }

        var lowest = AreaProfileBuilder.Build(world.Snapshot(), world.Area(codes[0]), BenchmarkChoice.Default, ComparisonGroup.UpperTier);
        var highest = AreaProfileBuilder.Build(world.Snapshot(), world.Area(codes[9]), BenchmarkChoice.Default, ComparisonGroup.UpperTier);

        lowest.Rows.Single().Result.Label.Should().Be(Quintiles.Lowest);
        highest.Rows.Single().Result.Label.Should().Be(Quintiles.Highest);
        highest.Rows.Single().Narrative.Should().Contain("is in the highest fifth of counties and unitary authorities (upper tier)");
    }

    [Fact]
    public void HeadlineSlice_IsTheIndicatorsOwnSexAndAge_OneRowPerIndicator()
    {
        var world = new ProfileWorld();
        var i = world.Indicator("slices");
        world.Value(i, Hackney, 2020, 10, 100, sex: Sex.Male);
        world.Value(i, Hackney, 2020, 30, 100);
        world.Value(i, Hackney, 2020, 40, 100, age: "18+ yrs");

        var row = Build(world, Hackney).Rows.Single();

        row.Slice.Should().Be(new Slice(Sex.Persons, "16-64 yrs"));
        row.Value.Count.Should().Be(30);
    }

    [Fact]
    public void AbolishedArea_KeepsItsOwnValues_AndItsSuccessorDoesNotInheritThem()
    {
        var world = new ProfileWorld();
        var i = world.Indicator("history");
        world.Value(i, England, 2021, 100, 1_000);
        world.Value(i, England, 2023, 100, 1_000);
        world.Value(i, OldCounty, 2021, 150, 1_000);
        world.Value(i, Cumberland, 2023, 120, 1_000);

        var old = Build(world, OldCounty).Rows.Single();
        var successor = Build(world, Cumberland).Rows.Single();

        old.Period.Label.Should().Be("2021/22");
        old.Value.Count.Should().Be(150);
        old.Rank.Should().Be(new Rank(1, 1), "in 2021 Cumbria is the only upper-tier area with a value here");
        successor.Period.Label.Should().Be("2023/24");
        successor.Value.Count.Should().Be(120);
    }

    [Fact]
    public void RowsAreGroupedByTheme_AndIndicatorsWithoutValuesLeftOut()
    {
        var world = new ProfileWorld();
        var prevalence = world.Indicator("prevalence", theme: IndicatorTheme.Prevalence);
        var services = world.Indicator("services", theme: IndicatorTheme.Services);
        world.Indicator("empty", theme: IndicatorTheme.Employment);
        world.Value(services, Hackney, 2020, 1, 10);
        world.Value(prevalence, Hackney, 2020, 1, 10);

        var profile = Build(world, Hackney);

        profile.ByTheme.Select(g => g.Key).Should().Equal(IndicatorTheme.Prevalence, IndicatorTheme.Services);
    }
}
