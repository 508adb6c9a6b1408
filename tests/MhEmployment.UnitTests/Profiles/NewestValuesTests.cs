using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Profiles;

namespace MhEmployment.UnitTests.Profiles;

/// <summary>The indicator page's table of stored values, read from the snapshot as the database once ordered it.</summary>
public sealed class NewestValuesTests
{
    private static readonly Slice Persons = OverlayTestData.Persons;
    private static readonly Slice Female = OverlayTestData.Female;
    private static readonly Indicator Claimants = OverlayTestData.Claimants;

    // Codes in the opposite order to names: the table orders by name.
    private static readonly SnapshotArea[] Areas =
    [
        new("E09000001", "Westminster", AreaKind.LondonBorough, null, null, null, []),
        new("E09000002", "Hackney", AreaKind.LondonBorough, null, null, null, []),
        new("E09000003", "Camden", AreaKind.LondonBorough, null, null, null, []),
    ];

    private static PeriodKey Quarter(int year, int month) => new(new DateOnly(year, month, 1), new DateOnly(year, month, 1).AddMonths(3).AddDays(-1));

    private static SnapshotValue Value(string area, PeriodKey period, Slice slice, double value, int importId = 1, string? note = null) =>
        new(Claimants.Id, area, period, $"{period.Start:MMM yyyy}", slice, value, value * 10, 1000, value - 1, value + 1, null, null, note, importId);

    private static (ValueSnapshot Snapshot, IndicatorValues Indicator) Snapshot(params SnapshotValue[] values)
    {
        var snapshot = new ValueSnapshot(1, Areas, [Claimants], values);
        return (snapshot, snapshot.IndicatorsByKey[Claimants.Key]);
    }

    [Fact]
    public void Newest_ComeNewestPeriodFirst_ThenByAreaName_AcrossBreakdowns_WithEveryField()
    {
        var (snapshot, indicator) = Snapshot(
            Value("E09000001", Quarter(2024, 1), Persons, 11),
            Value("E09000003", Quarter(2024, 4), Persons, 12),
            Value("E09000001", Quarter(2024, 4), Female, 13, importId: 5, note: "provisional"),
            Value("E09000002", Quarter(2024, 4), Persons, 14),
            Value("E09000002", Quarter(2023, 10), Female, 15));

        var page = NewestValues.Of(snapshot, indicator, area: null, limit: 500);

        page.Count.Should().Be(5);
        page.Newest.Select(v => (v.PeriodStart, v.AreaName, v.Sex)).Should().Equal(
            (new DateOnly(2024, 4, 1), "Camden", Sex.Persons),
            (new DateOnly(2024, 4, 1), "Hackney", Sex.Persons),
            (new DateOnly(2024, 4, 1), "Westminster", Sex.Female),
            (new DateOnly(2024, 1, 1), "Westminster", Sex.Persons),
            (new DateOnly(2023, 10, 1), "Hackney", Sex.Female));
        page.Newest[2].Should().Be(new Web.Features.Indicators.IndicatorCatalogue.StoredValue(
            "E09000001", "Westminster", "Apr 2024", new DateOnly(2024, 4, 1), Sex.Female, "16-64 yrs", 13, 130, 1000, 12, 14, "provisional", 5));
    }

    [Fact]
    public void AtTheLimit_TheNewestAreKept_ByNameWithinThePeriodThatCrossesIt_AndTheCountIsOfAll()
    {
        var (snapshot, indicator) = Snapshot(
            Value("E09000001", Quarter(2024, 4), Persons, 1),
            Value("E09000002", Quarter(2024, 1), Persons, 2),
            Value("E09000003", Quarter(2024, 1), Persons, 3),
            Value("E09000001", Quarter(2024, 1), Female, 4),
            Value("E09000001", Quarter(2023, 1), Persons, 5));

        var page = NewestValues.Of(snapshot, indicator, area: null, limit: 3);

        page.Count.Should().Be(5);
        page.Newest.Select(v => v.Value).Should().Equal(1, 3, 2); // Westminster 2024 Q2, then Camden and Hackney of 2024 Q1
    }

    [Fact]
    public void ForOneArea_OnlyItsValuesAreCountedAndListed_WhateverTheCodesCase_AndAnUnknownAreaHasNone()
    {
        var (snapshot, indicator) = Snapshot(
            Value("E09000001", Quarter(2024, 4), Persons, 1),
            Value("E09000002", Quarter(2024, 4), Persons, 2),
            Value("E09000002", Quarter(2024, 1), Female, 3),
            Value("E09000002", Quarter(2023, 1), Persons, 4));

        var hackney = NewestValues.Of(snapshot, indicator, area: "e09000002", limit: 2);
        var unknown = NewestValues.Of(snapshot, indicator, area: "E09999999", limit: 2);

        hackney.Count.Should().Be(3);
        hackney.Newest.Select(v => v.Value).Should().Equal(2, 3);
        hackney.Newest.Should().OnlyContain(v => v.AreaCode == "E09000002");
        unknown.Count.Should().Be(0);
        unknown.Newest.Should().BeEmpty();
    }
}
