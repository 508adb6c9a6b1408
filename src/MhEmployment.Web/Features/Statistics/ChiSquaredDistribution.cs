namespace MhEmployment.Web.Features.Statistics;

/// <summary>The chi-squared distribution with (possibly non-integer) degrees of freedom.</summary>
public static class ChiSquaredDistribution
{
    private const int MaxIterations = 500;

    /// <summary>P(X ≤ x).</summary>
    public static double Cdf(double x, double degreesOfFreedom) =>
        x <= 0 ? 0 : GammaFunctions.LowerRegularized(degreesOfFreedom / 2, x / 2);

    /// <summary>The p-quantile: Newton steps on the gamma CDF, kept inside a shrinking bracket.</summary>
    public static double Quantile(double p, double degreesOfFreedom)
    {
        if (double.IsNaN(p) || p < 0 || p > 1 || !(degreesOfFreedom > 0))
        {
            return double.NaN;
        }
        if (p == 0)
        {
            return 0;
        }
        if (p == 1)
        {
            return double.PositiveInfinity;
        }

        var a = degreesOfFreedom / 2;
        // Solve in the smaller tail so the target keeps its relative precision near 0 and near 1.
        var upperTail = p > 0.5;
        var target = upperTail ? 1 - p : p;
        double Residual(double y) =>
            upperTail ? target - GammaFunctions.UpperRegularized(a, y) : GammaFunctions.LowerRegularized(a, y) - target;

        // Bracket the root in y = x/2, where the residual increases with y.
        double low = 0, high = Math.Max(1, a);
        while (Residual(high) < 0)
        {
            low = high;
            high *= 2;
        }

        var y = Math.Clamp(WilsonHilferty(p, degreesOfFreedom) / 2, low, high);
        if (!(y > low && y < high))
        {
            y = (low + high) / 2;
        }
        for (var i = 0; i < MaxIterations; i++)
        {
            var residual = Residual(y);
            if (residual == 0)
            {
                break;
            }
            if (residual < 0)
            {
                low = y;
            }
            else
            {
                high = y;
            }

            var next = y - residual / GammaFunctions.Density(a, y);
            if (!(next > low && next < high))
            {
                next = (low + high) / 2;
            }
            if (Math.Abs(next - y) <= 1e-15 * y || high - low <= 1e-15 * high)
            {
                y = next;
                break;
            }
            y = next;
        }
        return 2 * y;
    }

    // A good starting point for Newton (Wilson–Hilferty cube-root approximation).
    private static double WilsonHilferty(double p, double k)
    {
        var z = NormalDistribution.Quantile(p);
        var c = 2 / (9 * k);
        var x = k * Math.Pow(1 - c + z * Math.Sqrt(c), 3);
        return x > 0 ? x : k * 0.01;
    }
}
