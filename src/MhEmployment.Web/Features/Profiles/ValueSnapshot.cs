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

/// <summary>
/// One stored value as the dashboards read it. The snapshot does not hold these: it makes one from its compact
/// columns each time a value is read, and the reader drops it when done.
/// </summary>
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

/// <summary>
/// Everything the dashboards read, held in memory for one data version: the data only change on import and undo,
/// so pages compute from this copy instead of querying per request. Each indicator's values are an immutable
/// <see cref="IndicatorValues"/> that does not refer to the snapshot, so an unchanged indicator can be carried into
/// the next version as it is.
/// </summary>
public sealed class ValueSnapshot
{
    public ValueSnapshot(long version, IEnumerable<SnapshotArea> areas, IEnumerable<IndicatorValues> indicators)
    {
        Version = version;
        Areas = areas.ToDictionary(a => a.Code, StringComparer.OrdinalIgnoreCase);
        Indicators = [.. indicators.OrderBy(i => i.Indicator.Theme).ThenBy(i => i.Indicator.Name, StringComparer.OrdinalIgnoreCase)];
        IndicatorsByKey = Indicators.ToDictionary(i => i.Indicator.Key, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>A snapshot from loose values; those of indicators not in <paramref name="indicators"/> are left out.</summary>
    public ValueSnapshot(long version, IEnumerable<SnapshotArea> areas, IEnumerable<Indicator> indicators, IEnumerable<SnapshotValue> values)
        : this(version, areas, BuildAll(indicators, values))
    {
    }

    public long Version { get; }
    public IReadOnlyDictionary<string, SnapshotArea> Areas { get; }

    /// <summary>The catalogue in page order (theme, then name).</summary>
    public IReadOnlyList<IndicatorValues> Indicators { get; }
    public IReadOnlyDictionary<string, IndicatorValues> IndicatorsByKey { get; }

    public string NameOf(string areaCode) => Areas.TryGetValue(areaCode, out var a) ? a.Name : areaCode;

    private static List<IndicatorValues> BuildAll(IEnumerable<Indicator> indicators, IEnumerable<SnapshotValue> values)
    {
        var byIndicator = values.ToLookup(v => v.IndicatorId);
        var built = new List<IndicatorValues>();
        foreach (var indicator in indicators)
        {
            var builder = new IndicatorValuesBuilder(indicator);
            foreach (var v in byIndicator[indicator.Id])
            {
                builder.Add(v.AreaCode, v.Period, v.PeriodLabel, v.Slice, v.Value, v.Count, v.Denominator,
                    v.Lower95, v.Upper95, v.Lower998, v.Upper998, v.Note, v.ImportId);
            }
            built.Add(builder.Build());
        }
        return built;
    }
}
