using MhEmployment.Web.Features.Indicators;

namespace MhEmployment.Web.Features.Profiles;

/// <summary>How many values an indicator holds (for one area, or all) and the newest of them, as its page lists them.</summary>
public sealed record StoredValuesPage(int Count, IReadOnlyList<IndicatorCatalogue.StoredValue> Newest);

/// <summary>
/// The indicator page's table of stored values, from the snapshot the page shows rather than the database: the same
/// data version as its charts, and no scan of the indicator's rows. A count and a sorted read over a million values
/// took hundreds of milliseconds on PostgreSQL, more while an import of the same indicator was being written, and the
/// page is built again each time its cached copy expires.
/// </summary>
public static class NewestValues
{
    /// <summary>
    /// The values of <paramref name="area"/> (all areas when null), newest period first and by area name within one,
    /// at most <paramref name="limit"/> of them; and how many there are.
    /// </summary>
    public static StoredValuesPage Of(ValueSnapshot snapshot, IndicatorValues indicator, string? area, int limit)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(indicator);
        var areaIndex = area is null ? -1 : indicator.Tables.AreaIndexOf(area);
        if (area is not null && areaIndex < 0)
        {
            return new(0, []);
        }

        // Each slice's periods with how many of the chosen values they hold, newest first across slices.
        var periods = new List<(SliceValues Slice, int Period, DateOnly Start, int Values)>();
        foreach (var slice in indicator.Slices.Values)
        {
            for (var p = 0; p < slice.Periods.Count; p++)
            {
                var values = area is null ? slice.End(p) - slice.Start(p) : slice.RowOf(p, areaIndex) >= 0 ? 1 : 0;
                if (values > 0)
                {
                    periods.Add((slice, p, slice.Periods[p].Period.Start, values));
                }
            }
        }
        periods.Sort((a, b) => b.Start.CompareTo(a.Start));
        var count = periods.Sum(p => p.Values);

        // Enough periods to fill the page, and every period starting on the same day as the last one taken (the page
        // orders by area name within a start, so any of those values may come first).
        var taken = new List<IndicatorCatalogue.StoredValue>();
        for (var i = 0; i < periods.Count; i++)
        {
            if (taken.Count >= limit && (i == 0 || periods[i].Start != periods[i - 1].Start))
            {
                break;
            }
            var (slice, period, _, _) = periods[i];
            if (area is not null)
            {
                taken.Add(Stored(snapshot, slice.ValueAt(period, slice.RowOf(period, areaIndex))));
                continue;
            }
            for (var row = slice.Start(period); row < slice.End(period); row++)
            {
                taken.Add(Stored(snapshot, slice.ValueAt(period, row)));
            }
        }
        var newest = taken
            .OrderByDescending(v => v.PeriodStart)
            .ThenBy(v => v.AreaName, StringComparer.Ordinal)
            .ThenBy(v => v.AreaCode, StringComparer.Ordinal)
            .ThenBy(v => v.Sex)
            .ThenBy(v => v.AgeBand, StringComparer.Ordinal)
            .ThenBy(v => v.PeriodLabel, StringComparer.Ordinal)
            .Take(limit)
            .ToList();
        return new(count, newest);
    }

    private static IndicatorCatalogue.StoredValue Stored(ValueSnapshot snapshot, SnapshotValue v) =>
        new(v.AreaCode, snapshot.NameOf(v.AreaCode), v.PeriodLabel, v.Period.Start, v.Slice.Sex, v.Slice.AgeBand,
            v.Value, v.Count, v.Denominator, v.Lower95, v.Upper95, v.Note, v.ImportId);
}
