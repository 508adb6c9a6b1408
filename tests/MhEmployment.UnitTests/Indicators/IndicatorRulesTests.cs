using System.Text.Json;
using System.Text.Json.Serialization;
using MhEmployment.Web.Data.Seed;
using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Indicators;

namespace MhEmployment.UnitTests.Indicators;

public sealed class IndicatorRulesTests
{
    private static readonly JsonSerializerOptions SeedJson = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>A consistent crude rate per 1,000; each test changes what it is about.</summary>
    private static IndicatorInput Valid() => new()
    {
        Name = "ESA claimants per 1,000", Definition = "Claimants of ESA with mental and behavioural disorders per 1,000 aged 16-64.",
        Theme = "Benefits", ValueType = "CrudeRate", Unit = "RatePer1000", Multiplier = 1000, Polarity = "LowIsGood",
        Source = "DWP", Age = "16-64 yrs", Sex = "Persons", PeriodType = "Quarter", IntervalMethod = "Byars",
        ComparisonMethod = "ConfidenceIntervals", NeedsReview = false, RefreshSource = "None",
    };

    private static IReadOnlyList<FieldProblem> ProblemsOf(Action<IndicatorInput> change)
    {
        var input = Valid();
        change(input);
        var (edit, problems) = IndicatorRules.Check(input);
        (edit is null).Should().Be(problems.Count > 0, "an edit is returned exactly when there are no problems");
        return problems;
    }

    [Fact]
    public void ConsistentInput_GivesTheEdit_WithTextTrimmed()
    {
        var input = Valid();
        input.Name = "  ESA claimants   per\t1,000 ";
        input.Theme = "benefits";

        var (edit, problems) = IndicatorRules.Check(input);

        problems.Should().BeEmpty();
        edit!.Name.Should().Be("ESA claimants per 1,000", "a single-line field's runs of white space become one space");
        edit.Theme.Should().Be(IndicatorTheme.Benefits, "choices are matched by name whatever their case");
        edit.Multiplier.Should().Be(1000);
        edit.NeedsReview.Should().BeFalse();
    }

    [Fact]
    public void EmptyInput_NamesEveryMissingField()
    {
        var (edit, problems) = IndicatorRules.Check(new IndicatorInput());

        edit.Should().BeNull();
        problems.Select(p => p.Field).Should().BeEquivalentTo(
            "Name", "Definition", "Theme", "ValueType", "Unit", "Multiplier", "Polarity", "Source", "Age", "Sex", "PeriodType",
            "IntervalMethod", "ComparisonMethod", "NeedsReview", "RefreshSource");
        problems.Single(p => p.Field == "Name").Message.Should().Be("Enter a name");
        problems.Single(p => p.Field == "Polarity").Message.Should().Be("Choose a polarity");
    }

    [Theory]
    [InlineData("Percent", 1000, "The multiplier for '%' is 100, not 1,000")]
    [InlineData("RatePer100000", 1000, "The multiplier for 'Rate per 100,000' is 100,000, not 1,000")]
    public void AMultiplierThatDoesNotSuitTheUnit_IsRefusedWithTheRightOne(string unit, int multiplier, string message)
    {
        var problems = ProblemsOf(i => { i.ValueType = "Proportion"; i.IntervalMethod = "Wilson"; i.Unit = unit; i.Multiplier = multiplier; });

        problems.Should().ContainSingle().Which.Should().Be(new FieldProblem("Multiplier", message));
    }

    [Theory]
    [InlineData("Percent", 100)]
    [InlineData("RatePer1000", 1000)]
    [InlineData("RatePer100000", 100_000)]
    public void AProportion_MayBeAPercentageOrPerThousandOrPerHundredThousand(string unit, int multiplier) =>
        ProblemsOf(i => { i.ValueType = "Proportion"; i.IntervalMethod = "Wilson"; i.Unit = unit; i.Multiplier = multiplier; }).Should().BeEmpty();

    [Fact]
    public void ACountIsInUnitCountWithMultiplierOne_AndIsNeverCompared()
    {
        ProblemsOf(i => { i.ValueType = "Count"; i.Unit = "Count"; i.Multiplier = 1; i.ComparisonMethod = "None"; }).Should().BeEmpty();

        ProblemsOf(i => { i.ValueType = "Count"; i.Unit = "Percent"; i.Multiplier = 100; i.ComparisonMethod = "None"; })
            .Should().ContainSingle().Which.Should().Be(new FieldProblem("Unit", "Count values cannot be in '%': choose 'Count'"));
        ProblemsOf(i => { i.ValueType = "Count"; i.Unit = "Count"; i.Multiplier = 1; i.ComparisonMethod = "Quintiles"; })
            .Should().ContainSingle().Which.Field.Should().Be("ComparisonMethod");
        ProblemsOf(i => { i.ValueType = "Count"; i.Unit = "Count"; i.Multiplier = 1; i.ComparisonMethod = "ConfidenceIntervals"; })
            .Single().Message.Should().StartWith("Counts cannot be compared, as areas differ in size");
    }

    [Theory]
    [InlineData("Proportion", "Percent", 100, "Wilson", true)]
    [InlineData("Proportion", "Percent", 100, "Byars", false)]
    [InlineData("CrudeRate", "RatePer1000", 1000, "Byars", true)]
    [InlineData("CrudeRate", "RatePer1000", 1000, "ExactPoisson", true)]
    [InlineData("CrudeRate", "RatePer1000", 1000, "Wilson", false)]
    [InlineData("DirectlyStandardisedRate", "RatePer100000", 100_000, "Dobson", true)]
    [InlineData("DirectlyStandardisedRate", "RatePer100000", 100_000, "Byars", false)]
    [InlineData("Difference", "PercentagePoints", 1, "None", true)]
    [InlineData("Difference", "PercentagePoints", 1, "Wilson", false)]
    [InlineData("Proportion", "Percent", 100, "None", true)]
    public void TheIntervalMethod_MustBeMadeForTheValueType(string type, string unit, int multiplier, string method, bool allowed)
    {
        var problems = ProblemsOf(i => { i.ValueType = type; i.Unit = unit; i.Multiplier = multiplier; i.IntervalMethod = method; });

        if (allowed)
        {
            problems.Should().BeEmpty();
        }
        else
        {
            problems.Should().ContainSingle().Which.Field.Should().Be("IntervalMethod");
        }
    }

    [Fact]
    public void AnOtherFigure_MayBeInDaysOrAnyUnit_ButOnlyAnOtherFigureIsInDays_AndItHasNoComputedIntervals()
    {
        ProblemsOf(i => { i.ValueType = "Other"; i.Unit = "Days"; i.Multiplier = 1; i.IntervalMethod = "None"; i.ComparisonMethod = "Quintiles"; })
            .Should().BeEmpty();
        ProblemsOf(i => { i.ValueType = "Other"; i.Unit = "Percent"; i.Multiplier = 100; i.IntervalMethod = "None"; }).Should().BeEmpty();
        ProblemsOf(i => { i.ValueType = "Other"; i.Unit = "Days"; i.Multiplier = 1; i.IntervalMethod = "Byars"; })
            .Should().ContainSingle().Which.Field.Should().Be("IntervalMethod");
        ProblemsOf(i => { i.Unit = "Days"; i.Multiplier = 1; }).Should().ContainSingle()
            .Which.Message.Should().Be("Crude rate values cannot be in 'Days': choose 'Rate per 1,000' or 'Rate per 100,000'");
    }

    [Fact]
    public void ByarsOnAProportion_SaysWhichMethodsWouldDo()
    {
        var problems = ProblemsOf(i => { i.ValueType = "Proportion"; i.Unit = "Percent"; i.Multiplier = 100; i.IntervalMethod = "Byars"; });

        problems.Single().Message.Should().Be("Proportion values cannot have Byars intervals: choose 'Wilson' or 'none'");
    }

    [Fact]
    public void TextLongerThanItsColumn_IsRefused_AndTheLimitItselfIsAccepted()
    {
        ProblemsOf(i => i.Name = new string('n', 300)).Should().BeEmpty();
        ProblemsOf(i => i.Definition = new string('d', 4000)).Should().BeEmpty();

        ProblemsOf(i => i.Name = new string('n', 301)).Should().ContainSingle()
            .Which.Should().Be(new FieldProblem("Name", "The name must be 300 characters or fewer (it has 301)"));
        ProblemsOf(i => i.Definition = new string('d', 4001)).Single().Field.Should().Be("Definition");
        ProblemsOf(i => i.Source = new string('s', 501)).Single().Field.Should().Be("Source");
        ProblemsOf(i => i.Age = new string('a', 51)).Single().Field.Should().Be("Age");
    }

    [Fact]
    public void ChoicesAreNames_NotNumbersOrUnknownWords()
    {
        ProblemsOf(i => i.Polarity = "1").Single().Message.Should().StartWith("'1' is not a polarity: choose one of HighIsGood, LowIsGood, NoJudgement");
        ProblemsOf(i => i.Theme = "Housing").Single().Field.Should().Be("Theme");
        ProblemsOf(i => i.IntervalMethod = "Poisson").Single().Field.Should().Be("IntervalMethod");
    }

    [Fact]
    public void ControlAndBidirectionalCharacters_AreRefused_ButTheDefinitionKeepsItsLineBreaks()
    {
        ProblemsOf(i => i.Name = "Claimants \u202Eexe.csv").Single().Message.Should().Contain("invisible or control character");
        ProblemsOf(i => i.Source = "DWP\u0007").Single().Field.Should().Be("Source");

        var input = Valid();
        input.Definition = "First line.\r\nSecond line.";
        IndicatorRules.Check(input).Edit!.Definition.Should().Be("First line.\r\nSecond line.");
    }

    [Fact]
    public void EverySeededIndicator_FollowsTheRules()
    {
        using var reader = SeedFiles.Open("indicators.json");
        var seeds = JsonSerializer.Deserialize<List<Indicator>>(reader.ReadToEnd(), SeedJson)!;

        seeds.Should().NotBeEmpty();
        foreach (var seed in seeds)
        {
            IndicatorRules.Check(IndicatorInput.From(IndicatorEdit.From(seed))).Problems.Should().BeEmpty(seed.Key);
        }
    }
}
