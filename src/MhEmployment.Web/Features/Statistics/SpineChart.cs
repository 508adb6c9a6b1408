using MhEmployment.Web.Domain;

namespace MhEmployment.Web.Features.Statistics;

/// <summary>
/// One indicator's spine: the spread of the comparison set oriented worst → best (reversed where low is good) around
/// the benchmark, which sits in the middle. <see cref="HalfWidth"/> is h = max(E − lowest, highest − E).
/// </summary>
public sealed record SpineScale(
    double Worst, double WorstQuartile, double BestQuartile, double Best, double Benchmark, double HalfWidth, Polarity Polarity)
{
    /// <summary>
    /// Where a value sits across the chart, 0 (worst end) … 1 (best end), with the benchmark at 0.5; values outside
    /// [E − h, E + h] are clamped to the ends. With no polarity the low end is on the left.
    /// </summary>
    public double Position(double value)
    {
        if (!double.IsFinite(value))
        {
            return double.NaN;
        }
        if (HalfWidth == 0)
        {
            return 0.5;
        }
        var offset = (value - Benchmark) / (2 * HalfWidth);
        return Math.Clamp(Polarity == Polarity.LowIsGood ? 0.5 - offset : 0.5 + offset, 0, 1);
    }
}

/// <summary>Builds spine-chart scales (methods.md).</summary>
public static class SpineChart
{
    /// <summary>
    /// Lowest, 25th and 75th percentiles (PERCENTILE.INC) and highest of the set, and the benchmark E; null when
    /// the set has no finite values or E is not finite.
    /// </summary>
    public static SpineScale? Build(IEnumerable<double> values, double benchmark, Polarity polarity)
    {
        ArgumentNullException.ThrowIfNull(values);
        var sorted = values.Where(double.IsFinite).Order().ToList();
        if (sorted.Count == 0 || !double.IsFinite(benchmark))
        {
            return null;
        }

        double lowest = sorted[0], highest = sorted[^1];
        var q25 = Percentiles.InclusiveOfSorted(sorted, 0.25);
        var q75 = Percentiles.InclusiveOfSorted(sorted, 0.75);
        var half = Math.Max(Math.Max(benchmark - lowest, highest - benchmark), 0);
        return polarity == Polarity.LowIsGood
            ? new SpineScale(highest, q75, q25, lowest, benchmark, half, polarity)
            : new SpineScale(lowest, q25, q75, highest, benchmark, half, polarity);
    }
}
