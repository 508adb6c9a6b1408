using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Profiles;
using MhEmployment.Web.Features.Statistics;
using static MhEmployment.UnitTests.Profiles.ProfileWorld;

namespace MhEmployment.UnitTests.Profiles;

/// <summary>The dashboards' engine follows each indicator's interval and comparison methods, and never compares counts.</summary>
public sealed class IndicatorMethodsTests
{
    private static ProfileRow Row(ProfileWorld world, string code = Hackney) =>
        AreaProfileBuilder.Build(world.Snapshot(), world.Area(code), BenchmarkChoice.Default, ComparisonGroup.UpperTier).Rows.Single();

    /// <summary>Counts as MHSDS publishes them for ICBs: no denominator, England's total far above any area's.</summary>
    private static ProfileWorld Counts(ComparisonMethod comparison, IntervalMethod interval = IntervalMethod.None)
    {
        var world = new ProfileWorld();
        var referrals = world.Indicator("referrals", IndicatorValueType.Count, Polarity.NoJudgement, comparison, interval,
            multiplier: 1, unit: IndicatorUnit.Count);
        world.Value(referrals, England, 2024, null, null, value: 13_706);
        world.Value(referrals, Hackney, 2024, null, null, value: 495);
        world.Value(referrals, Camden, 2024, null, null, value: 300);
        world.Value(referrals, Islington, 2024, null, null, value: 410);
        world.Value(referrals, Kent, 2024, null, null, value: 1_200);
        world.Value(referrals, Cumberland, 2024, null, null, value: 350);
        return world;
    }

    [Theory]
    [InlineData(ComparisonMethod.Quintiles)]
    [InlineData(ComparisonMethod.ConfidenceIntervals)]
    [InlineData(ComparisonMethod.None)]
    public void ACount_IsNotComparedWithEnglandsTotal_NorBanded_NorRanked_WhateverTheCatalogueSays(ComparisonMethod method)
    {
        var row = Row(Counts(method));

        row.Result.Label.Should().Be(ComparisonLabels.NotCompared);
        row.Comparison.Basis.Should().Be(ComparisonBasis.None);
        row.Comparison.Plan.Reason.Should().Be("Counts are not compared: areas differ in size.");
        row.Comparison.Spine.Should().BeNull("a spine would pin every area against England's total");
        row.Rank.Should().BeNull("a rank of counts only ranks the areas' sizes");
        row.Narrative.Should().Be(
            "Hackney's figure for referrals, 495 in 2024/25, is a count, not compared with England's because areas differ in size.");
    }

    [Fact]
    public void AWaitingTimeIsNotACount_AndIsBandedAcrossAreas()
    {
        var world = new ProfileWorld();
        var wait = world.Indicator("median-wait", IndicatorValueType.Other, Polarity.NoJudgement, ComparisonMethod.Quintiles, IntervalMethod.None,
            multiplier: 1, unit: IndicatorUnit.Days);
        world.Value(wait, England, 2024, null, null, value: 90);
        foreach (var (area, days) in new[] { (Hackney, 61.0), (Camden, 70.0), (Islington, 80.0), (Kent, 95.0), (Cumberland, 120.0) })
        {
            world.Value(wait, area, 2024, null, null, value: days);
        }

        var row = Row(world);

        row.Result.Label.Should().Be(Quintiles.Lowest);
        row.Comparison.Plan.Reason.Should().BeNull();
        row.Rank.Should().NotBeNull();
        row.Comparison.Spine.Should().NotBeNull();
    }

    [Fact]
    public void ACountWithLimits_IsStillNotCompared()
    {
        var world = new ProfileWorld();
        var people = world.Indicator("people", IndicatorValueType.Count, Polarity.NoJudgement, ComparisonMethod.ConfidenceIntervals,
            IntervalMethod.Byars, multiplier: 1, unit: IndicatorUnit.Count);
        world.Value(people, England, 2024, 13_706, null, value: 13_706);
        world.Value(people, Hackney, 2024, 495, null, value: 495);

        var row = Row(world);

        row.Value.Interval.Should().NotBeNull("a count's own Poisson limits are still shown");
        row.Result.Label.Should().Be(ComparisonLabels.NotCompared, "the interval excludes England's total only because Hackney is smaller");
    }

    [Fact]
    public void ComparisonMethod_DecidesHowARateIsJudged()
    {
        ProfileWorld World(ComparisonMethod method)
        {
            var world = new ProfileWorld();
            var rate = world.Indicator("rate", comparison: method, polarity: Polarity.LowIsGood);
            world.Value(rate, England, 2020, 20_000, 100_000);   // 20%
            world.Value(rate, Hackney, 2020, 3_000, 10_000);     // 30%: the highest
            world.Value(rate, Camden, 2020, 1_000, 10_000);
            world.Value(rate, Islington, 2020, 1_500, 10_000);
            world.Value(rate, Kent, 2020, 2_000, 10_000);
            world.Value(rate, Cumberland, 2020, 2_500, 10_000);
            return world;
        }

        var intervals = Row(World(ComparisonMethod.ConfidenceIntervals));
        var quintiles = Row(World(ComparisonMethod.Quintiles));
        var none = Row(World(ComparisonMethod.None));

        intervals.Result.Label.Should().Be(ComparisonLabels.Worse);
        quintiles.Result.Label.Should().Be(Quintiles.Worst, "low is good, and Hackney has the highest value of the five");
        none.Result.Label.Should().Be(ComparisonLabels.NotCompared);
        none.Comparison.Plan.Reason.Should().Be("This indicator is not compared with a benchmark.");
        none.Rank.Should().Be(new Rank(1, 5), "a rate not tested against a benchmark still has a place among areas");
        none.Comparison.Spine.Should().NotBeNull();
    }

    [Fact]
    public void IntervalMethod_ExactPoisson_GivesExactLimitsForARateWhereByarsGivesItsApproximation()
    {
        ProfileRow RowWith(IntervalMethod method)
        {
            var world = new ProfileWorld();
            var rate = world.Indicator("campylobacter", IndicatorValueType.CrudeRate, interval: method, multiplier: 100_000, unit: IndicatorUnit.RatePer100000);
            world.Value(rate, England, 2020, 60_000, 56_000_000);
            world.Value(rate, Hackney, 2020, 300, 280_000);
            return Row(world);
        }

        var exact = RowWith(IntervalMethod.ExactPoisson).Value.Interval!;
        var byars = RowWith(IntervalMethod.Byars).Value.Interval!;

        var expected = PoissonLimits.Exact(300, ConfidenceLevel.NinetyFive)!.Value;
        exact.Lower95.Should().BeApproximately(expected.Lower / 280_000 * 100_000, 1e-9);
        exact.Upper95.Should().BeApproximately(expected.Upper / 280_000 * 100_000, 1e-9);
        var byarsLower = PoissonLimits.Byars(300, IntervalOptions.Default.Z95)!.Value.Lower / 280_000 * 100_000;
        byars.Lower95.Should().BeApproximately(byarsLower, 1e-9);
        exact.Lower95.Should().NotBeApproximately(byars.Lower95, 1e-6, "at 300 events the two methods differ");
    }

    [Theory]
    [InlineData(IntervalMethod.ExactPoisson, true)]
    [InlineData(IntervalMethod.Byars, false)]
    [InlineData(IntervalMethod.None, null)]
    public void ACountsOwnLimits_FollowItsIntervalMethod(IntervalMethod method, bool? exact)
    {
        var world = new ProfileWorld();
        var people = world.Indicator("people", IndicatorValueType.Count, Polarity.NoJudgement, ComparisonMethod.None, method,
            multiplier: 1, unit: IndicatorUnit.Count);
        world.Value(people, Hackney, 2024, 40, null, value: 40);

        var interval = Row(world).Value.Interval;

        if (exact is null)
        {
            interval.Should().BeNull();
            return;
        }
        var expected = exact.Value ? PoissonLimits.Exact(40, ConfidenceLevel.NinetyNinePointEight)!.Value
            : PoissonLimits.Byars(40, IntervalOptions.Default.Z998)!.Value;
        interval!.Lower998.Should().BeApproximately(expected.Lower, 1e-9);
        interval.Upper998.Should().BeApproximately(expected.Upper, 1e-9);
    }

    [Fact]
    public void SuppliedNinetyFivePercentLimits_AreKept_AndTheMissing998LimitsComputedByTheIndicatorsMethod()
    {
        var world = new ProfileWorld();
        var rate = world.Indicator("rate", IndicatorValueType.CrudeRate, interval: IntervalMethod.ExactPoisson, multiplier: 100_000, unit: IndicatorUnit.RatePer100000);
        world.Value(rate, Hackney, 2020, 50, 100_000, supplied: (37.0, 66.0));

        var interval = Row(world).Value.Interval!;

        interval.Lower95.Should().Be(37.0);
        interval.Lower998.Should().BeApproximately(PoissonLimits.Exact(50, ConfidenceLevel.NinetyNinePointEight)!.Value.Lower, 1e-9);
    }
}
