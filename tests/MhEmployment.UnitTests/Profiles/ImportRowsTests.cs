using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Profiles;
using static MhEmployment.UnitTests.Profiles.OverlayTestData;

namespace MhEmployment.UnitTests.Profiles;

/// <summary>
/// An import's rows are read in ranges of the table at once and combined: the result must be what the rows read in one
/// go give, whatever the ranges' cut points and however the indicators' rows interleave.
/// </summary>
public sealed class ImportRowsTests
{
    private static readonly Slice Older = new(Sex.Persons, "65+ yrs");

    private static StoredRow Row(string area, int year, double? value, Slice slice, string? note = null, string? label = null, int importId = 2) =>
        new(area, Year(year), label ?? $"{year}/{(year + 1) % 100:00}", slice, value, null, 1000, null, null, null, null, note, importId);

    private static List<SnapshotValue> Values(IndicatorValues values) =>
        [.. values.Slices.Values.SelectMany(s => s.Periods).SelectMany(p => p.ByArea.Values)
            .OrderBy(v => v.Slice.Sex).ThenBy(v => v.Slice.AgeBand, StringComparer.Ordinal).ThenBy(v => v.Period).ThenBy(v => v.AreaCode, StringComparer.Ordinal)];

    [Fact]
    public void Combine_GroupsTheRowsBySliceInOrderOfFirstArrival_EachSlicesRowsInArrivalOrder()
    {
        var first = new ImportRows.Collector();
        var second = new ImportRows.Collector();
        first.Add(7, Row("E09000001", 2020, 1, Female));
        first.Add(8, Row("E09000009", 2020, 99, Persons));
        first.Add(7, Row("E09000002", 2020, 2, Persons, note: "provisional"));
        second.Add(7, Row("E09000003", 2021, 3, Female, note: "provisional"));
        second.Add(7, Row("E09000001", 2021, 4, Older));
        second.Add(7, Row("E09000002", 2021, 5, Persons));

        var combined = ImportRows.Combine([first, second]);

        combined.Keys.Should().BeEquivalentTo([7, 8]);
        var rows = combined[7];
        rows.Slices.Should().Equal(Female, Persons, Older);
        rows.SliceStarts.Should().Equal(0, 2, 4, 5);
        rows.Rows.Select(r => rows.Areas[r.Area]).Should().Equal("E09000001", "E09000003", "E09000002", "E09000002", "E09000001");
        rows.Rows.Select(r => r.Arrival).Should().Equal(0, 2, 1, 4, 3);
        rows.Rows.Select(r => rows.Notes[r.Note]).Should().Equal(null, "provisional", "provisional", null, null);
        rows.Rows.Select(r => rows.Labels[r.Label]).Should().Equal("2020/21", "2021/22", "2020/21", "2021/22", "2021/22");
        combined[8].Count.Should().Be(1);
    }

    /// <summary>Thousands of rows (past the collectors' chunk sizes), cut into ranges at random, another indicator's rows among them.</summary>
    [Fact]
    public void RowsReadInRandomRanges_GiveTheOverlayTheRowsReadInOneGoGive()
    {
        var random = new Random(20261207);
        Slice[] slices = [Persons, Female, Older];
        StoredRow Any() => Row($"E0900{random.Next(400):0000}", 2010 + random.Next(12), random.Next(5) == 0 ? null : random.Next(1000),
            slices[random.Next(slices.Length)], note: random.Next(50) == 0 ? $"note {random.Next(3)}" : null,
            label: random.Next(100) == 0 ? "own label" : null);
        var held = new IndicatorValuesBuilder(Claimants);
        for (var i = 0; i < 3000; i++)
        {
            held.Add(Any() with { ImportId = 1 });
        }
        var heldValues = held.Build();
        var rows = Enumerable.Range(0, 20_000).Select(_ => Any()).ToList();
        var cuts = Enumerable.Range(0, 3).Select(_ => random.Next(rows.Count)).Append(0).Append(rows.Count).Order().ToList();
        var parts = new List<ImportRows.Collector>();
        for (var p = 0; p + 1 < cuts.Count; p++)
        {
            var part = new ImportRows.Collector();
            for (var r = cuts[p]; r < cuts[p + 1]; r++)
            {
                if (random.Next(4) == 0)
                {
                    part.Add(8, Any());
                }
                part.Add(Claimants.Id, rows[r]);
            }
            parts.Add(part);
        }

        var inRanges = ImportOverlay.Apply(Claimants, heldValues, new ImportChange(2, Undone: false), ImportRows.Combine(parts)[Claimants.Id]);
        var inOneGo = ImportOverlay.Apply(Claimants, heldValues, new ImportChange(2, Undone: false), rows);

        Values(inRanges).Should().Equal(Values(inOneGo));
        inRanges.Slices.Keys.Should().Equal(inOneGo.Slices.Keys);
        inRanges.Slices.Values.SelectMany(s => s.Periods).Select(p => p.Label)
            .Should().Equal(inOneGo.Slices.Values.SelectMany(s => s.Periods).Select(p => p.Label));
        Values(inRanges).Should().HaveCountGreaterThan(3000, "the overlay must have taken the rows in");
    }
}
