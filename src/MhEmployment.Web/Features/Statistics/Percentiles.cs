namespace MhEmployment.Web.Features.Statistics;

/// <summary>Percentiles by the spreadsheet PERCENTILE.INC rule, as Fingertips uses them.</summary>
public static class Percentiles
{
    /// <summary>
    /// The percentile at fraction f (0..1) of the values: position k = (N − 1)·f + 1 in the sorted list,
    /// interpolated linearly between neighbours. Null when there are no finite values or f is outside 0..1.
    /// </summary>
    public static double? Inclusive(IEnumerable<double> values, double fraction)
    {
        ArgumentNullException.ThrowIfNull(values);
        var sorted = values.Where(double.IsFinite).Order().ToList();
        return sorted.Count == 0 || !(fraction >= 0 && fraction <= 1) ? null : InclusiveOfSorted(sorted, fraction);
    }

    internal static double InclusiveOfSorted(IReadOnlyList<double> sorted, double fraction)
    {
        var position = (sorted.Count - 1) * fraction; // zero-based k − 1
        var below = (int)Math.Floor(position);
        if (below >= sorted.Count - 1)
        {
            return sorted[^1];
        }
        var weight = position - below;
        return sorted[below] + weight * (sorted[below + 1] - sorted[below]);
    }
}
