using FluentAssertions;
using MhEmployment.UnitTests.Profiles;
using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.NeedsAssets;
using MhEmployment.Web.Features.Profiles;
using MhEmployment.Web.Features.Statistics;
using Xunit;

namespace MhEmployment.UnitTests.NeedsAssets;

/// <summary>
/// A worked example computed by hand. Five London boroughs have values for two scored indicators:
///   gap (low is good):   Hackney 10, Camden 6, Islington 8, Lambeth 4, Newham 12: mean 8, SD √8 = 2.8284
///   rate (high is good): Hackney 70, Camden 80, Islington 75, Lambeth 75, Newham 65: mean 73, SD √26 = 5.0990
/// z (signed so that more need is higher), gap then rate:
///   Hackney +0.7071 +0.5883; Camden −0.7071 −1.3728; Islington 0 −0.3922; Lambeth −1.4142 −0.3922; Newham +1.4142 +1.5689
/// Equal weights give the composites Hackney +0.6477, Camden −1.0400, Islington −0.1961, Lambeth −0.9032, Newham +1.4916,
/// so by terciles (as dplyr's ntile: 2 low, 2 medium, 1 high) Camden and Lambeth are low, Islington and Hackney medium,
/// Newham high. Kent and Cumberland (upper tier, no values) have insufficient data; Cumbria (abolished) is not scored.
/// </summary>
public sealed class NeedScoresTests
{
    private const string Lambeth = "E09000022";
    private const string Newham = "E09000025";
    private static readonly BenchmarkChoice England = BenchmarkChoice.Default;

    private readonly ProfileWorld world = new();
    private readonly Indicator gap;
    private readonly Indicator rate;
    private readonly Indicator count;
    private readonly Indicator noJudgement;

    public NeedScoresTests()
    {
        world.AddArea(Lambeth, "Lambeth", AreaKind.LondonBorough, ProfileWorld.London);
        world.AddArea(Newham, "Newham", AreaKind.LondonBorough, ProfileWorld.London);
        gap = world.Indicator("gap", IndicatorValueType.Proportion, Polarity.LowIsGood);
        rate = world.Indicator("rate", IndicatorValueType.Proportion, Polarity.HighIsGood);
        count = world.Indicator("claimants", IndicatorValueType.Count, Polarity.LowIsGood, ComparisonMethod.None, IntervalMethod.None, multiplier: 1,
            unit: IndicatorUnit.Count);
        noJudgement = world.Indicator("share", IndicatorValueType.Proportion, Polarity.NoJudgement);
        Values(gap, (ProfileWorld.Hackney, 10), (ProfileWorld.Camden, 6), (ProfileWorld.Islington, 8), (Lambeth, 4), (Newham, 12));
        Values(rate, (ProfileWorld.Hackney, 70), (ProfileWorld.Camden, 80), (ProfileWorld.Islington, 75), (Lambeth, 75), (Newham, 65));
        Values(count, (ProfileWorld.Hackney, 900), (ProfileWorld.Camden, 100), (ProfileWorld.Islington, 500), (Lambeth, 700), (Newham, 300));
        Values(noJudgement, (ProfileWorld.Hackney, 1), (ProfileWorld.Camden, 2), (ProfileWorld.Islington, 3), (Lambeth, 4), (Newham, 5));
        world.Value(gap, ProfileWorld.OldCounty, 2020, null, null, 50); // abolished: never in the spread, never scored
    }

    [Fact]
    public void WorkedExample_ZScoresCompositesLevelsAndPercentiles_AsComputedByHand()
    {
        var needs = Calculate((gap, 1), (rate, 1), (count, 1), (noJudgement, 1));

        Z(needs, ProfileWorld.Hackney, gap).Should().BeApproximately(0.7071, 1e-4);
        Z(needs, ProfileWorld.Hackney, rate).Should().BeApproximately(0.5883, 1e-4);
        Z(needs, Newham, rate).Should().BeApproximately(1.5689, 1e-4);
        Z(needs, ProfileWorld.Islington, gap).Should().BeApproximately(0, 1e-9);
        Score(needs, ProfileWorld.Hackney).Should().BeApproximately(0.6477, 1e-4);
        Score(needs, ProfileWorld.Camden).Should().BeApproximately(-1.0400, 1e-4);
        Score(needs, ProfileWorld.Islington).Should().BeApproximately(-0.1961, 1e-4);
        Score(needs, Lambeth).Should().BeApproximately(-0.9032, 1e-4);
        Score(needs, Newham).Should().BeApproximately(1.4916, 1e-4);
        Need(needs, Newham).Level.Should().Be(NeedLevel.High);
        Need(needs, ProfileWorld.Hackney).Level.Should().Be(NeedLevel.Medium);
        Need(needs, ProfileWorld.Islington).Level.Should().Be(NeedLevel.Medium);
        Need(needs, Lambeth).Level.Should().Be(NeedLevel.Low);
        Need(needs, ProfileWorld.Camden).Level.Should().Be(NeedLevel.Low);
        Need(needs, ProfileWorld.Hackney).Percentile.Should().Be(0.75);
        Need(needs, Newham).Percentile.Should().Be(1);
        Need(needs, ProfileWorld.Camden).Percentile.Should().Be(0);
    }

    [Fact]
    public void CountsAndIndicatorsWithoutPolarity_AreShownButNotScored_AndConfidenceCountsOnlyScoredOnes()
    {
        var hackney = Need(Calculate((gap, 1), (rate, 1), (count, 1), (noJudgement, 1)), ProfileWorld.Hackney);

        hackney.Indicators.Should().HaveCount(4);
        hackney.Indicators.Single(i => i.Indicator.Key == "claimants").Should().Match<IndicatorNeed>(i => !i.Scored && i.Z == null && i.HasValue);
        hackney.Indicators.Single(i => i.Indicator.Key == "share").Scored.Should().BeFalse();
        (hackney.Available, hackney.Scored).Should().Be((2, 2));
        NeedsAssetsText.Confidence(hackney).Should().Be("2 of 2 indicators");
    }

    [Fact]
    public void AnAreaWithNoValues_HasInsufficientData_NotAScoreOfZero()
    {
        var needs = Calculate((gap, 1), (rate, 1));

        var kent = Need(needs, ProfileWorld.Kent);
        kent.Score.Should().BeNull();
        kent.Level.Should().Be(NeedLevel.InsufficientData);
        kent.Percentile.Should().BeNull();
        NeedsAssetsText.Confidence(kent).Should().Be("0 of 2 indicators");
        NeedsAssetsText.Level(kent.Level).Should().Be("Insufficient data");
    }

    [Fact]
    public void Confidence_SaysWhetherIndicatorsAreLinkedButWithoutData_OrNotLinkedAtAll()
    {
        var onlyUnscored = Need(Calculate((count, 1), (noJudgement, 1)), ProfileWorld.Hackney);
        var none = Need(Calculate(), ProfileWorld.Hackney);

        NeedsAssetsText.Confidence(onlyUnscored).Should().Be("no linked indicator has values for enough areas");
        NeedsAssetsText.Confidence(none).Should().Be("no indicator linked");
    }

    [Fact]
    public void AnAbolishedArea_IsNeverScoredWithCurrentOnes_NorInTheirSpread()
    {
        var needs = Calculate((gap, 1), (rate, 1));

        needs.Should().NotContain(n => n.Area.Code == ProfileWorld.OldCounty);
        Z(needs, ProfileWorld.Hackney, gap).Should().BeApproximately(0.7071, 1e-4); // Cumbria's 50 would have moved the mean
    }

    [Fact]
    public void ChangingAWeight_ChangesTheOrderAsExpected()
    {
        // Equal weights: Camden (−1.04) has less need than Lambeth (−0.90). On the gap alone Lambeth (−1.41) is below Camden (−0.71).
        var equal = Calculate((gap, 1), (rate, 1));
        var gapOnly = Calculate((gap, 1), (rate, 0));

        Score(equal, ProfileWorld.Camden).Should().BeLessThan(Score(equal, Lambeth));
        Score(gapOnly, Lambeth).Should().BeApproximately(-1.4142, 1e-4);
        Score(gapOnly, ProfileWorld.Camden).Should().BeApproximately(-0.7071, 1e-4);
        Need(gapOnly, Lambeth).Percentile.Should().Be(0);
        Need(gapOnly, ProfileWorld.Camden).Percentile.Should().Be(0.25);
        // A weight of 3 on the gap: (3 × 0.7071 + 0.5883) / 4 for Hackney.
        Score(Calculate((gap, 3), (rate, 1)), ProfileWorld.Hackney).Should().BeApproximately(0.6774, 1e-4);
    }

    [Theory]
    [InlineData(0.5, 1, true)]
    [InlineData(1.0, 1, false)]
    [InlineData(1.0, 2, true)]
    public void TheSchemesMinimumShare_DecidesWhetherAPartialAreaIsScored(double minimumShare, int available, bool scored)
    {
        var area = world.Area(ProfileWorld.Hackney);
        var indicators = new[] { Need(0.5), available == 2 ? Need(1.5) : Need(null) };

        NeedScores.Composite(indicators, new NeedRules(MinimumShare: minimumShare)).HasValue.Should().Be(scored);
        area.Should().NotBeNull();
    }

    [Fact]
    public void ThresholdRule_UsesTheSchemesCutOffs()
    {
        var rules = new NeedRules(NeedLevelRule.Thresholds, HighFrom: 1.0, LowTo: -1.0);

        NeedScores.LevelOf(1.0, [], rules).Should().Be(NeedLevel.High);
        NeedScores.LevelOf(0.99, [], rules).Should().Be(NeedLevel.Medium);
        NeedScores.LevelOf(-1.0, [], rules).Should().Be(NeedLevel.Low);
        NeedScores.LevelOf(null, [], rules).Should().Be(NeedLevel.InsufficientData);
    }

    [Fact]
    public void TiedScores_ShareALevel()
    {
        double[] sorted = [1, 1, 1, 1, 2, 3];

        NeedScores.LevelOf(1, sorted, new NeedRules()).Should().Be(NeedLevel.Low);
        NeedScores.Percentile(1, sorted).Should().Be(0);
    }

    [Theory]
    [InlineData(ComparisonLabels.Worse, TrendLabels.IncreasingAndGettingWorse, true)]
    [InlineData(ComparisonLabels.Worse, TrendLabels.DecreasingAndGettingWorse, true)]
    [InlineData(ComparisonLabels.Worse, TrendLabels.NoSignificantChange, false)]
    [InlineData(ComparisonLabels.Similar, TrendLabels.IncreasingAndGettingWorse, false)]
    [InlineData(ComparisonLabels.Worse, TrendLabels.IncreasingAndGettingBetter, false)]
    public void RedRed_IsSignificantlyWorseAndGettingWorse(string comparison, string trend, bool redRed)
    {
        var area = world.Area(ProfileWorld.Hackney);
        var value = new ResolvedValue(area.Code, new PeriodKey(new DateOnly(2022, 4, 1), new DateOnly(2023, 3, 31)), "2022/23", 5, null, null,
            null, IntervalSource.None, null, 1);
        var need = new IndicatorNeed(gap, 1, null, new AreaResult(area, value, comparison, null), new TrendResult(trend), 1, true);

        need.RedRed.Should().Be(redRed);
    }

    private IndicatorNeed Need(double? z) => new(gap, 1, null, null, null, z, true);

    private IReadOnlyList<DomainNeed> Calculate(params (Indicator Indicator, double Weight)[] links) =>
        NeedScores.Calculate(world.Snapshot(), ComparisonGroup.UpperTier, England,
            [new DomainEvidence(1, 3, "(Re)employment", [.. links.Select(l => new WeightedIndicator(l.Indicator.Id, l.Weight))])], new NeedRules());

    private void Values(Indicator indicator, params (string Area, double Value)[] values)
    {
        foreach (var (area, value) in values)
        {
            world.Value(indicator, area, 2022, null, null, value);
        }
    }

    private static DomainNeed Need(IReadOnlyList<DomainNeed> needs, string code) => needs.Single(n => n.Area.Code == code);

    private static double Score(IReadOnlyList<DomainNeed> needs, string code) => Need(needs, code).Score!.Value;

    private static double Z(IReadOnlyList<DomainNeed> needs, string code, Indicator indicator) =>
        Need(needs, code).Indicators.Single(i => i.Indicator.Id == indicator.Id).Z!.Value;
}
