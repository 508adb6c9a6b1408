using MhEmployment.Web.Domain;

namespace MhEmployment.Web.Features.Profiles;

/// <summary>
/// An indicator with all its stored values, grouped by slice. Immutable and independent of any snapshot, so one
/// data version can carry it on to the next. Made by <see cref="IndicatorValuesBuilder"/>.
/// </summary>
public sealed class IndicatorValues
{
    private readonly IndicatorTables tables;
    private readonly Dictionary<Slice, SliceValues> slices;

    internal IndicatorValues(Indicator indicator, IndicatorTables tables, Dictionary<Slice, SliceValues> slices)
    {
        Indicator = indicator;
        this.tables = tables;
        this.slices = slices;
        ValueCount = slices.Values.Sum(s => s.ValueCount);
    }

    public Indicator Indicator { get; }

    internal IndicatorTables Tables => tables;

    /// <summary>The slices in the order their first value was loaded.</summary>
    public IReadOnlyDictionary<Slice, SliceValues> Slices => slices;

    /// <summary>How many values are held (one per area, period and slice).</summary>
    public int ValueCount { get; }

    /// <summary>The same values under an edited catalogue entry (polarity, interval method...): nothing is copied.</summary>
    public IndicatorValues WithIndicator(Indicator edited)
    {
        ArgumentNullException.ThrowIfNull(edited);
        if (edited.Id != Indicator.Id)
        {
            throw new ArgumentException($"Indicator {edited.Id} cannot take the values of indicator {Indicator.Id}.", nameof(edited));
        }
        return new IndicatorValues(edited, tables, slices);
    }

    /// <summary>Whether any value held came from the import.</summary>
    internal bool HasImport(int importId) => slices.Values.Any(s => s.HasImport(importId));

    /// <summary>
    /// The slice a view of several areas shows (a region's heat map, the needs-versus-assets comparison): the
    /// indicator's own sex and age when any of the areas has values in it, otherwise the slice most of them have.
    /// </summary>
    public SliceValues? HeadlineSliceAmong(Func<string, bool> inSet)
    {
        ArgumentNullException.ThrowIfNull(inSet);
        return slices.Values
            .Where(s => s.SeriesByArea.Keys.Any(inSet))
            .OrderByDescending(s => s.Slice.Sex == Indicator.Sex && string.Equals(s.Slice.AgeBand, Indicator.Age, StringComparison.OrdinalIgnoreCase))
            .ThenByDescending(s => s.SeriesByArea.Keys.Count(inSet))
            .FirstOrDefault();
    }

    /// <summary>
    /// The slice a dashboard shows for an area: the indicator's own sex and age when the area has values in it,
    /// otherwise the slice where the area has most values (persons first), so one indicator is one row.
    /// </summary>
    public SliceValues? HeadlineSliceFor(string? areaCode)
    {
        var area = areaCode is null ? -1 : tables.AreaIndexOf(areaCode);
        if (areaCode is not null && area < 0)
        {
            return null;
        }
        return slices.Values
            .Select(s => (Values: s, Count: areaCode is null ? s.ValueCount : s.PeriodCountOf(area)))
            .Where(s => s.Count > 0)
            .OrderByDescending(s => s.Values.Slice.Sex == Indicator.Sex
                && string.Equals(s.Values.Slice.AgeBand, Indicator.Age, StringComparison.OrdinalIgnoreCase))
            .ThenByDescending(s => s.Values.Slice.Sex == Sex.Persons)
            .ThenByDescending(s => s.Count)
            .ThenBy(s => s.Values.Slice.Sex)
            .ThenBy(s => s.Values.Slice.AgeBand, StringComparer.Ordinal)
            .Select(s => s.Values)
            .FirstOrDefault();
    }
}
