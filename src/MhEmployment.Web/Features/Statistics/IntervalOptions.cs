namespace MhEmployment.Web.Features.Statistics;

/// <summary>How counts (and crude rates) get their limits.</summary>
public enum PoissonMethod
{
    /// <summary>methods.md: Byars for O ≥ 10, exact Poisson below 10.</summary>
    ByarsFromTen,

    /// <summary>Exact Poisson (chi-squared) limits for every count.</summary>
    Exact,

    /// <summary>Byars for every count, however small.</summary>
    Byars,
}

/// <summary>
/// The constants behind an interval. <see cref="Default"/> is methods.md; the other settings exist because some
/// published Fingertips series were computed differently (see the reconciliation tests) and must be reproducible.
/// </summary>
public sealed record IntervalOptions
{
    // Declared before Default so they are set when Default is built. methods.md's 1.959964 and 3.090232 are these
    // quantiles to six decimals; the unrounded values reproduce PHEindicatormethods (qnorm) to every printed digit.
    private static readonly double Quantile975 = NormalDistribution.Quantile(0.975);
    private static readonly double Quantile999 = NormalDistribution.Quantile(0.999);

    /// <summary>z for 95% and 99.8%, Byars for O ≥ 10, exact below.</summary>
    public static IntervalOptions Default { get; } = new();

    /// <summary>Normal quantile used at 95%: Φ⁻¹(0.975) = 1.959964 (to six decimals).</summary>
    public double Z95 { get; init; } = Quantile975;

    /// <summary>Normal quantile used at 99.8%: Φ⁻¹(0.999) = 3.090232 (to six decimals).</summary>
    public double Z998 { get; init; } = Quantile999;

    public PoissonMethod Poisson { get; init; } = PoissonMethod.ByarsFromTen;

    internal double Z(ConfidenceLevel level) => level == ConfidenceLevel.NinetyNinePointEight ? Z998 : Z95;

    // Exact limits use the level itself, not z.
    internal static double Alpha(ConfidenceLevel level) => level == ConfidenceLevel.NinetyNinePointEight ? 0.002 : 0.05;
}
