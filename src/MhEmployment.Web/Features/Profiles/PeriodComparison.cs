using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Statistics;

namespace MhEmployment.Web.Features.Profiles;

/// <summary>How an indicator's areas were judged: against the benchmark by intervals, by quintile, or not at all.</summary>
public enum ComparisonBasis { Intervals, Quintiles, None }

/// <summary>One area of a comparison: its value and the words (and colour) it gets.</summary>
public sealed record AreaResult(SnapshotArea Area, ResolvedValue Value, string Label, BenchmarkComparison? Comparison)
{
    /// <summary>The stricter 99.8% label, where intervals were used.</summary>
    public string? Label998 => Comparison?.Label998;
}

/// <summary>
/// An indicator's slice in one period, judged across a comparison set against a benchmark: what the dashboard row,
/// the bar chart and the maps are drawn from.
/// </summary>
public sealed class PeriodComparison
{
    private readonly Dictionary<string, AreaResult> byCode;

    private PeriodComparison(
        Indicator indicator, Slice slice, PeriodValues period, ComparisonGroup group, BenchmarkChoice benchmark, string benchmarkName,
        ResolvedValue? benchmarkValue, ComparisonPlan plan, IReadOnlyList<AreaResult> results, IReadOnlyList<AreaResult> set)
    {
        Indicator = indicator;
        Slice = slice;
        Period = period;
        Group = group;
        Benchmark = benchmark;
        BenchmarkName = benchmarkName;
        BenchmarkValue = benchmarkValue;
        Plan = plan;
        Results = results;
        ComparisonSet = set;
        byCode = results.ToDictionary(r => r.Area.Code, StringComparer.OrdinalIgnoreCase);
        var finite = set.Where(r => r.Value.HasValue).Select(r => r.Value.Value!.Value).ToList();
        Spine = plan.AcrossAreas && benchmarkValue is { HasValue: true } b ? SpineChart.Build(finite, b.Value!.Value, indicator.Polarity) : null;
        Breakdown = BreakdownOf(slice, period.Period);
    }

    public Indicator Indicator { get; }
    public Slice Slice { get; }
    public PeriodValues Period { get; }
    public Breakdown Breakdown { get; }
    public ComparisonGroup Group { get; }
    public BenchmarkChoice Benchmark { get; }
    public string BenchmarkName { get; }
    public ResolvedValue? BenchmarkValue { get; }
    public ComparisonPlan Plan { get; }
    public ComparisonBasis Basis => Plan.Basis;

    /// <summary>Every area with a stored value in the period that the pages may show (the set, plus the chosen area).</summary>
    public IReadOnlyList<AreaResult> Results { get; }

    /// <summary>The areas of <see cref="Group"/> with a stored value: rank, spine and quintiles are over these.</summary>
    public IReadOnlyList<AreaResult> ComparisonSet { get; }
    /// <summary>Null where there is no benchmark value, or where values are not set against one another (counts).</summary>
    public SpineScale? Spine { get; }

    public AreaResult? Find(string code) => byCode.GetValueOrDefault(code);

    /// <summary>The area's place in the comparison set; null where values are not set against one another (counts).</summary>
    public Rank? RankOf(string code) => Plan.AcrossAreas
        ? Statistics.Rank.Of(code, [.. ComparisonSet.Select(r => r.Value.ToAreaValue(Breakdown))])
        : null;

    public static Breakdown BreakdownOf(Slice slice, PeriodKey period) => new(period.ToString(), slice.Sex.ToString(), slice.AgeBand);

    /// <summary>
    /// Builds the comparison. <paramref name="focusCode"/> (the dashboard's area) is judged even when it lies outside
    /// the group; <paramref name="regionCode"/> scopes the "in region" group.
    /// </summary>
    public static PeriodComparison Build(
        ValueSnapshot snapshot, IndicatorValues indicator, SliceValues slice, PeriodValues period,
        ComparisonGroup group, BenchmarkChoice benchmark, string? regionCode, string? focusCode)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(indicator);
        ArgumentNullException.ThrowIfNull(slice);
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(benchmark);
        var definition = indicator.Indicator;
        var breakdown = BreakdownOf(slice.Slice, period.Period);

        var setValues = new List<(SnapshotArea Area, ResolvedValue Value)>();
        (SnapshotArea Area, ResolvedValue Value)? focus = null;
        foreach (var (code, stored) in period.ByArea)
        {
            if (!snapshot.Areas.TryGetValue(code, out var area))
            {
                continue;
            }
            var inSet = ComparisonGroups.Contains(group, area, regionCode);
            var isFocus = focusCode is not null && string.Equals(code, focusCode, StringComparison.OrdinalIgnoreCase);
            if (!inSet && !isFocus)
            {
                continue;
            }
            var resolved = ResolvedValue.From(stored, definition);
            if (inSet)
            {
                setValues.Add((area, resolved));
            }
            if (isFocus)
            {
                focus = (area, resolved);
            }
        }

        var (benchmarkName, benchmarkValue) = ResolveBenchmark(snapshot, definition, period, benchmark);
        var benchmarkArea = benchmarkValue?.ToAreaValue(breakdown);
        var plan = Comparability.For(definition);
        var basis = plan.Basis;
        var quintiles = basis == ComparisonBasis.Quintiles
            ? Quintiles.Labels([.. setValues.Select(v => v.Value.ToAreaValue(breakdown))], definition.Polarity)
            : null;

        AreaResult Judge((SnapshotArea Area, ResolvedValue Value) item)
        {
            if (basis == ComparisonBasis.Intervals)
            {
                var comparison = benchmarkArea is null
                    ? BenchmarkComparison.NotCompared(definition.Polarity)
                    : BenchmarkComparer.Compare(item.Value.ToAreaValue(breakdown), benchmarkArea, definition.Polarity);
                return new AreaResult(item.Area, item.Value, comparison.Label95, comparison);
            }
            var label = quintiles is not null && quintiles.TryGetValue(item.Area.Code, out var q) ? q : ComparisonLabels.NotCompared;
            return new AreaResult(item.Area, item.Value, label, null);
        }

        var set = setValues.Select(Judge).ToList();
        var results = new List<AreaResult>(set);
        if (focus is { } f && !set.Any(r => string.Equals(r.Area.Code, f.Area.Code, StringComparison.OrdinalIgnoreCase)))
        {
            results.Add(Judge(f));
        }
        return new PeriodComparison(definition, slice.Slice, period, group, benchmark, benchmarkName, benchmarkValue, plan, results, set);
    }

    private static (string Name, ResolvedValue? Value) ResolveBenchmark(
        ValueSnapshot snapshot, Indicator indicator, PeriodValues period, BenchmarkChoice benchmark)
    {
        if (!benchmark.IsGroup)
        {
            var code = benchmark.Codes[0];
            var name = snapshot.NameOf(code);
            return period.ByArea.TryGetValue(code, out var stored) ? (name, ResolvedValue.From(stored, indicator)) : (name, null);
        }
        var groupName = $"the chosen group of {benchmark.Codes.Count} areas";
        var members = benchmark.Codes.Select(c => period.ByArea.GetValueOrDefault(c)).ToList();
        if (members.Any(m => m is null || m.Value is null))
        {
            return (groupName, null);
        }
        return (groupName, ResolvedValue.Aggregate(benchmark.Key, period.Period, period.Label, [.. members.Select(m => m!)], indicator));
    }
}
