using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Indicators;

namespace MhEmployment.UnitTests.Indicators;

public sealed class IndicatorEditTests
{
    private static readonly IndicatorEdit Rate = new(
        "ESA claimants per 1,000", "Claimants per 1,000 aged 16-64.", IndicatorTheme.Benefits, IndicatorUnit.RatePer1000,
        IndicatorValueType.CrudeRate, 1000, Polarity.NoJudgement, "DWP", "16-64 yrs", Sex.Persons, PeriodType.Quarter,
        IntervalMethod.Byars, ComparisonMethod.ConfidenceIntervals, NeedsReview: true);

    [Fact]
    public void Version_IsTheSameForTheSameValues_AndDiffersWhenAnyFieldDoes()
    {
        var others = new[]
        {
            Rate with { Name = Rate.Name + "." }, Rate with { Definition = "Other." }, Rate with { Theme = IndicatorTheme.Services },
            Rate with { Unit = IndicatorUnit.RatePer100000 }, Rate with { ValueType = IndicatorValueType.Count }, Rate with { Multiplier = 100 },
            Rate with { Polarity = Polarity.LowIsGood }, Rate with { Source = "ONS" }, Rate with { Age = "18+ yrs" }, Rate with { Sex = Sex.Male },
            Rate with { PeriodType = PeriodType.Month }, Rate with { IntervalMethod = IntervalMethod.ExactPoisson },
            Rate with { ComparisonMethod = ComparisonMethod.Quintiles }, Rate with { NeedsReview = false },
            Rate with { RefreshSource = IndicatorSourceKind.Nomis }, Rate with { FingertipsId = 848 }, Rate with { FingertipsAreaTypes = "502" },
            Rate with { NomisDataset = "NM_134_1" }, Rate with { NomisQuery = "date=latest" },
        };

        (Rate with { }).Version.Should().Be(Rate.Version);
        Rate.Version.Should().MatchRegex("^[0-9a-f]{16}$");
        others.Select(o => o.Version).Should().OnlyHaveUniqueItems().And.NotContain(Rate.Version);
        others.Should().HaveCount(IndicatorEdit.Fields.Count, "every editable field is part of the version");
    }

    [Fact]
    public void EveryEditableValue_IsAField_SoThatItIsVersionedAndAudited()
    {
        var values = typeof(IndicatorEdit).GetConstructors().Single().GetParameters().Select(p => p.Name);

        IndicatorEdit.Fields.Select(f => f.Name).Should().BeEquivalentTo(values);
    }

    [Fact]
    public void ChangesFrom_ListsEachChangedField_WithBothValuesAsText()
    {
        var after = Rate with { Polarity = Polarity.LowIsGood, NeedsReview = false, Multiplier = 1000 };

        after.ChangesFrom(Rate).Should().Equal(
            new FieldChange("Polarity", "Polarity", "NoJudgement", "LowIsGood"),
            new FieldChange("NeedsReview", "Needs review", "yes", "no"));
        Rate.ChangesFrom(Rate).Should().BeEmpty();
    }

    [Fact]
    public void TheAuditEntry_SaysEachFieldsOldAndNewValue_AndFitsItsColumn()
    {
        var after = Rate with { Polarity = Polarity.LowIsGood, Name = "ESA claimants with mental disorders per 1,000" };

        IndicatorEditor.Describe(after.ChangesFrom(Rate)).Should().Be(
            "Name: \"ESA claimants per 1,000\" → \"ESA claimants with mental disorders per 1,000\"; Polarity: \"NoJudgement\" → \"LowIsGood\"");

        var longest = Rate with { Name = new string('n', 300), Definition = new string('d', 4000), Source = new string('s', 500), Age = new string('a', 50) };
        var text = IndicatorEditor.Describe(longest.ChangesFrom(Rate));
        text.Length.Should().BeLessThanOrEqualTo(2000);
        text.Should().Contain("Definition: \"Claimants per 1,000 aged 16-64.\" → \"ddd").And.Contain("…");
    }
}
