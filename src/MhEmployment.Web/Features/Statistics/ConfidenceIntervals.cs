using MhEmployment.Web.Domain;

namespace MhEmployment.Web.Features.Statistics;

/// <summary>
/// Confidence intervals from a count and a denominator (methods.md). Bad or missing inputs give null, never an
/// exception or NaN, so an import can report the row and carry on.
/// </summary>
public static class ConfidenceIntervals
{
    /// <summary>Wilson score interval for O out of n, times the multiplier (100 for a percentage).</summary>
    public static Interval? Wilson(double? count, double? denominator, double multiplier, IntervalOptions? options = null)
    {
        options ??= IntervalOptions.Default;
        if (count is not { } o || denominator is not { } n || !IsUsable(o, n, multiplier) || o > n)
        {
            return null;
        }
        var (l95, u95) = WilsonLimits(o, n, options.Z95);
        var (l998, u998) = WilsonLimits(o, n, options.Z998);
        return new Interval(l95 * multiplier, u95 * multiplier, l998 * multiplier, u998 * multiplier);
    }

    /// <summary>A crude rate O/n × multiplier: Poisson limits of the count divided by n.</summary>
    public static Interval? CrudeRate(double? count, double? denominator, double multiplier, IntervalOptions? options = null)
    {
        options ??= IntervalOptions.Default;
        if (count is not { } o || denominator is not { } n || !IsUsable(o, n, multiplier))
        {
            return null;
        }
        if (PoissonLimits.For(o, ConfidenceLevel.NinetyFive, options) is not { } c95
            || PoissonLimits.For(o, ConfidenceLevel.NinetyNinePointEight, options) is not { } c998)
        {
            return null;
        }
        var scale = multiplier / n;
        return new Interval(c95.Lower * scale, c95.Upper * scale, c998.Lower * scale, c998.Upper * scale);
    }

    /// <summary>A plain count: its own Poisson limits.</summary>
    public static Interval? Count(double? count, IntervalOptions? options = null) => CrudeRate(count, 1, 1, options);

    /// <summary>
    /// The interval an indicator's method calls for. Dobson needs age-specific data
    /// (<see cref="DirectlyStandardisedRates"/>), so it gives null here, as does <see cref="IntervalMethod.None"/>.
    /// <see cref="IntervalMethod.ExactPoisson"/> is exact at every count, whatever the options' Poisson rule says.
    /// </summary>
    public static Interval? For(
        IntervalMethod method, double? count, double? denominator, double multiplier, IntervalOptions? options = null) =>
        method switch
        {
            IntervalMethod.Wilson => Wilson(count, denominator, multiplier, options),
            IntervalMethod.Byars => CrudeRate(count, denominator, multiplier, options),
            IntervalMethod.ExactPoisson => CrudeRate(count, denominator, multiplier, Exact(options)),
            _ => null,
        };

    /// <summary>A plain count's own limits by a Poisson method (Byars or exact); null for any other method.</summary>
    public static Interval? CountFor(IntervalMethod method, double? count, IntervalOptions? options = null) => method switch
    {
        IntervalMethod.Byars => Count(count, options),
        IntervalMethod.ExactPoisson => Count(count, Exact(options)),
        _ => null,
    };

    private static IntervalOptions Exact(IntervalOptions? options) => (options ?? IntervalOptions.Default) with { Poisson = PoissonMethod.Exact };

    private static bool IsUsable(double count, double denominator, double multiplier) =>
        double.IsFinite(count) && count >= 0
        && double.IsFinite(denominator) && denominator > 0
        && double.IsFinite(multiplier) && multiplier > 0;

    private static (double Lower, double Upper) WilsonLimits(double o, double n, double z)
    {
        var z2 = z * z;
        var root = z * Math.Sqrt(z2 + 4 * o * (1 - o / n));
        var denominator = 2 * (n + z2);
        // At O = 0 and O = n the formula gives exactly 0 and 1; pin them against rounding.
        var lower = o == 0 ? 0 : (2 * o + z2 - root) / denominator;
        var upper = o == n ? 1 : (2 * o + z2 + root) / denominator;
        return (Math.Max(0, lower), Math.Min(1, upper));
    }
}
