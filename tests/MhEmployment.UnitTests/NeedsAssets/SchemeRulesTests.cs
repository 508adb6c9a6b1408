using FluentAssertions;
using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.NeedsAssets;
using Xunit;

namespace MhEmployment.UnitTests.NeedsAssets;

public sealed class SchemeRulesTests
{
    private static readonly WeightSlot Esa = new(3, 3, "(Re)employment", 10, "esa-rate", "ESA claimants");
    private static readonly WeightSlot Ascof = new(3, 3, "(Re)employment", 11, "ascof-1f", "ASCOF 1F");
    private static readonly WeightSlot[] Slots = [Esa, Ascof];

    private static SchemeInput Valid() => new()
    {
        Name = "  ESA counts double ",
        Description = "For the board",
        LevelRule = "Terciles",
        MinimumShare = "0.5",
        Weights = new() { [Esa.Key] = "2", [Ascof.Key] = "" },
    };

    private static IReadOnlyList<string> ProblemsWith(SchemeInput input, string? storedName = null, params string[] others) =>
        [.. SchemeRules.Check(input, Slots, others, storedName).Problems.Select(p => $"{p.Field}: {p.Message}")];

    [Fact]
    public void AValidScheme_IsTrimmed_AndKeepsOnlyWeightsOtherThanOne()
    {
        var (values, problems) = SchemeRules.Check(Valid(), Slots, ["Default"], null);

        problems.Should().BeEmpty();
        values!.Name.Should().Be("ESA counts double");
        values.LevelRule.Should().Be(NeedLevelRule.Terciles);
        values.HighFrom.Should().BeNull();
        values.MinimumShare.Should().Be(0.5);
        values.Weights.Should().Equal(new SchemeWeightValue(3, 10, 2));
    }

    [Fact]
    public void AWeightOfZero_IsKept_ToLeaveTheIndicatorOut()
    {
        var input = Valid();
        input.Weights[Ascof.Key] = "0";

        SchemeRules.Check(input, Slots, [], null).Values!.Weights.Should().Contain(new SchemeWeightValue(3, 11, 0));
    }

    [Theory]
    [InlineData("", "Name: Enter a name for the scheme")]
    [InlineData("default", "Name: There is already a scheme called 'default': choose another name")]
    public void TheName_IsRequiredAndUnique_WhateverItsCase(string name, string problem)
    {
        var input = Valid();
        input.Name = name;

        ProblemsWith(input, null, "Default").Should().Equal(problem);
    }

    [Fact]
    public void TheName_HasAtMost100Characters()
    {
        var input = Valid();
        input.Name = new string('n', 101);

        ProblemsWith(input).Should().Equal("Name: The name is 101 characters long; the limit is 100");
    }

    [Fact]
    public void TheDefaultScheme_KeepsItsName()
    {
        var input = Valid();
        input.Name = "Renamed";

        ProblemsWith(input, WeightingScheme.DefaultName).Should().Equal(
            "Name: The Default scheme keeps its name: the comparison uses it when no scheme is chosen");
        input.Name = WeightingScheme.DefaultName;
        ProblemsWith(input, WeightingScheme.DefaultName).Should().BeEmpty();
    }

    [Fact]
    public void Thresholds_NeedBothScores_AsNumbers()
    {
        var input = Valid();
        input.LevelRule = "Thresholds";
        input.LowTo = "low";

        ProblemsWith(input).Should().Equal(
            "HighFrom: Enter the score from which need is high: thresholds need both",
            "LowTo: Enter the score up to which need is low as a number of standard deviations, like 0.5 or -0.5; 'low' is not a number");
    }

    [Theory]
    [InlineData("0.5", "0.5")]
    [InlineData("0.2", "0.5")]
    public void Thresholds_NeedHighAboveLow(string high, string low)
    {
        var input = Valid();
        (input.LevelRule, input.HighFrom, input.LowTo) = ("thresholds", high, low);

        ProblemsWith(input).Should().Equal(
            $"HighFrom: The score from which need is high ({high}) must be more than the score up to which need is low ({low})");
    }

    [Fact]
    public void Thresholds_AreReadAsPeopleWriteThem_WithAMinusSign()
    {
        var input = Valid();
        (input.LevelRule, input.HighFrom, input.LowTo) = ("Thresholds", "+1", "\u22121.25");

        var values = SchemeRules.Check(input, Slots, [], null).Values!;

        (values.LevelRule, values.HighFrom, values.LowTo).Should().Be((NeedLevelRule.Thresholds, 1.0, -1.25));
    }

    [Fact]
    public void Terciles_IgnoreThresholdFields()
    {
        var input = Valid();
        (input.HighFrom, input.LowTo) = ("nonsense", "");

        SchemeRules.Check(input, Slots, [], null).Values!.HighFrom.Should().BeNull();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Quintiles")]
    [InlineData("7")]
    public void TheLevelRule_MustBeOneOfTheTwo(string? rule)
    {
        var input = Valid();
        input.LevelRule = rule;

        ProblemsWith(input).Should().Equal("LevelRule: Choose how need levels are set: by thirds of the areas compared, or by thresholds");
    }

    [Theory]
    [InlineData("0", "The minimum share must be more than 0 and at most 1 (every indicator); 0 is not")]
    [InlineData("1.5", "The minimum share must be more than 0 and at most 1 (every indicator); 1.5 is not")]
    [InlineData("half", "Enter the minimum share as a number, like 0.5 or 50%; 'half' is not")]
    [InlineData(" ", "Enter the share of a domain's scored indicators an area needs values for, like 0.5 for half")]
    public void TheMinimumShare_IsMoreThanZeroAndAtMostOne(string share, string problem)
    {
        var input = Valid();
        input.MinimumShare = share;

        ProblemsWith(input).Should().Equal($"MinimumShare: {problem}");
    }

    [Theory]
    [InlineData("1", 1.0)]
    [InlineData("75%", 0.75)]
    public void TheMinimumShare_MayBeAPercentage(string share, double expected)
    {
        var input = Valid();
        input.MinimumShare = share;

        SchemeRules.Check(input, Slots, [], null).Values!.MinimumShare.Should().Be(expected);
    }

    [Theory]
    [InlineData("11", "The weight of ESA claimants in domain 3 must be from 0 (left out) to 10; 11 is not")]
    [InlineData("-1", "The weight of ESA claimants in domain 3 must be from 0 (left out) to 10; -1 is not")]
    [InlineData("lots", "The weight of ESA claimants in domain 3 must be a number from 0 to 10, like 2 or 0.5; 'lots' is not")]
    [InlineData("NaN", "The weight of ESA claimants in domain 3 must be a number from 0 to 10, like 2 or 0.5; 'NaN' is not")]
    public void Weights_AreFromZeroToTen_UnderTheirOwnField(string weight, string problem)
    {
        var input = Valid();
        input.Weights[Esa.Key] = weight;

        ProblemsWith(input).Should().Equal($"Weight-3-10: {problem}");
    }

    [Fact]
    public void EveryProblem_IsReportedAtOnce()
    {
        var input = new SchemeInput { Weights = new() { [Esa.Key] = "11" } };

        ProblemsWith(input).Select(p => p.Split(':')[0]).Should().Equal("Name", "LevelRule", "MinimumShare", "Weight-3-10");
    }

    [Fact]
    public void Changes_AreDescribedFieldByField_WithEffectiveWeights()
    {
        var before = new SchemeValues("A", "", NeedLevelRule.Terciles, null, null, 0.5, [new(3, 11, 0)]);
        var after = new SchemeValues("B", "", NeedLevelRule.Thresholds, 0.5, -0.5, 0.5, [new(3, 10, 2)]);

        SchemeRules.Changes(before, after, Slots).Should().Equal(
            "Name: \"A\" → \"B\"",
            "Level rule: \"Terciles\" → \"Thresholds\"",
            "High from: \"\" → \"0.5\"",
            "Low to: \"\" → \"-0.5\"",
            "Weight of esa-rate in domain 3: \"1\" → \"2\"",
            "Weight of ascof-1f in domain 3: \"0\" → \"1\"");
        SchemeRules.Changes(after, after, Slots).Should().BeEmpty();
    }

    [Fact]
    public void TheForm_ShowsEachLinkedIndicatorsWeight_OneWhereTheSchemeSaysNothing()
    {
        var scheme = new WeightingScheme { Name = "S", UpdatedBy = "t", LevelRule = NeedLevelRule.Thresholds, HighFrom = 1, LowTo = -0.5, MinimumShare = 0.75 };
        scheme.Weights.Add(new SchemeWeight { DomainId = 3, IndicatorId = 10, Weight = 2.5 });

        var input = SchemeInput.From(scheme, Slots);

        (input.LevelRule, input.HighFrom, input.LowTo, input.MinimumShare).Should().Be(("Thresholds", "1", "-0.5", "0.75"));
        input.Weights.Should().Equal(new Dictionary<string, string?> { [Esa.Key] = "2.5", [Ascof.Key] = "1" });
        SchemeRules.Check(input, Slots, [], "S").Values.Should().BeEquivalentTo(SchemeValues.Of(scheme));
    }
}
