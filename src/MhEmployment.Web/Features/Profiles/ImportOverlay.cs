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
    public static IndicatorValues Apply(Indicator indicator, IndicatorValues held, ImportChange change, IEnumerable<StoredRow> rows) =>
        Apply(indicator, held, change, ImportRows.Of(rows));

    /// <param name="rows">As for the other overload; their table indexes are rewritten here, so they serve once.</param>
    public static IndicatorValues Apply(Indicator indicator, IndicatorValues held, ImportChange change, ImportRows rows)
    {
        ArgumentNullException.ThrowIfNull(held);
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(rows);
        var grown = held.Tables.Extend();
        // Each distinct text looked up once, then every row's indexes moved into the indicator's tables.
        var areas = Array.ConvertAll(rows.Areas, grown.Area);
        var labels = Array.ConvertAll(rows.Labels, grown.Label);
        var notes = Array.ConvertAll(rows.Notes, grown.Note);
        foreach (ref var row in rows.Rows.AsSpan())
        {
            row.Area = areas[row.Area];
            row.Label = labels[row.Label];
            row.Note = notes[row.Note];
        }
        var tables = grown.Build();
        var bySlice = rows.Slices.Select((slice, s) => (slice, s)).ToDictionary(p => p.slice, p => p.s);
        var drop = change.Undone ? change.ImportId : (int?)null;
        var slices = new Dictionary<Slice, SliceValues>();
        // Held slices first, in their order, then the ones the import brings, in the order it brings them.
        foreach (var (slice, values) in held.Slices)
        {
            var touched = bySlice.Remove(slice, out var s);
            if (!touched && (drop is null || !values.HasImport(drop.Value)))
            {
                slices.Add(slice, values); // its indexes hold in the extended tables
            }
            else if (SliceValues.Overlay(slice, values, touched ? SliceRows(rows, s) : [], drop, grown, tables) is { } merged)
            {
                slices.Add(slice, merged);
            }
        }
        foreach (var (slice, s) in bySlice.OrderBy(p => p.Value))
        {
            slices.Add(slice, SliceValues.Overlay(slice, null, SliceRows(rows, s), drop, grown, tables)!);
        }
        return new IndicatorValues(indicator, tables, slices);
    }

    private static Span<OverlayRow> SliceRows(ImportRows rows, int slice) =>
        rows.Rows.AsSpan(rows.SliceStarts[slice], rows.SliceStarts[slice + 1] - rows.SliceStarts[slice]);
}
