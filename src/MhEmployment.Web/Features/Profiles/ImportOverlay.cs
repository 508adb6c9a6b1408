using MhEmployment.Web.Domain;

namespace MhEmployment.Web.Features.Profiles;

/// <summary>A committed or undone import, as the dashboards apply it to the values they hold.</summary>
public sealed record ImportChange(int ImportId, bool Undone);

/// <summary>
/// An indicator's values after an import, from the values held before it and only the rows it wrote: a commit's
/// rows are the values it added or changed (each replaces the value held for its key); an undo removes the values
/// the import wrote and puts back the rows it had replaced. So a change of a few rows in each of many indicators
/// reads those rows, not every value of every indicator it touched.
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
        var builder = new IndicatorValuesBuilder(indicator);
        // Held values first: a value added again for the same key replaces the earlier one, and a period keeps the label it had.
        held.CopyTo(builder, change.Undone ? change.ImportId : null);
        foreach (var row in rows)
        {
            builder.Add(row);
        }
        return builder.Build();
    }
}
