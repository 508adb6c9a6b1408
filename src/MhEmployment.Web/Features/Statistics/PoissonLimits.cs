namespace MhEmployment.Web.Features.Statistics;

/// <summary>Confidence limits for an observed count O (not yet divided by a denominator).</summary>
public static class PoissonLimits
{
    /// <summary>The count below which <see cref="PoissonMethod.ByarsFromTen"/> switches to exact limits.</summary>
    public const double ByarsThreshold = 10;

    /// <summary>Byars' approximation; lower is 0 when O = 0. Null for a negative or non-finite count.</summary>
    public static (double Lower, double Upper)? Byars(double observed, double z)
    {
        if (!IsCount(observed))
        {
            return null;
        }
        var lower = observed == 0
            ? 0
            : observed * Math.Pow(1 - 1 / (9 * observed) - z / (3 * Math.Sqrt(observed)), 3);
        var next = observed + 1;
        var upper = next * Math.Pow(1 - 1 / (9 * next) + z / (3 * Math.Sqrt(next)), 3);
        // Byars can dip below zero for tiny counts at 99.8%: a count cannot.
        return (Math.Max(0, lower), upper);
    }

    /// <summary>Exact limits: χ²(α/2; 2O)/2 and χ²(1 − α/2; 2O + 2)/2; lower is 0 when O = 0.</summary>
    public static (double Lower, double Upper)? Exact(double observed, ConfidenceLevel level)
    {
        if (!IsCount(observed))
        {
            return null;
        }
        var alpha = IntervalOptions.Alpha(level);
        var lower = observed == 0 ? 0 : ChiSquaredDistribution.Quantile(alpha / 2, 2 * observed) / 2;
        var upper = ChiSquaredDistribution.Quantile(1 - alpha / 2, 2 * observed + 2) / 2;
        return (lower, upper);
    }

    /// <summary>Limits by the method the options choose.</summary>
    public static (double Lower, double Upper)? For(double observed, ConfidenceLevel level, IntervalOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var exact = options.Poisson switch
        {
            PoissonMethod.Exact => true,
            PoissonMethod.Byars => false,
            _ => observed < ByarsThreshold,
        };
        return exact ? Exact(observed, level) : Byars(observed, options.Z(level));
    }

    private static bool IsCount(double observed) => double.IsFinite(observed) && observed >= 0;
}
