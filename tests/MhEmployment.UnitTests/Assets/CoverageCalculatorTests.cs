using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Assets;
using static MhEmployment.UnitTests.Assets.AssetTestData;

namespace MhEmployment.UnitTests.Assets;

public sealed class CoverageCalculatorTests
{
    private static readonly IReadOnlyList<(int Number, string Name, IReadOnlyList<ItemRef> Items)> Checklist =
        [(3, "Supporting (re)employment", [Ips, Jobcentre]), (4, "Other assets", [Retired])];

    private static readonly IReadOnlyList<ServingArea> Hackney =
    [
        new("E09000012", "Hackney", ServingRelation.Own),
        new("E12000007", "London", ServingRelation.Region),
        new("E38000255", "NHS North East London ICB - A3A8R", ServingRelation.SubIcbLocation),
        new("E54000029", "NHS North East London Integrated Care Board", ServingRelation.IntegratedCareBoard),
    ];

    private static CoverageAsset Asset(int id, int? rating, int item, params string[] areas) =>
        new(id, $"Asset {id}", "Provider", rating, null, null, [item], areas);

    private static ItemCoverage Item(IReadOnlyList<DomainCoverage> coverage, ItemRef item) =>
        coverage.SelectMany(d => d.Items).Single(i => i.Item.Id == item.Id);

    [Fact]
    public void BoroughWithItsOwnAssets_TakesTheBestRating_AndShowsTheNextStep()
    {
        var coverage = CoverageCalculator.Calculate(Checklist, Hackney, [Asset(1, 3, Ips.Id, "E09000012"), Asset(2, 2, Ips.Id, "E09000012")]);

        var ips = Item(coverage, Ips);
        ips.BestRating.Should().Be(2);
        ips.Status.Should().Be(CoverageStatus.PartlyCovered);
        CoverageCalculator.NextStep(ips).Should().StartWith("Options to scale up or target");
        ips.Assets.Should().OnlyContain(a => a.Through.Relation == ServingRelation.Own);
    }

    [Fact]
    public void BoroughWithOnlyRegionOrIcbWideAssets_CountsThemAndSaysHow()
    {
        var coverage = CoverageCalculator.Calculate(Checklist, Hackney, [Asset(1, 1, Ips.Id, "E12000007"), Asset(2, null, Jobcentre.Id, "E54000029")]);

        Item(coverage, Ips).Assets.Single().Through.Relation.Should().Be(ServingRelation.Region);
        Item(coverage, Ips).Status.Should().Be(CoverageStatus.Covered);
        Item(coverage, Jobcentre).Assets.Single().Through.Relation.Should().Be(ServingRelation.IntegratedCareBoard);
        Item(coverage, Jobcentre).Status.Should().Be(CoverageStatus.NotRated);
    }

    [Fact]
    public void AssetServingTheBoroughAndItsRegion_IsCountedOnce_AsTheBoroughsOwn()
    {
        var coverage = CoverageCalculator.Calculate(Checklist, Hackney, [Asset(1, 1, Ips.Id, "E12000007", "E09000012")]);

        Item(coverage, Ips).Assets.Should().ContainSingle().Which.Through.Relation.Should().Be(ServingRelation.Own);
    }

    [Fact]
    public void BoroughWithNoAssets_HasEveryActiveItemAsAGap_AndTheRetiredOneLeftOut()
    {
        var coverage = CoverageCalculator.Calculate(Checklist, Hackney, [Asset(1, 1, Ips.Id, "E09000001")]);

        coverage.SelectMany(d => d.Items).Should().OnlyContain(i => i.IsGap);
        coverage.SelectMany(d => d.Items).Select(i => i.Item.Key).Should().BeEquivalentTo(["cmht-ips", "jobcentre-plus-programmes"]);
        CoverageCalculator.NextStep(Item(coverage, Ips)).Should().StartWith("A priority for action");
    }

    [Fact]
    public void NhsAreas_SayWhenTheBoroughLiesPartlyInThem_AndWhoseLinkItIs()
    {
        const string icb = "NHS Mid and South Essex Integrated Care Board";

        CoverageCalculator.Describe(new ServingArea("E54000029", "NHS North East London Integrated Care Board", ServingRelation.IntegratedCareBoard), "Hackney")
            .Should().Be("ICB-wide (NHS North East London Integrated Care Board)");
        CoverageCalculator.Describe(new ServingArea("E54000026", icb, ServingRelation.IntegratedCareBoard, Partly: true), "Essex")
            .Should().Be($"ICB-wide ({icb}): Essex lies partly in it");
        CoverageCalculator.Describe(new ServingArea("E54000026", icb, ServingRelation.IntegratedCareBoard, true, NhsLinkBasis.County, "Essex"), "Chelmsford")
            .Should().Be($"ICB-wide ({icb}), through its county's NHS areas: Essex lies partly in it");
        CoverageCalculator.Describe(new ServingArea("E38000237", "NHS Kent and Medway ICB - 91Q", ServingRelation.SubIcbLocation, false, NhsLinkBasis.County, "Kent"), "Dartford")
            .Should().Be("Sub-ICB location (NHS Kent and Medway ICB - 91Q), through its county's NHS areas");
        CoverageCalculator.Describe(new ServingArea("E54000048", "NHS Lancashire and South Cumbria Integrated Care Board", ServingRelation.IntegratedCareBoard, true, NhsLinkBasis.Predecessor, "Cumbria"), "Cumberland")
            .Should().Be("ICB-wide (NHS Lancashire and South Cumbria Integrated Care Board), through its predecessor Cumbria's NHS areas: Cumbria lay partly in it");
    }

    [Fact]
    public void RetiredItem_StillShowsWhereAnAssetServesIt()
    {
        var coverage = CoverageCalculator.Calculate(Checklist, Hackney, [Asset(1, 2, Retired.Id, "E09000012")]);

        Item(coverage, Retired).Assets.Should().ContainSingle();
    }

    [Fact]
    public void LatestAnalysisRating_IsShownBesideEachItem()
    {
        var analysis = new Dictionary<int, RagAnalysisRating>
        {
            [Ips.Id] = new() { ItemId = Ips.Id, Rating = null, Rationale = "Nothing commissioned" },
        };

        var ips = Item(CoverageCalculator.Calculate(Checklist, Hackney, [], analysis), Ips);

        ips.HasAnalysisRating.Should().BeTrue();
        ips.AnalysisRating.Should().BeNull();
        Ratings.Label(ips.AnalysisRating).Should().Be("No provision");
    }

    [Fact]
    public void Alerts_FundingEndingWithinSixMonths_AndRatingsOlderThanTwelve()
    {
        var now = new DateTime(2026, 6, 1, 12, 0, 0, DateTimeKind.Utc);
        CoverageAsset[] assets =
        [
            new(1, "Ends soon", "P", 1, now.AddMonths(-2), new DateOnly(2026, 11, 30), [Ips.Id], ["E09000012"]),
            new(2, "Ends later", "P", 1, now.AddMonths(-2), new DateOnly(2027, 1, 31), [Ips.Id], ["E09000012"]),
            new(3, "Ended", "P", 1, now.AddMonths(-2), new DateOnly(2026, 5, 31), [Ips.Id], ["E09000012"]),
            new(4, "Rated long ago", "P", 2, now.AddMonths(-13), null, [Ips.Id], ["E09000012"]),
        ];

        var alerts = AssetAlerts.For(assets, now);

        alerts.Should().HaveCount(2);
        alerts.Should().ContainSingle(a => a.Kind == AlertKind.FundingEnding && a.AssetId == 1);
        alerts.Should().ContainSingle(a => a.Kind == AlertKind.StaleRating && a.AssetId == 4);
    }
}
