namespace MhEmployment.Web.Features.Statistics;

/// <summary>Log-gamma and the regularized incomplete gamma functions P(a, x) and Q(a, x) = 1 − P(a, x).</summary>
public static class GammaFunctions
{
    private const double Epsilon = 1e-16;
    private const double Tiny = 1e-300;

    // Lanczos approximation, g = 7, n = 9: about 15 significant digits for a > 0.
    private static readonly double[] Lanczos =
    [
        0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
        -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
        1.5056327351493116e-7,
    ];

    /// <summary>ln Γ(a) for a &gt; 0.</summary>
    public static double LogGamma(double a)
    {
        if (a < 0.5)
        {
            // Reflection keeps the Lanczos sum in its accurate range.
            return Math.Log(Math.PI / Math.Abs(Math.Sin(Math.PI * a))) - LogGamma(1 - a);
        }

        var x = a - 1;
        var sum = Lanczos[0];
        for (var i = 1; i < Lanczos.Length; i++)
        {
            sum += Lanczos[i] / (x + i);
        }
        var t = x + 7.5;
        return 0.5 * Math.Log(2 * Math.PI) + (x + 0.5) * Math.Log(t) - t + Math.Log(sum);
    }

    /// <summary>Regularized lower incomplete gamma P(a, x); NaN for a ≤ 0 or x &lt; 0.</summary>
    public static double LowerRegularized(double a, double x)
    {
        if (!(a > 0) || !(x >= 0))
        {
            return double.NaN;
        }
        if (x == 0)
        {
            return 0;
        }
        return x < a + 1 ? Series(a, x) : 1 - ContinuedFraction(a, x);
    }

    /// <summary>Regularized upper incomplete gamma Q(a, x); computed directly so small tails keep their precision.</summary>
    public static double UpperRegularized(double a, double x)
    {
        if (!(a > 0) || !(x >= 0))
        {
            return double.NaN;
        }
        if (x == 0)
        {
            return 1;
        }
        return x < a + 1 ? 1 - Series(a, x) : ContinuedFraction(a, x);
    }

    /// <summary>x^(a−1) e^(−x) / Γ(a): the derivative of P(a, x) in x.</summary>
    internal static double Density(double a, double x) =>
        x <= 0 ? 0 : Math.Exp((a - 1) * Math.Log(x) - x - LogGamma(a));

    private static double Prefactor(double a, double x) => Math.Exp(a * Math.Log(x) - x - LogGamma(a));

    // Both expansions need O(√a) terms near x ≈ a; the cap only guards against non-convergence.
    private static int MaxIterations(double a) => (int)Math.Min(int.MaxValue, 10_000 + 100 * Math.Sqrt(a));

    private static double Series(double a, double x)
    {
        var term = 1 / a;
        var sum = term;
        var limit = MaxIterations(a);
        for (var n = 1; n < limit; n++)
        {
            term *= x / (a + n);
            sum += term;
            if (Math.Abs(term) < Math.Abs(sum) * Epsilon)
            {
                break;
            }
        }
        return sum * Prefactor(a, x);
    }

    // Modified Lentz evaluation of the continued fraction for Q(a, x).
    private static double ContinuedFraction(double a, double x)
    {
        var b = x + 1 - a;
        var c = 1 / Tiny;
        var d = 1 / b;
        var h = d;
        var limit = MaxIterations(a);
        for (var i = 1; i < limit; i++)
        {
            var an = -i * (i - a);
            b += 2;
            d = an * d + b;
            if (Math.Abs(d) < Tiny)
            {
                d = Tiny;
            }
            c = b + an / c;
            if (Math.Abs(c) < Tiny)
            {
                c = Tiny;
            }
            d = 1 / d;
            var delta = d * c;
            h *= delta;
            if (Math.Abs(delta - 1) < Epsilon)
            {
                break;
            }
        }
        return h * Prefactor(a, x);
    }
}
