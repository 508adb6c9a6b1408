using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Assets;
using MhEmployment.Web.Features.NeedsAssets;
using MhEmployment.Web.Features.Profiles;
using MhEmployment.Web.Features.Statistics;

namespace MhEmployment.UnitTests.NeedsAssets;

public sealed class PriorityProposalTests
{
    private static readonly ItemRef Ips = new(31, "cmht-ips", 3, 1, "Community mental health teams with IPS", false);
    private static readonly SnapshotArea Hackney = new("E09000012", "Hackney", AreaKind.LondonBorough, "E12000007", "E12000007", null, []);

    private static ItemCoverage Item(CoverageStatus status, int? best, int? analysis = null, bool analysed = false, params int[] assetIds) =>
        new(Ips, [.. assetIds.Select(id => new CoveringAsset(
            new CoverageAsset(id, $"Asset {id}", "Provider", best, null, null, [Ips.Id], [Hackney.Code]), new ServingArea(Hackney.Code, "Hackney", ServingRelation.Own)))],
            best, status, analysis, analysed, null);

    [Theory]
    [InlineData(CoverageStatus.Covered, 1, PriorityAction.ProtectAndPromote)]
    [InlineData(CoverageStatus.PartlyCovered, 2, PriorityAction.ScaleUpOrTarget)]
    [InlineData(CoverageStatus.Inadequate, 3, PriorityAction.NewPriorityAction)]
    [InlineData(CoverageStatus.Gap, null, PriorityAction.NewPriorityAction)]
    [InlineData(CoverageStatus.NotRated, null, null)]
    public void ActionFor_FollowsTheGuidancesNextStepForTheItemsRating(CoverageStatus status, int? best, PriorityAction? expected)
    {
        PriorityProposal.ActionFor(Item(status, best)).Should().Be(expected);
    }

    [Fact]
    public void ActionFor_TakesTheLatestRagAnalysisBeforeTheAssetsRating()
    {
        PriorityProposal.ActionFor(Item(CoverageStatus.Covered, 1, analysis: 2, analysed: true)).Should().Be(PriorityAction.ScaleUpOrTarget);
        PriorityProposal.ActionFor(Item(CoverageStatus.Covered, 1, analysis: null, analysed: true)).Should().Be(PriorityAction.NewPriorityAction);
    }

    [Fact]
    public void From_ProposesTheItemsAssets_AndTheRedRedIndicatorsWhenThereAreAny()
    {
        var worsening = Need("esa", ComparisonLabels.Worse, TrendLabels.IncreasingAndGettingWorse);
        var need = new DomainNeed(Hackney, new DomainEvidence(103, 3, "(Re)employment", []),
            [worsening, Need("ascof", ComparisonLabels.Worse, "No significant change"), Need("count", ComparisonLabels.Worse, TrendLabels.IncreasingAndGettingWorse, scored: false)],
            1.0, NeedLevel.High, 1);

        var proposal = PriorityProposal.From(need, Item(CoverageStatus.PartlyCovered, 2, null, false, 5, 8));

        proposal.Action.Should().Be(PriorityAction.ScaleUpOrTarget);
        proposal.AssetIds.Should().Equal(5, 8);
        proposal.IndicatorKeys.Should().Equal("esa", "count");
    }

    [Fact]
    public void From_WithoutRedRedIndicators_ProposesEveryScoredOne_AndWithoutAnItemNoActionOrAssets()
    {
        var need = new DomainNeed(Hackney, new DomainEvidence(103, 3, "(Re)employment", []),
            [Need("esa", ComparisonLabels.Similar, TrendLabels.IncreasingAndGettingWorse), Need("ascof", ComparisonLabels.Worse, "No significant change"),
             Need("count", ComparisonLabels.Worse, "No significant change", scored: false)],
            0.2, NeedLevel.Medium, 0.5);

        var proposal = PriorityProposal.From(need, null);

        proposal.Should().BeEquivalentTo(new PriorityProposal(null, ["esa", "ascof"], []));
    }

    private static IndicatorNeed Need(string key, string comparison, string trend, bool scored = true)
    {
        var indicator = new Indicator { Key = key, Name = key, Definition = "", Source = "", Age = "All ages" };
        var value = new ResolvedValue(Hackney.Code, new PeriodKey(new DateOnly(2022, 4, 1), new DateOnly(2023, 3, 31)), "2022/23", 40, null, null, null,
            IntervalSource.None, null, null);
        return new IndicatorNeed(indicator, 1, null, new AreaResult(Hackney, value, comparison, null), new TrendResult(trend), scored ? 1.0 : null, scored);
    }
}
