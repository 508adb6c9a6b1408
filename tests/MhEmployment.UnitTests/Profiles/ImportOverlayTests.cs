using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Profiles;

namespace MhEmployment.UnitTests.Profiles;

/// <summary>
/// Applying an import to held values must give exactly what reading the indicator whole afterwards gives: the same
/// values, import ids, notes and period labels, and nothing of an undone import left.
/// </summary>
public sealed class ImportOverlayTests
{
    private static readonly Slice Persons = new(Sex.Persons, "16-64 yrs");
    private static readonly Slice Female = new(Sex.Female, "16-64 yrs");

    private static readonly Indicator Claimants = new()
    {
        Id = 7, Key = "claimants", Name = "Claimants", Definition = "", Source = "", Age = "16-64 yrs", Sex = Sex.Persons,
        Theme = IndicatorTheme.Benefits, Unit = IndicatorUnit.Percent, ValueType = IndicatorValueType.Proportion, Multiplier = 100,
        Polarity = Polarity.LowIsGood, PeriodType = PeriodType.FinancialYear, IntervalMethod = IntervalMethod.Wilson,
        ComparisonMethod = ComparisonMethod.ConfidenceIntervals,
    };

    private static PeriodKey Year(int year) => new(new DateOnly(year, 4, 1), new DateOnly(year + 1, 3, 31));

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
            .OrderBy(v => v.Slice.Sex).ThenBy(v => v.Period).ThenBy(v => v.AreaCode, StringComparer.Ordinal)];

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
