using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Assets;
using MhEmployment.Web.Features.NeedsAssets;

namespace MhEmployment.UnitTests.NeedsAssets;

public sealed class PriorityRulesTests
{
    private static readonly ItemRef Ips = new(31, "cmht-ips", 3, 1, "Community mental health teams with IPS", false);
    private static readonly ItemRef Rehab = new(33, "vocational-rehabilitation", 3, 3, "Other vocational rehabilitation", false);
    private static readonly ItemRef Retired = new(39, "work-programme", 3, 9, "Work programme", true);
    private static readonly ItemRef Wellbeing = new(11, "wellbeing-at-work", 1, 1, "Workplace wellbeing programmes", false);

    private static readonly PriorityReference Reference = new(
        "Hackney",
        [new PriorityDomainRef(101, 1, "Workplace wellbeing", [Wellbeing]), new PriorityDomainRef(103, 3, "(Re)employment", [Ips, Rehab, Retired])],
        [new PriorityAssetRef(5, "Hackney IPS", "ELFT", 2, ["3.1"], Serves: true), new PriorityAssetRef(6, "Closed service", "Council", null, [], Serves: false)],
        [new PriorityIndicatorRef(70, "esa-mental-behavioural-rate", "ESA claimants"), new PriorityIndicatorRef(71, "ni151-employment-rate", "Employment rate")],
        new[] { (Domain: 103, Indicator: 70) }.ToLookup(l => l.Domain, l => l.Indicator));

    private static readonly PriorityDraft Valid = new()
    {
        Domain = "3", Item = "cmht-ips", Action = "scale-up-or-target", Description = "Scale up IPS", Owner = "Hackney ICB lead",
        Timescale = "medium-term", Status = "agreed", ReviewDate = "2026-09-30", Assets = ["5"], Indicators = ["esa-mental-behavioural-rate", "ni151-employment-rate"],
    };

    private static List<FieldError> ErrorsOf(PriorityDraft draft, PriorityValues? current = null) => PriorityRules.Validate(draft, Reference, current).Errors;

    [Fact]
    public void Validate_AValidDraft_GivesTypedValues()
    {
        var (values, errors) = PriorityRules.Validate(Valid, Reference);

        errors.Should().BeEmpty();
        values.Should().BeEquivalentTo(new PriorityValues(103, 31, PriorityAction.ScaleUpOrTarget, "Scale up IPS", "Hackney ICB lead",
            PriorityTimescale.MediumTerm, PriorityStatus.Agreed, new DateOnly(2026, 9, 30), [5], [70, 71]));
    }

    [Fact]
    public void Validate_WordsAsPeopleWriteThem_AreReadAsTheirKeys()
    {
        var (values, _) = PriorityRules.Validate(Valid with { Action = "Protect and promote", Timescale = "SHORT_TERM", Status = "In progress", Item = "" }, Reference);

        values!.Action.Should().Be(PriorityAction.ProtectAndPromote);
        values.Timescale.Should().Be(PriorityTimescale.ShortTerm);
        values.Status.Should().Be(PriorityStatus.InProgress);
        values.ItemId.Should().BeNull();
    }

    [Fact]
    public void Validate_AnEmptyDraft_ReportsEveryRequiredField()
    {
        ErrorsOf(new PriorityDraft()).Select(e => (e.Field, e.Message)).Should().BeEquivalentTo(new[]
        {
            ("domain", "Choose the checklist domain"),
            ("action", "Choose the kind of action"),
            ("description", "Describe the priority"),
            ("owner", "Enter who owns the priority (a person, team or organisation)"),
            ("timescale", "Choose the timescale"),
            ("status", "Choose the status"),
        });
    }

    [Fact]
    public void Validate_AnItemOfAnotherDomain_IsRefusedSayingWhichDomainItIsIn()
    {
        ErrorsOf(Valid with { Domain = "1" }).Should().ContainSingle(e => e.Field == "item" && e.Value == "cmht-ips"
            && e.Message == "Item 3.1 (Community mental health teams with IPS) is in domain 3, not domain 1; choose an item of domain 1, or none");
    }

    [Fact]
    public void Validate_UnknownDomainItemAndChoices_NameTheValueAndTheChoices()
    {
        var errors = ErrorsOf(Valid with { Domain = "7", Item = "ips-typo", Action = "hope", Timescale = "soon", Status = "maybe" });

        errors.Should().Contain(e => e.Field == "domain" && e.Message == "'7' is not a checklist domain; the domains are numbered 1, 3");
        errors.Should().Contain(e => e.Field == "item" && e.Message.StartsWith("'ips-typo' is not a checklist item", StringComparison.Ordinal));
        errors.Should().Contain(e => e.Field == "action" && e.Message == "'hope' is not a kind of action; use one of protect-and-promote, scale-up-or-target, new-priority-action");
        errors.Should().Contain(e => e.Field == "timescale" && e.Message == "'soon' is not a timescale; use one of short-term, medium-term, long-term");
        errors.Should().Contain(e => e.Field == "status" && e.Message == "'maybe' is not a status; use one of proposed, agreed, in-progress, done, dropped");
    }

    [Fact]
    public void Validate_ARetiredItem_IsRefusedForANewPriority_ButMayStayOnOneThatHasIt()
    {
        ErrorsOf(Valid with { Item = "work-programme" }).Should().ContainSingle(e => e.Field == "item" && e.Message.Contains("is retired", StringComparison.Ordinal));
        var current = PriorityRules.Validate(Valid, Reference).Values! with { ItemId = Retired.Id };
        ErrorsOf(Valid with { Item = "work-programme" }, current).Should().BeEmpty();
    }

    [Fact]
    public void Validate_AnAssetNotServingTheArea_IsRefused_UnlessThePriorityLinksItAlready()
    {
        var errors = ErrorsOf(Valid with { Assets = ["6", "999", "x"] });

        errors.Should().Contain(e => e.Field == "assets" && e.Message == "'Closed service' (asset 6) does not serve Hackney; link only assets from its coverage");
        errors.Should().Contain(e => e.Field == "assets" && e.Message == "Asset 999 does not serve Hackney; link only assets from its coverage");
        errors.Should().Contain(e => e.Field == "assets" && e.Value == "x" && e.Message.Contains("is not an asset id", StringComparison.Ordinal));
        var current = PriorityRules.Validate(Valid, Reference).Values! with { AssetIds = [6] };
        PriorityRules.Validate(Valid with { Assets = ["6", "5"] }, Reference, current).Values!.AssetIds.Should().Equal(5, 6);
    }

    [Fact]
    public void Validate_AnIndicatorNotInTheCatalogue_NamesTheKey()
    {
        ErrorsOf(Valid with { Indicators = ["nope"] }).Should().ContainSingle(e => e.Field == "indicators" && e.Value == "nope"
            && e.Message.StartsWith("'nope' is not an indicator in the catalogue", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("30/09/2026", true)]
    [InlineData("2026-9-30", false)]
    [InlineData("next spring", false)]
    [InlineData("1900-01-01", false)]
    public void Validate_ReviewDate_TakesIsoOrDayMonthYear(string text, bool valid)
    {
        ErrorsOf(Valid with { ReviewDate = text }).Any(e => e.Field == "reviewDate").Should().Be(!valid);
    }

    [Fact]
    public void Validate_MarkupAndFormulaText_IsKeptAsTyped()
    {
        var (values, _) = PriorityRules.Validate(Valid with { Description = "<script>alert(1)</script>", Owner = "=HYPERLINK(\"http://x\",\"y\")" }, Reference);

        values!.Description.Should().Be("<script>alert(1)</script>");
        values.Owner.Should().Be("=HYPERLINK(\"http://x\",\"y\")");
    }

    [Fact]
    public void Validate_TooLongADescription_SaysHowLongAndTheLimit()
    {
        ErrorsOf(Valid with { Description = new string('a', 4001) }).Should().ContainSingle(e => e.Field == "description"
            && e.Message == "The description is 4,001 characters long; the limit is 4,000");
    }

    [Theory]
    [InlineData(PriorityStatus.Proposed, "2026-03-01", true)]
    [InlineData(PriorityStatus.InProgress, "2026-03-01", true)]
    [InlineData(PriorityStatus.Agreed, "2026-03-02", false)]
    [InlineData(PriorityStatus.Done, "2026-03-01", false)]
    [InlineData(PriorityStatus.Dropped, "2026-03-01", false)]
    [InlineData(PriorityStatus.Agreed, null, false)]
    public void IsOverdue_WhenTheReviewDateHasPassed_AndThePriorityIsStillOpen(PriorityStatus status, string? review, bool overdue)
    {
        PriorityRules.IsOverdue(status, review is null ? null : DateOnly.Parse(review, System.Globalization.CultureInfo.InvariantCulture), new DateOnly(2026, 3, 2))
            .Should().Be(overdue);
    }

    [Fact]
    public void DescribeChanges_SaysEachChangedFieldInWords()
    {
        var before = PriorityRules.Validate(Valid with { Status = "proposed", Owner = "Public health", ReviewDate = "" }, Reference).Values!;
        var after = PriorityRules.Validate(Valid with { Item = "vocational-rehabilitation", Assets = [], Indicators = ["esa-mental-behavioural-rate"] }, Reference).Values!;

        PriorityRules.DescribeChanges(before, after, Reference).Should().Be(
            "Item: 3.1 Community mental health teams with IPS → 3.3 Other vocational rehabilitation; Owner: 'Public health' → 'Hackney ICB lead'; " +
            "Status: proposed → agreed; Review date: none → 30 September 2026; Assets: removed 'Hackney IPS' (asset 5); Indicators: removed ni151-employment-rate");
        PriorityRules.DescribeChanges(after, after, Reference).Should().BeEmpty();
    }
}
