using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Statistics;

namespace MhEmployment.Web.Features.Profiles;

/// <summary>Where a value's confidence limits came from, which the pages state.</summary>
public enum IntervalSource { None, Supplied, Computed }

/// <summary>A stored value with its limits at both levels: the file's own where it gave them, else computed.</summary>
public sealed record ResolvedValue(
    string AreaCode, PeriodKey Period, string PeriodLabel, double? Value, double? Count, double? Denominator,
    Interval? Interval, IntervalSource IntervalSource, string? Note, int? ImportId)
{
    public bool HasValue => Value is { } v && double.IsFinite(v);

    /// <summary>A limit as JSON and charts take it: one that could not be worked out (NaN) is null.</summary>
    public static double? Finite(double? value) => value is { } v && double.IsFinite(v) ? v : null;

    /// <summary>For the statistics engine, which matches benchmarks on the breakdown.</summary>
    public AreaValue ToAreaValue(Breakdown breakdown) => new(AreaCode, breakdown, Value, Interval);

    public static ResolvedValue From(SnapshotValue stored, Indicator indicator)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(indicator);
        var computed = Compute(indicator, stored.Count, stored.Denominator);
        Interval? interval;
        IntervalSource source;
        if (stored.Lower95 is { } l95 && stored.Upper95 is { } u95)
        {
            // The file's 95% limits are kept; its 99.8% ones too, else ours from the count when there is one.
            interval = stored.Lower998 is { } l998 && stored.Upper998 is { } u998
                ? new Interval(l95, u95, l998, u998)
                : new Interval(l95, u95, computed?.Lower998 ?? double.NaN, computed?.Upper998 ?? double.NaN);
            source = IntervalSource.Supplied;
        }
        else
        {
            interval = stored.Value is null || IsAggregatedFromLowerAreas(stored.Note) ? null : computed;
            source = interval is null ? IntervalSource.None : IntervalSource.Computed;
        }
        return new ResolvedValue(stored.AreaCode, stored.Period, stored.PeriodLabel, stored.Value, stored.Count, stored.Denominator,
            interval, source, stored.Note, stored.ImportId);
    }

    /// <summary>
    /// Fingertips publishes a value summed from whatever lower areas reported without limits, and does not compare it:
    /// the sum may be incomplete, so neither do we.
    /// </summary>
    public static bool IsAggregatedFromLowerAreas(string? note) =>
        note is not null && note.Contains("Aggregated from all known lower geography values", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// A group's value from its members' counts and denominators (ΣO / Σn × m); null unless every member with a
    /// value has both, so a partial sum is never passed off as the group.
    /// </summary>
    public static ResolvedValue? Aggregate(string code, PeriodKey period, string periodLabel, IReadOnlyCollection<SnapshotValue> members, Indicator indicator)
    {
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(indicator);
        if (members.Count == 0 || members.Any(m => m.Count is null || m.Denominator is null)
            || indicator.ValueType is not (IndicatorValueType.Proportion or IndicatorValueType.CrudeRate or IndicatorValueType.Count))
        {
            return null;
        }
        var count = members.Sum(m => m.Count!.Value);
        var denominator = members.Sum(m => m.Denominator!.Value);
        if (denominator <= 0)
        {
            return null;
        }
        var value = indicator.ValueType == IndicatorValueType.Count ? count : count / denominator * Math.Max(1, indicator.Multiplier);
        var interval = Compute(indicator, count, denominator);
        return new ResolvedValue(code, period, periodLabel, value, count, denominator, interval,
            interval is null ? IntervalSource.None : IntervalSource.Computed, null, null);
    }

    private static Interval? Compute(Indicator indicator, double? count, double? denominator) => indicator.ValueType switch
    {
        IndicatorValueType.Count => ConfidenceIntervals.CountFor(indicator.IntervalMethod, count),
        _ => ConfidenceIntervals.For(indicator.IntervalMethod, count, denominator, Math.Max(1, indicator.Multiplier)),
    };
}
