using FluentAssertions;
using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.NeedsAssets;
using Xunit;

namespace MhEmployment.UnitTests.NeedsAssets;

public sealed class EvidenceScoringTests
{
    private static Indicator Make(IndicatorValueType type, Polarity polarity) => new()
    {
        Key = "k", Name = "n", Definition = "d", Source = "s", Age = "16-64 yrs",
        ValueType = type, Polarity = polarity, ComparisonMethod = ComparisonMethod.ConfidenceIntervals,
    };

    [Fact]
    public void ARateWithAPolarity_IsScored() =>
        EvidenceScoring.NotScoredBecause(Make(IndicatorValueType.CrudeRate, Polarity.LowIsGood)).Should().BeNull();

    [Fact]
    public void ACount_IsShownButNeverScored() =>
        EvidenceScoring.NotScoredBecause(Make(IndicatorValueType.Count, Polarity.LowIsGood)).Should().Contain("counts are not compared");

    [Fact]
    public void AnIndicatorWithoutPolarity_IsShownButNeverScored() =>
        EvidenceScoring.NotScoredBecause(Make(IndicatorValueType.Proportion, Polarity.NoJudgement)).Should().Contain("no polarity");

    [Fact]
    public void ALinkChange_IsDescribedByTheIndicatorsKeys()
    {
        var a = Make(IndicatorValueType.Proportion, Polarity.HighIsGood);
        EvidenceLinkEditor.Describe([a], []).Should().Be("Linked: k");
        EvidenceLinkEditor.Describe([], [a]).Should().Be("Unlinked: k");
        EvidenceLinkEditor.Describe([a], [a]).Should().Be("Linked: k; unlinked: k");
    }
}
