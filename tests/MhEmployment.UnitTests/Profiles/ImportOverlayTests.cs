using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Profiles;
using static MhEmployment.UnitTests.Profiles.OverlayTestData;

namespace MhEmployment.UnitTests.Profiles;

/// <summary>
/// Applying an import to held values must give exactly what reading the indicator whole afterwards gives: the same
/// values, import ids, notes and period labels, and nothing of an undone import left.
/// </summary>
public sealed class ImportOverlayTests
{
    private static StoredRow Row(string area, int year, double? value, int importId, Slice? slice = null, string? note = null, string? label = null) =>
        new(area, Year(year), label ?? $"{year}/{(year + 1) % 100:00}", slice ?? Persons, value, value * 10, 1000, null, null, null, null, note, importId);

    private static IndicatorValues Build(IEnumerable<StoredRow> rows, Indicator? indicator = null)
    {
        var builder = new IndicatorValuesBuilder(indicator ?? Claimants);
        foreach (var row in rows)
        {
            builder.Add(row);
        }
        return builder.Build();
    }

    /// <summary>Every value as read back, in a stable order, to compare two builds.</summary>
    private static List<SnapshotValue> Values(IndicatorValues values) =>
        [.. values.Slices.Values.SelectMany(s => s.Periods).SelectMany(p => p.ByArea.Values)
            .OrderBy(v => v.Slice.Sex).ThenBy(v => v.Slice.AgeBand, StringComparer.Ordinal).ThenBy(v => v.Period).ThenBy(v => v.AreaCode, StringComparer.Ordinal)];

    /// <summary>The values in the order the indicator holds them: slice, period, then area as first loaded.</summary>
    private static IEnumerable<SnapshotValue> InHeldOrder(IndicatorValues values) =>
        values.Slices.Values.SelectMany(s => s.Periods).SelectMany(p => p.ByArea.Values);

    private static readonly StoredRow[] Before =
    [
        Row("E09000001", 2020, 10, importId: 1, label: "April 2020 to March 2021"),
        Row("E09000002", 2020, 20, importId: 1),
        Row("E09000001", 2021, 11, importId: 1, note: "provisional"),
        Row("E09000002", 2021, 21, importId: 1),
        Row("E09000001", 2021, 31, importId: 1, slice: Female),
    ];

    // Import 2 changes one value, adds a period for one area and an area to an existing period, and leaves the rest.
    private static readonly StoredRow[] Written =
    [
        Row("E09000002", 2021, 22.5, importId: 2),
        Row("E09000001", 2022, 12, importId: 2),
        Row("E09000003", 2020, 30, importId: 2),
    ];

    [Fact]
    public void ACommit_GivesWhatReadingTheIndicatorWholeAfterItGives()
    {
        var held = Build(Before);

        var overlaid = ImportOverlay.Apply(Claimants, held, new ImportChange(2, Undone: false), Written);

        var stored = Before.Where(b => !Written.Any(w => w.AreaCode == b.AreaCode && w.Period == b.Period && w.Slice == b.Slice)).Concat(Written);
        Values(overlaid).Should().Equal(Values(Build(stored)));
        overlaid.Slices[Persons].Find(Year(2021))!.ByArea["E09000002"].Should().Match<SnapshotValue>(v => v.Value == 22.5 && v.ImportId == 2);
        overlaid.Slices[Persons].Find(Year(2020))!.Label.Should().Be("April 2020 to March 2021", "a period keeps the label it was first loaded with");
        overlaid.Slices[Persons].Find(Year(2021))!.ByArea["E09000001"].Note.Should().Be("provisional");
        overlaid.ValueCount.Should().Be(7);
    }

    [Fact]
    public void AnUndo_RemovesTheImportsValuesAndPutsBackWhatItReplaced()
    {
        var afterCommit = ImportOverlay.Apply(Claimants, Build(Before), new ImportChange(2, Undone: false), Written);
        var replaced = new[] { Before[3] };

        var undone = ImportOverlay.Apply(Claimants, afterCommit, new ImportChange(2, Undone: true), replaced);

        Values(undone).Should().Equal(Values(Build(Before)));
        undone.HasImport(2).Should().BeFalse();
    }

    [Fact]
    public void AnUndoThatReplacedNothing_StillRemovesTheValuesItAdded()
    {
        var held = Build([.. Before, Row("E09000009", 2020, 99, importId: 3)]);

        var undone = ImportOverlay.Apply(Claimants, held, new ImportChange(3, Undone: true), []);

        Values(undone).Should().Equal(Values(Build(Before)));
    }

    [Fact]
    public void AnUndoThatLeavesAPeriodOrASliceEmpty_DropsIt_AndACommitsNewSliceAndPeriodComeAfterTheHeldOnes()
    {
        var older = new Slice(Sex.Persons, "65+ yrs");
        var held = Build([.. Before, Row("E09000001", 2023, 13, importId: 4), Row("E09000001", 2020, 40, importId: 4, slice: older)]);

        var undone = ImportOverlay.Apply(Claimants, held, new ImportChange(4, Undone: true), []);
        var committed = ImportOverlay.Apply(Claimants, Build(Before), new ImportChange(4, Undone: false),
            [Row("E09000001", 2020, 40, importId: 4, slice: older), Row("E09000001", 2019, 9, importId: 4, label: "Year to March 2020")]);

        undone.Slices.Keys.Should().Equal(Persons, Female);
        undone.Slices[Persons].Periods.Select(p => p.Period).Should().Equal(Year(2020), Year(2021));
        committed.Slices.Keys.Should().Equal(Persons, Female, older);
        committed.Slices[Persons].Periods.Select(p => p.Label).Should().Equal("Year to March 2020", "April 2020 to March 2021", "2021/22");
    }

    /// <summary>
    /// Held values and imports made at random (changed and new keys, own period labels, notes, empty columns, several
    /// slices, undos of the values' own imports): the overlay must equal the builder given the same values in the same order.
    /// </summary>
    [Fact]
    public void RandomHeldValuesAndImports_GiveWhatTheBuilderGives()
    {
        var random = new Random(20261206);
        Slice[] slices = [Persons, Female, new Slice(Sex.Male, "16-64 yrs"), new Slice(Sex.Persons, "65+ yrs")];
        StoredRow Any(int importId) => new(
            $"E0900000{random.Next(10)}", Year(2015 + random.Next(8)), random.Next(6) == 0 ? "own label" : $"{random.Next(3)}",
            slices[random.Next(slices.Length)], random.Next(5) == 0 ? null : random.Next(100), random.Next(3) == 0 ? null : random.Next(50), 100,
            random.Next(2) == 0 ? null : 1, null, null, random.Next(4) == 0 ? 2 : null, random.Next(7) == 0 ? $"note {random.Next(3)}" : null, importId);
        for (var trial = 0; trial < 300; trial++)
        {
            var heldRows = Enumerable.Range(0, random.Next(0, 60)).Select(_ => Any(random.Next(1, 4))).ToList();
            var held = Build(heldRows);
            var undo = heldRows.Count > 0 && random.Next(2) == 0;
            var import = undo ? heldRows[random.Next(heldRows.Count)].ImportId : 9;
            var rows = Enumerable.Range(0, random.Next(0, 40)).Select(_ => Any(undo ? random.Next(1, 4) : import)).Where(r => !undo || r.ImportId != import).ToList();

            var overlaid = ImportOverlay.Apply(Claimants, held, new ImportChange(import, undo), rows);

            // What the builder would be given: the held values as the held snapshot reads them, less an undone import's, then the rows.
            var expected = Build(InHeldOrder(held).Where(v => !undo || v.ImportId != import)
                .Select(v => new StoredRow(v.AreaCode, v.Period, v.PeriodLabel, v.Slice, v.Value, v.Count, v.Denominator, v.Lower95, v.Upper95, v.Lower998, v.Upper998, v.Note, v.ImportId))
                .Concat(rows));
            Values(overlaid).Should().Equal(Values(expected), $"trial {trial}");
            // As sets: slices are listed in the order first loaded, which a read of the table does not fix either.
            overlaid.Slices.Keys.Should().BeEquivalentTo(expected.Slices.Keys, $"trial {trial}");
            foreach (var (slice, values) in overlaid.Slices)
            {
                values.Periods.Select(p => p.Period).Should().Equal(expected.Slices[slice].Periods.Select(p => p.Period), $"trial {trial}");
                foreach (var period in values.Periods)
                {
                    var heldPeriod = held.Slices.GetValueOrDefault(slice)?.Find(period.Period);
                    var keepsHeld = heldPeriod is not null && heldPeriod.ByArea.Values.Any(v => !undo || v.ImportId != import);
                    period.Label.Should().Be(keepsHeld ? heldPeriod!.Label : rows.First(r => r.Slice == slice && r.Period == period.Period).PeriodLabel,
                        $"trial {trial}: a period keeps its label while it keeps a held value, else takes the import's first");
                }
            }
        }
    }

    [Fact]
    public void TheResult_IsUnderTheCatalogueEntryGiven()
    {
        var edited = new Indicator
        {
            Id = Claimants.Id, Key = Claimants.Key, Name = Claimants.Name, Definition = "", Source = "", Age = Claimants.Age, Sex = Claimants.Sex,
            Theme = Claimants.Theme, Unit = Claimants.Unit, ValueType = Claimants.ValueType, Multiplier = Claimants.Multiplier,
            Polarity = Polarity.HighIsGood, PeriodType = Claimants.PeriodType, IntervalMethod = Claimants.IntervalMethod,
            ComparisonMethod = Claimants.ComparisonMethod,
        };

        var overlaid = ImportOverlay.Apply(edited, Build(Before), new ImportChange(2, Undone: false), Written);

        overlaid.Indicator.Polarity.Should().Be(Polarity.HighIsGood);
    }
}
