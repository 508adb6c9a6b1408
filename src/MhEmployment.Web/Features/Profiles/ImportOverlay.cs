using MhEmployment.Web.Domain;

namespace MhEmployment.Web.Features.Profiles;

/// <summary>A committed or undone import, as the dashboards apply it to the values they hold.</summary>
public sealed record ImportChange(int ImportId, bool Undone);

/// <summary>
/// An indicator's values after an import, from the values held before it and only the rows it wrote: a commit's
/// rows are the values it added or changed (each replaces the value held for its key); an undo removes the values
/// the import wrote and puts back the rows it had replaced. So a change of a few rows in each of many indicators
/// reads those rows, not every value of every indicator it touched; a slice the import leaves alone is kept as it is,
/// and the others are merged in one pass (<see cref="SliceValues.Overlay"/>).
/// </summary>
internal static class ImportOverlay
{
    /// <param name="indicator">The indicator's catalogue entry now.</param>
    /// <param name="held">The values held before the change.</param>
    /// <param name="rows">For a commit, the indicator's rows with the import's id; for an undo, those it had replaced.</param>
    public static IndicatorValues Apply(Indicator indicator, IndicatorValues held, ImportChange change, IReadOnlyList<StoredRow> rows)
    {
        ArgumentNullException.ThrowIfNull(held);
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(rows);
        var grown = held.Tables.Extend();
        var bySlice = new Dictionary<Slice, List<OverlayRow>>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (!bySlice.TryGetValue(row.Slice, out var sliceRows))
            {
                bySlice[row.Slice] = sliceRows = [];
            }
            sliceRows.Add(new OverlayRow
            {
                Period = row.Period, Area = grown.Area(row.AreaCode), Label = grown.Label(row.PeriodLabel), Note = grown.Note(row.Note),
                ImportId = row.ImportId, Arrival = i,
                Numbers = EncodedNumbers.Of(row.Value, row.Count, row.Denominator, row.Lower95, row.Upper95, row.Lower998, row.Upper998),
            });
        }
        var tables = grown.Build();
        var drop = change.Undone ? change.ImportId : (int?)null;
        var slices = new Dictionary<Slice, SliceValues>();
        // Held slices first, in their order, then the ones the import brings, in the order it brings them.
        foreach (var (slice, values) in held.Slices)
        {
            var touched = bySlice.Remove(slice, out var sliceRows);
            if (!touched && (drop is null || !values.HasImport(drop.Value)))
            {
                slices.Add(slice, values); // its indexes hold in the extended tables
            }
            else if (SliceValues.Overlay(slice, values, sliceRows ?? [], drop, grown, tables) is { } merged)
            {
                slices.Add(slice, merged);
            }
        }
        foreach (var (slice, sliceRows) in bySlice)
        {
            slices.Add(slice, SliceValues.Overlay(slice, null, sliceRows, drop, grown, tables)!);
        }
        return new IndicatorValues(indicator, tables, slices);
    }
}
