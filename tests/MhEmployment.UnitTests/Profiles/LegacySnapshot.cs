using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Profiles;

namespace MhEmployment.UnitTests.Profiles;

// The snapshot's indexes as they were before the values were held in columns (one SnapshotValue object per value in
// dictionaries per period and lists per area), kept verbatim as the reference the compact store must agree with.

internal sealed class LegacyPeriodValues(PeriodKey period, string label, IReadOnlyDictionary<string, SnapshotValue> byArea)
{
    public PeriodKey Period { get; } = period;
    public string Label { get; } = label;
    public IReadOnlyDictionary<string, SnapshotValue> ByArea { get; } = byArea;
}

internal sealed class LegacySliceValues
{
    public LegacySliceValues(Slice slice, IEnumerable<SnapshotValue> values)
    {
        Slice = slice;
        var list = values.ToList();
        Periods = [.. list.GroupBy(v => v.Period).OrderBy(g => g.Key)
            .Select(g => new LegacyPeriodValues(g.Key, g.First().PeriodLabel,
                g.GroupBy(v => v.AreaCode, StringComparer.OrdinalIgnoreCase)
                    .ToDictionary(a => a.Key, a => a.Last(), StringComparer.OrdinalIgnoreCase)))];
        SeriesByArea = list.GroupBy(v => v.AreaCode, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<SnapshotValue>)[.. g.OrderBy(v => v.Period)], StringComparer.OrdinalIgnoreCase);
    }

    public Slice Slice { get; }
    public IReadOnlyList<LegacyPeriodValues> Periods { get; }
    public IReadOnlyDictionary<string, IReadOnlyList<SnapshotValue>> SeriesByArea { get; }

    public LegacyPeriodValues? Find(PeriodKey period) => Periods.FirstOrDefault(p => p.Period == period);
}

internal sealed class LegacyIndicatorValues
{
    public LegacyIndicatorValues(Indicator indicator, IEnumerable<SnapshotValue> values)
    {
        Indicator = indicator;
        Slices = values.GroupBy(v => v.Slice).ToDictionary(g => g.Key, g => new LegacySliceValues(g.Key, g));
    }

    public Indicator Indicator { get; }
    public IReadOnlyDictionary<Slice, LegacySliceValues> Slices { get; }

    public LegacySliceValues? HeadlineSliceFor(string? areaCode)
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
