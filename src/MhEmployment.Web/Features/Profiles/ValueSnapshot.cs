using MhEmployment.Web.Domain;

namespace MhEmployment.Web.Features.Profiles;

/// <summary>An indicator's sex and age band: values are only ever compared within one slice.</summary>
public readonly record struct Slice(Sex Sex, string AgeBand);

/// <summary>A period as stored: start and end dates, ordered by start then end.</summary>
public readonly record struct PeriodKey(DateOnly Start, DateOnly End) : IComparable<PeriodKey>
{
    public int CompareTo(PeriodKey other) => Start != other.Start ? Start.CompareTo(other.Start) : End.CompareTo(other.End);

    /// <summary>The text used as the statistics engine's breakdown period.</summary>
    public override string ToString() => $"{Start:yyyy-MM-dd}/{End:yyyy-MM-dd}";

    public static bool operator <(PeriodKey left, PeriodKey right) => left.CompareTo(right) < 0;
    public static bool operator >(PeriodKey left, PeriodKey right) => left.CompareTo(right) > 0;
    public static bool operator <=(PeriodKey left, PeriodKey right) => left.CompareTo(right) <= 0;
    public static bool operator >=(PeriodKey left, PeriodKey right) => left.CompareTo(right) >= 0;
}

/// <summary>One stored value as the dashboards read it.</summary>
public sealed record SnapshotValue(
    int IndicatorId, string AreaCode, PeriodKey Period, string PeriodLabel, Slice Slice,
    double? Value, double? Count, double? Denominator,
    double? Lower95, double? Upper95, double? Lower998, double? Upper998, string? Note, int ImportId);

/// <summary>An area as the dashboards need it: where it sits and whether it still exists.</summary>
public sealed record SnapshotArea(
    string Code, string Name, AreaKind Kind, string? RegionCode, string? ParentCode, DateOnly? ValidTo,
    IReadOnlyList<string> SuccessorCodes)
{
    public bool IsHistorical => ValidTo is not null;
}

/// <summary>All areas' values of one indicator for one period of a slice.</summary>
public sealed class PeriodValues(PeriodKey period, string label, IReadOnlyDictionary<string, SnapshotValue> byArea)
{
    public PeriodKey Period { get; } = period;
    public string Label { get; } = label;
    public IReadOnlyDictionary<string, SnapshotValue> ByArea { get; } = byArea;
}

/// <summary>One slice of an indicator: its periods in order, and each area's series.</summary>
public sealed class SliceValues
{
    public SliceValues(Slice slice, IEnumerable<SnapshotValue> values)
    {
        Slice = slice;
        var list = values.ToList();
        Periods = [.. list.GroupBy(v => v.Period).OrderBy(g => g.Key)
            .Select(g => new PeriodValues(g.Key, g.First().PeriodLabel,
                g.GroupBy(v => v.AreaCode, StringComparer.OrdinalIgnoreCase)
                    .ToDictionary(a => a.Key, a => a.Last(), StringComparer.OrdinalIgnoreCase)))];
        SeriesByArea = list.GroupBy(v => v.AreaCode, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<SnapshotValue>)[.. g.OrderBy(v => v.Period)], StringComparer.OrdinalIgnoreCase);
    }

    public Slice Slice { get; }
    public IReadOnlyList<PeriodValues> Periods { get; }
    public IReadOnlyDictionary<string, IReadOnlyList<SnapshotValue>> SeriesByArea { get; }

    public PeriodValues? Find(PeriodKey period) => Periods.FirstOrDefault(p => p.Period == period);
}

/// <summary>An indicator with all its stored values, grouped by slice.</summary>
public sealed class IndicatorValues
{
    public IndicatorValues(Indicator indicator, IEnumerable<SnapshotValue> values)
    {
        Indicator = indicator;
        Slices = values.GroupBy(v => v.Slice).ToDictionary(g => g.Key, g => new SliceValues(g.Key, g));
    }

    public Indicator Indicator { get; }
    public IReadOnlyDictionary<Slice, SliceValues> Slices { get; }

    /// <summary>
    /// The slice a dashboard shows for an area: the indicator's own sex and age when the area has values in it,
    /// otherwise the slice where the area has most values (persons first), so one indicator is one row.
    /// </summary>
    public SliceValues? HeadlineSliceFor(string? areaCode)
    {
        var candidates = Slices.Values
            .Where(s => areaCode is null || s.SeriesByArea.ContainsKey(areaCode))
            .ToList();
        return candidates
            .OrderByDescending(s => s.Slice.Sex == Indicator.Sex && string.Equals(s.Slice.AgeBand, Indicator.Age, StringComparison.OrdinalIgnoreCase))
            .ThenByDescending(s => s.Slice.Sex == Sex.Persons)
            .ThenByDescending(s => areaCode is null ? s.Periods.Sum(p => p.ByArea.Count) : s.SeriesByArea[areaCode].Count)
            .ThenBy(s => s.Slice.Sex)
            .ThenBy(s => s.Slice.AgeBand, StringComparer.Ordinal)
            .FirstOrDefault();
    }
}

/// <summary>
/// Everything the dashboards read, held in memory for one data version: the data only change on import and undo,
/// so pages compute from this copy instead of querying per request.
/// </summary>
public sealed class ValueSnapshot
{
    public ValueSnapshot(long version, IEnumerable<SnapshotArea> areas, IEnumerable<Indicator> indicators, IEnumerable<SnapshotValue> values)
    {
        Version = version;
        Areas = areas.ToDictionary(a => a.Code, StringComparer.OrdinalIgnoreCase);
        var byIndicator = values.ToLookup(v => v.IndicatorId);
        Indicators = [.. indicators
            .OrderBy(i => i.Theme).ThenBy(i => i.Name, StringComparer.OrdinalIgnoreCase)
            .Select(i => new IndicatorValues(i, byIndicator[i.Id]))];
        IndicatorsByKey = Indicators.ToDictionary(i => i.Indicator.Key, StringComparer.OrdinalIgnoreCase);
    }

    public long Version { get; }
    public IReadOnlyDictionary<string, SnapshotArea> Areas { get; }

    /// <summary>The catalogue in page order (theme, then name).</summary>
    public IReadOnlyList<IndicatorValues> Indicators { get; }
    public IReadOnlyDictionary<string, IndicatorValues> IndicatorsByKey { get; }

    public string NameOf(string areaCode) => Areas.TryGetValue(areaCode, out var a) ? a.Name : areaCode;
}
