namespace MhEmployment.Web.Features.Statistics;

/// <summary>The standard normal distribution.</summary>
public static class NormalDistribution
{
    /// <summary>Φ(x), through erfc so both tails keep their relative precision.</summary>
    public static double Cdf(double x)
    {
        if (double.IsNaN(x))
        {
            return double.NaN;
        }
        var half = 0.5 * Erfc(Math.Abs(x) / Math.Sqrt(2));
        return x < 0 ? half : 1 - half;
    }

    /// <summary>The p-quantile: Acklam's rational approximation polished by Halley steps on Φ.</summary>
    public static double Quantile(double p)
    {
        if (double.IsNaN(p) || p < 0 || p > 1)
        {
            return double.NaN;
        }
        if (p == 0)
        {
            return double.NegativeInfinity;
        }
        if (p == 1)
        {
            return double.PositiveInfinity;
        }

        // Work in the lower tail so the residual Φ(x) − p is computed without cancellation.
        var lower = Math.Min(p, 1 - p);
        var x = Acklam(lower);
        for (var i = 0; i < 3; i++)
        {
            var error = 0.5 * Erfc(-x / Math.Sqrt(2)) - lower;
            var u = error * Math.Sqrt(2 * Math.PI) * Math.Exp(x * x / 2);
            x -= u / (1 + x * u / 2);
        }
        return p < 0.5 ? x : -x;
    }

    // erfc(x) = Q(1/2, x²) for x ≥ 0; erfc(−x) = 2 − erfc(x).
    private static double Erfc(double x) =>
        x >= 0 ? GammaFunctions.UpperRegularized(0.5, x * x) : 2 - GammaFunctions.UpperRegularized(0.5, x * x);

    private static double Acklam(double p)
    {
        const double low = 0.02425;
        if (p < low)
        {
            var q = Math.Sqrt(-2 * Math.Log(p));
            return (((((-7.784894002430293e-03 * q - 3.223964580411365e-01) * q - 2.400758277161838e+00) * q
                - 2.549732539343734e+00) * q + 4.374664141464968e+00) * q + 2.938163982698783e+00)
                / ((((7.784695709041462e-03 * q + 3.224671290700398e-01) * q + 2.445134137142996e+00) * q
                + 3.754408661907416e+00) * q + 1);
        }

        var r = p - 0.5;
        var s = r * r;
        return (((((-3.969683028665376e+01 * s + 2.209460984245205e+02) * s - 2.759285104469687e+02) * s
            + 1.383577518672690e+02) * s - 3.066479806614716e+01) * s + 2.506628277459239e+00) * r
            / (((((-5.447609879822406e+01 * s + 1.615858368580409e+02) * s - 1.556989798598866e+02) * s
            + 6.680131188771972e+01) * s - 1.328068155288572e+01) * s + 1);
    }
}
