using MhEmployment.Web.Domain;

namespace MhEmployment.Web.Features.Statistics;

/// <summary>
/// Quintile bands where an indicator has no intervals (methods.md). Bands run min–P20–P40–P60–P80–max (PERCENTILE.INC);
/// a value goes into the first band whose upper bound is at or above it. Without polarity the bands are named
/// Lowest, Low, Middle, High, Highest; with polarity they are named for what they mean: Worst, Worse, Middle,
/// Better, Best (lowest values are "Worst" where high is good, "Best" where low is good).
/// </summary>
public static class Quintiles
{
    /// <summary>At least this many valid values are needed to form quintiles.</summary>
    public const int MinimumValues = 5;

    public const string Lowest = "Lowest";
    public const string Low = "Low";
    public const string Middle = "Middle";
    public const string High = "High";
    public const string Highest = "Highest";
    public const string Best = "Best";
    public const string Better = "Better";
    public const string Worse = "Worse";
    public const string Worst = "Worst";

    private static readonly double[] Cuts = [0.2, 0.4, 0.6, 0.8];
    private static readonly string[] Neutral = [Lowest, Low, Middle, High, Highest];
    private static readonly string[] HighGood = [Worst, Worse, Middle, Better, Best];
    private static readonly string[] LowGood = [Best, Better, Middle, Worse, Worst];

    /// <summary>
    /// The band (1 = lowest values … 5 = highest) of every area in the comparison set; null for an area without a
    /// value, and for all when fewer than <see cref="MinimumValues"/> areas have one. Area codes must be unique and
    /// all values must be for the same breakdown.
    /// </summary>
    public static IReadOnlyDictionary<string, int?> Bands(IReadOnlyCollection<AreaValue> comparisonSet)
    {
        ArgumentNullException.ThrowIfNull(comparisonSet);
        ComparisonSets.Guard(comparisonSet);
        var values = comparisonSet.Where(a => a.HasValue).Select(a => a.Value!.Value).Order().ToList();
        var enough = values.Count >= MinimumValues;
        List<double> bounds = enough ? [.. Cuts.Select(f => Percentiles.InclusiveOfSorted(values, f))] : [];

        var bands = new Dictionary<string, int?>(StringComparer.OrdinalIgnoreCase);
        foreach (var area in comparisonSet)
        {
            bands[area.AreaCode] = enough && area.HasValue ? Band(area.Value!.Value, bounds) : null;
        }
        return bands;
    }

    /// <summary>The band names of <see cref="Bands"/> under the indicator's polarity; "Not compared" for no band.</summary>
    public static IReadOnlyDictionary<string, string> Labels(IReadOnlyCollection<AreaValue> comparisonSet, Polarity polarity)
    {
        var names = polarity switch
        {
            Polarity.HighIsGood => HighGood,
            Polarity.LowIsGood => LowGood,
            _ => Neutral,
        };
        return Bands(comparisonSet).ToDictionary(
            pair => pair.Key,
            pair => pair.Value is { } band ? names[band - 1] : ComparisonLabels.NotCompared,
            StringComparer.OrdinalIgnoreCase);
    }

    private static int Band(double value, List<double> bounds)
    {
        for (var i = 0; i < bounds.Count; i++)
        {
            if (value <= bounds[i])
            {
                return i + 1;
            }
        }
        return bounds.Count + 1;
    }
}
