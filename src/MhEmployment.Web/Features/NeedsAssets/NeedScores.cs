using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Profiles;
using MhEmployment.Web.Features.Statistics;

namespace MhEmployment.Web.Features.NeedsAssets;

/// <summary>A checklist domain with the indicators that evidence need for it, each with its weight in the chosen scheme.</summary>
public sealed record DomainEvidence(int DomainId, int Number, string Name, IReadOnlyList<WeightedIndicator> Indicators);

public sealed record WeightedIndicator(int IndicatorId, double Weight);

/// <summary>How scores become levels, and how much data a score needs (from a <see cref="WeightingScheme"/>).</summary>
public sealed record NeedRules(NeedLevelRule LevelRule = NeedLevelRule.Terciles, double? HighFrom = null, double? LowTo = null, double MinimumShare = 0.5)
{
    public static NeedRules Of(WeightingScheme scheme)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        return new(scheme.LevelRule, scheme.HighFrom, scheme.LowTo, scheme.MinimumShare);
    }
}

public enum NeedLevel { InsufficientData, Low, Medium, High }

/// <summary>
/// One linked indicator for one area: the dashboards' comparison and trend, and its standardised score (z across the
/// current areas of the same kind, signed so that more need is higher). <see cref="Z"/> is null when the indicator is
/// not scored (a count, no polarity, too few areas) or the area has no value.
/// </summary>
public sealed record IndicatorNeed(
    Indicator Indicator, double Weight, PeriodComparison? Comparison, AreaResult? Result, TrendResult? Trend, double? Z, bool Scored)
{
    /// <summary>Significantly worse than the benchmark and getting worse: the "red-red" list.</summary>
    public bool RedRed => IsRedRed(Result?.Label, Trend?.Label);

    /// <summary>The red-red rule on a comparison label and a trend label (the dashboards' words).</summary>
    public static bool IsRedRed(string? comparison, string? trend) =>
        comparison == ComparisonLabels.Worse && trend is TrendLabels.IncreasingAndGettingWorse or TrendLabels.DecreasingAndGettingWorse;

    public bool HasValue => Result?.Value.HasValue == true;
}

/// <summary>
/// An area's need in a domain: the weighted mean of its indicators' scores, with how many of the scored indicators it
/// has values for. <see cref="Percentile"/> places the score among the areas of the kind (1: most need).
/// </summary>
public sealed record DomainNeed(SnapshotArea Area, DomainEvidence Domain, IReadOnlyList<IndicatorNeed> Indicators, double? Score, NeedLevel Level, double? Percentile)
{
    public int Scored => Indicators.Count(i => i.Scored);
    public int Available => Indicators.Count(i => i.Scored && i.Z is not null);
    public IEnumerable<IndicatorNeed> RedRedIndicators => Indicators.Where(i => i.RedRed);
}

/// <summary>
/// Need per area and domain, from the dashboards' own comparisons (<see cref="PeriodComparison"/>) and trends: a plain
/// calculation over a snapshot, tested without a host. Scores are standardised across every current area of the
/// group's kind, not only those shown, so an area's score and level do not change with the areas beside it.
/// </summary>
public static class NeedScores
{
    /// <summary>Fewer areas with values than this, and an indicator's spread says too little to standardise on.</summary>
    public const int MinimumAreasToScore = 3;

    public static IReadOnlyList<DomainNeed> Calculate(
        ValueSnapshot snapshot, ComparisonGroup group, BenchmarkChoice benchmark, IReadOnlyList<DomainEvidence> domains, NeedRules rules,
        ComparisonShare? share = null)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(benchmark);
        ArgumentNullException.ThrowIfNull(domains);
        ArgumentNullException.ThrowIfNull(rules);
        var population = snapshot.Areas.Values.Where(a => !a.IsHistorical && ComparisonGroups.Contains(group, a, null))
            .OrderBy(a => a.Name, StringComparer.OrdinalIgnoreCase).ThenBy(a => a.Code, StringComparer.Ordinal).ToList();
        var byId = snapshot.Indicators.ToDictionary(i => i.Indicator.Id);
        var standardised = new Dictionary<int, Standardised>();
        var needs = new List<DomainNeed>();
        foreach (var domain in domains)
        {
            var linked = domain.Indicators.Where(w => byId.ContainsKey(w.IndicatorId)).ToList();
            foreach (var link in linked.Where(l => !standardised.ContainsKey(l.IndicatorId)))
            {
                standardised[link.IndicatorId] = Standardise(snapshot, byId[link.IndicatorId], group, benchmark, population, share);
            }
            var scores = population.Select(area =>
            {
                var indicators = linked.Select(l => standardised[l.IndicatorId].For(area, l.Weight)).ToList();
                return (Area: area, Indicators: indicators, Score: Composite(indicators, rules));
            }).ToList();
            var scored = scores.Where(s => s.Score is not null).Select(s => s.Score!.Value).Order().ToList();
            needs.AddRange(scores.Select(s => new DomainNeed(s.Area, domain, s.Indicators, s.Score, LevelOf(s.Score, scored, rules),
                s.Score is { } score ? Percentile(score, scored) : null)));
        }
        return needs;
    }

    /// <summary>The weighted mean of the available scores; null when fewer than the scheme's share of the scored indicators have one.</summary>
    public static double? Composite(IReadOnlyList<IndicatorNeed> indicators, NeedRules rules)
    {
        ArgumentNullException.ThrowIfNull(indicators);
        ArgumentNullException.ThrowIfNull(rules);
        var scored = indicators.Where(i => i.Scored).ToList();
        var available = scored.Where(i => i.Z is not null).ToList();
        var needed = Math.Max(1, (int)Math.Ceiling(rules.MinimumShare * scored.Count));
        var weight = available.Sum(i => i.Weight);
        if (scored.Count == 0 || available.Count < needed || weight <= 0)
        {
            return null;
        }
        return available.Sum(i => i.Weight * i.Z!.Value) / weight;
    }

    /// <summary>High, medium or low by the scheme's rule; terciles split the sorted scores of every area into thirds.</summary>
    public static NeedLevel LevelOf(double? score, IReadOnlyList<double> sortedScores, NeedRules rules)
    {
        ArgumentNullException.ThrowIfNull(sortedScores);
        ArgumentNullException.ThrowIfNull(rules);
        if (score is not { } s)
        {
            return NeedLevel.InsufficientData;
        }
        if (rules.LevelRule == NeedLevelRule.Thresholds)
        {
            return s >= (rules.HighFrom ?? 0.5) ? NeedLevel.High : s <= (rules.LowTo ?? -0.5) ? NeedLevel.Low : NeedLevel.Medium;
        }
        // The position of the score's first occurrence, so tied areas share a level.
        var below = LowerBound(sortedScores, s);
        var third = sortedScores.Count / 3.0;
        return below >= sortedScores.Count - third ? NeedLevel.High : below < third ? NeedLevel.Low : NeedLevel.Medium;
    }

    /// <summary>The share of the other areas' scores below this one (0: least need, 1: most); 0.5 when it is alone.</summary>
    public static double Percentile(double score, IReadOnlyList<double> sortedScores)
    {
        ArgumentNullException.ThrowIfNull(sortedScores);
        return sortedScores.Count <= 1 ? 0.5 : LowerBound(sortedScores, score) / (double)(sortedScores.Count - 1);
    }

    private static int LowerBound(IReadOnlyList<double> sorted, double value)
    {
        int low = 0, high = sorted.Count;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (sorted[middle] < value)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }
        return low;
    }

    /// <summary>
    /// The indicator's comparison over the group in its headline slice and latest period with current areas' values,
    /// and the mean and spread of those values.
    /// </summary>
    private static Standardised Standardise(
        ValueSnapshot snapshot, IndicatorValues indicator, ComparisonGroup group, BenchmarkChoice benchmark, IReadOnlyList<SnapshotArea> population,
        ComparisonShare? share)
    {
        var codes = population.Select(a => a.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (indicator.HeadlineSliceAmong(codes.Contains) is not { } slice)
        {
            return new Standardised(indicator, null, null, null);
        }
        var period = slice.Periods.Last(p => p.ByArea.Keys.Any(codes.Contains));
        var key = $"needs|{Dashboards.SliceText(slice.Slice)}|{period.Period}|{group}|{benchmark.Key}";
        PeriodComparison Build() => PeriodComparison.Build(snapshot, indicator, slice, period, group, benchmark, null, null);
        var comparison = share is null ? Build() : share(indicator, key, Build);
        var values = population.Select(a => comparison.Find(a.Code)).Where(r => r is { Value.HasValue: true })
            .Select(r => r!.Value.Value!.Value).ToList();
        var scored = EvidenceScoring.NotScoredBecause(indicator.Indicator) is null && values.Count >= MinimumAreasToScore;
        (double Mean, double Spread)? spread = null;
        if (scored)
        {
            var mean = values.Average();
            var deviation = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / values.Count);
            spread = deviation > 0 ? (mean, deviation) : null;
        }
        return new Standardised(indicator, comparison, slice, spread);
    }

    private sealed record Standardised(IndicatorValues Indicator, PeriodComparison? Comparison, SliceValues? Slice, (double Mean, double Spread)? Spread)
    {
        public IndicatorNeed For(SnapshotArea area, double weight)
        {
            var definition = Indicator.Indicator;
            var result = Comparison?.Find(area.Code);
            var trend = Slice is null ? null : Trends.Of(Indicator, Slice, area.Code);
            var scored = Spread is not null && weight > 0;
            double? z = null;
            if (scored && result is { Value.HasValue: true } && Spread is var (mean, spread))
            {
                var raw = (result.Value.Value!.Value - mean) / spread;
                z = definition.Polarity == Polarity.HighIsGood ? -raw : raw; // higher is more need
            }
            return new IndicatorNeed(definition, weight, Comparison, result, trend, z, scored);
        }
    }
}
