using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Profiles;

namespace MhEmployment.UnitTests.Profiles;

public sealed class CompactSnapshotTests
{
    private static readonly Slice Persons = new(Sex.Persons, "16-64 yrs");
    private static readonly Slice Female = new(Sex.Female, "16-64 yrs");
    private static readonly Slice Male = new(Sex.Male, "16-64 yrs");
    private static readonly Slice Older = new(Sex.Persons, "65+ yrs");

    private static PeriodKey Year(int year) => new(new DateOnly(year, 4, 1), new DateOnly(year + 1, 3, 31));

    private static Indicator Catalogued(int id = 7, string key = "claimants", IndicatorTheme theme = IndicatorTheme.Benefits) => new()
    {
        Id = id, Key = key, Name = key, Definition = "", Source = "", Age = "16-64 yrs", Sex = Sex.Persons, Theme = theme,
        Unit = IndicatorUnit.Percent, ValueType = IndicatorValueType.Proportion, Multiplier = 100, Polarity = Polarity.LowIsGood,
        PeriodType = PeriodType.FinancialYear, IntervalMethod = IntervalMethod.Wilson, ComparisonMethod = ComparisonMethod.ConfidenceIntervals,
    };

    private static void Add(IndicatorValuesBuilder builder, string area, int year, double? value, Slice? slice = null,
        string? note = null, int importId = 1, string? label = null, (double, double)? limits95 = null) =>
        builder.Add(area, Year(year), label ?? $"{year}/{(year + 1) % 100:00}", slice ?? Persons, value, value is null ? null : value * 10, 1000,
            limits95?.Item1, limits95?.Item2, null, null, note, importId);

    [Fact]
    public void AValueAddedTwiceForTheSameAreaPeriodAndSlice_KeepsTheLastAdded()
    {
        var builder = new IndicatorValuesBuilder(Catalogued());
        Add(builder, "E09000012", 2020, 10, importId: 1);
        Add(builder, "E09000007", 2020, 11, importId: 1);
        Add(builder, "e09000012", 2020, 12, importId: 2);
        Add(builder, "E09000012", 2020, 13, Female, importId: 2);

        var values = builder.Build();

        values.ValueCount.Should().Be(3);
        var persons = values.Slices[Persons];
        persons.Periods.Single().ByArea.Should().HaveCount(2);
        var kept = persons.Periods.Single().ByArea["E09000012"];
        kept.Value.Should().Be(12);
        kept.ImportId.Should().Be(2);
        persons.SeriesByArea["E09000012"].Should().ContainSingle().Which.Should().Be(kept);
        values.Slices[Female].Periods.Single().ByArea["E09000012"].Value.Should().Be(13);
    }

    [Fact]
    public void AreaCodes_AreLookedUpWhateverTheirCase()
    {
        var indicator = Catalogued();
        var snapshot = new ValueSnapshot(1, [new SnapshotArea("E09000012", "Hackney", AreaKind.LondonBorough, null, null, null, [])],
            [indicator], [new SnapshotValue(indicator.Id, "E09000012", Year(2020), "2020/21", Persons, 5, null, null, null, null, null, null, null, 1)]);

        var values = snapshot.IndicatorsByKey["CLAIMANTS"];
        var slice = values.HeadlineSliceFor("e09000012")!;
        slice.SeriesByArea.ContainsKey("e09000012").Should().BeTrue();
        slice.SeriesByArea.TryGetValue("E09000012", out var series).Should().BeTrue();
        series!.Single().AreaCode.Should().Be("E09000012");
        slice.Find(Year(2020))!.ByArea.GetValueOrDefault("e09000012")!.Value.Should().Be(5);
        slice.Find(Year(2020))!.ByArea.ContainsKey("E09000013").Should().BeFalse();
        slice.SeriesByArea.ContainsKey("E09000013").Should().BeFalse();
        snapshot.NameOf("e09000012").Should().Be("Hackney");
    }

    [Fact]
    public void NumbersNoValueHas_ReadBackAsNull_AndOthersExactly()
    {
        var builder = new IndicatorValuesBuilder(Catalogued());
        builder.Add("A", Year(2020), "2020/21", Persons, 1.5, null, null, null, null, null, null, null, 1);
        builder.Add("B", Year(2020), "2020/21", Persons, null, null, null, 0.25, null, null, null, null, 1);
        builder.Add("C", Year(2021), "2021/22", Persons, double.NaN, -0.0, double.MaxValue, null, null, 1e-300, null, null, 1);

        var slice = builder.Build().Slices[Persons];

        var a = slice.Find(Year(2020))!.ByArea["A"];
        (a.Value, a.Count, a.Denominator, a.Lower95, a.Upper95, a.Lower998, a.Upper998).Should().Be((1.5, null, null, null, null, null, null));
        var b = slice.Find(Year(2020))!.ByArea["B"];
        (b.Value, b.Lower95).Should().Be((null, 0.25));
        var c = slice.Find(Year(2021))!.ByArea["C"];
        double.IsNaN(c.Value!.Value).Should().BeTrue("a stored NaN is not taken for a missing value");
        double.IsNegative(c.Count!.Value).Should().BeTrue();
        (c.Denominator, c.Lower998, c.Upper998).Should().Be((double.MaxValue, 1e-300, null));
    }

    [Fact]
    public void ASuppressedValue_IsNullWithItsNote_AndLeavesItsNeighboursWithoutOne()
    {
        var builder = new IndicatorValuesBuilder(Catalogued());
        Add(builder, "E09000012", 2020, 10);
        Add(builder, "E09000007", 2020, null, note: "Suppressed: fewer than 5");
        Add(builder, "E09000007", 2021, null, note: "Suppressed: fewer than 5");

        var slice = builder.Build().Slices[Persons];

        var suppressed = slice.SeriesByArea["E09000007"];
        suppressed.Select(v => (v.Value, v.Count, v.Note)).Should().Equal((null, null, "Suppressed: fewer than 5"), (null, null, "Suppressed: fewer than 5"));
        slice.Find(Year(2020))!.ByArea["E09000012"].Note.Should().BeNull();
    }

    [Fact]
    public void RowsInAnyOrder_GivePeriodsInOrder_EachValueKeepingItsOwnLabel()
    {
        var builder = new IndicatorValuesBuilder(Catalogued());
        Add(builder, "B", 2022, 3);
        Add(builder, "A", 2020, 1, label: "Apr 2020-Mar 2021");
        Add(builder, "B", 2020, 2);
        Add(builder, "A", 2021, 4);

        var slice = builder.Build().Slices[Persons];

        slice.Periods.Select(p => (p.Period, p.Label)).Should().Equal(
            (Year(2020), "Apr 2020-Mar 2021"), (Year(2021), "2021/22"), (Year(2022), "2022/23"));
        slice.Find(Year(2020))!.ByArea["B"].PeriodLabel.Should().Be("2020/21");
        slice.SeriesByArea["A"].Select(v => v.Value).Should().Equal(1, 4);
        slice.SeriesByArea["B"].Select(v => v.Period).Should().Equal(Year(2020), Year(2022));
        slice.SeriesByArea.Keys.Should().BeEquivalentTo("A", "B");
    }

    [Fact]
    public void HeadlineSlice_IsTheIndicatorsOwnWhereTheAreaHasValues_ElsePersonsWithMostValues_ElseMostValues()
    {
        var builder = new IndicatorValuesBuilder(Catalogued());
        Add(builder, "own", 2020, 1, Persons);
        Add(builder, "own", 2020, 1, Older);
        Add(builder, "own", 2021, 1, Older);
        Add(builder, "persons", 2020, 1, Female);
        Add(builder, "persons", 2021, 1, Female);
        Add(builder, "persons", 2020, 1, Older);
        Add(builder, "most", 2020, 1, Female);
        Add(builder, "most", 2020, 1, Male);
        Add(builder, "most", 2021, 1, Male);
        var values = builder.Build();

        values.HeadlineSliceFor("OWN")!.Slice.Should().Be(Persons);
        values.HeadlineSliceFor("persons")!.Slice.Should().Be(Older);
        values.HeadlineSliceFor("most")!.Slice.Should().Be(Male);
        values.HeadlineSliceFor("none").Should().BeNull();
        values.HeadlineSliceFor(null)!.Slice.Should().Be(Persons);
    }

    [Fact]
    public void HeadlineSlice_BetweenEqualSlices_TakesTheFirstBySexThenAge()
    {
        var builder = new IndicatorValuesBuilder(Catalogued());
        Add(builder, "A", 2020, 1, new Slice(Sex.Female, "18+ yrs"));
        Add(builder, "A", 2020, 1, new Slice(Sex.Male, "18+ yrs"));
        Add(builder, "A", 2020, 1, new Slice(Sex.Male, "16+ yrs"));

        builder.Build().HeadlineSliceFor("A")!.Slice.Should().Be(new Slice(Sex.Male, "16+ yrs"));
    }

    [Fact]
    public void Snapshots_ShareBuiltIndicators_InCatalogueOrder()
    {
        var employment = Catalogued(1, "employment", IndicatorTheme.Employment);
        var claimants = Catalogued(2, "claimants", IndicatorTheme.Benefits);
        var employmentBuilder = new IndicatorValuesBuilder(employment);
        Add(employmentBuilder, "A", 2020, 70);
        var employmentValues = employmentBuilder.Build();
        var claimantsValues = new IndicatorValuesBuilder(claimants).Build();

        var first = new ValueSnapshot(1, [], [employmentValues, claimantsValues]);
        var second = new ValueSnapshot(2, [], [employmentValues, claimantsValues]);

        first.Indicators.Select(i => i.Indicator.Key).Should().Equal("claimants", "employment");
        second.IndicatorsByKey["employment"].Should().BeSameAs(first.IndicatorsByKey["employment"]);
        second.Version.Should().Be(2);
        claimantsValues.Slices.Should().BeEmpty();
        claimantsValues.ValueCount.Should().Be(0);
        claimantsValues.HeadlineSliceFor(null).Should().BeNull();
    }

    [Fact]
    public void AnEditedCatalogueEntry_TakesTheSameValues_AndOnlyItsOwn()
    {
        var indicator = Catalogued();
        var builder = new IndicatorValuesBuilder(indicator);
        Add(builder, "A", 2020, 70);
        var values = builder.Build();
        var edited = Catalogued();
        edited.Polarity = Polarity.HighIsGood;

        var rebound = values.WithIndicator(edited);

        rebound.Indicator.Polarity.Should().Be(Polarity.HighIsGood);
        rebound.Slices[Persons].Should().BeSameAs(values.Slices[Persons]);
        values.Indicator.Should().BeSameAs(indicator);
        values.Invoking(v => v.WithIndicator(Catalogued(8))).Should().Throw<ArgumentException>();
    }

    [Fact]
    public void ABuilder_CannotBeUsedAfterBuilding()
    {
        var builder = new IndicatorValuesBuilder(Catalogued());
        builder.Build();

        builder.Invoking(b => Add(b, "A", 2020, 1)).Should().Throw<ObjectDisposedException>();
        builder.Invoking(b => b.Build()).Should().Throw<ObjectDisposedException>();
    }
}
