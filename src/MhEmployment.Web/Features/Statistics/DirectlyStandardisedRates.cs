namespace MhEmployment.Web.Features.Statistics;

/// <summary>One age band of an area: its events, its population and the standard population's weight for it.</summary>
public sealed record AgeBandCount(double Count, double Population, double StandardPopulation);

/// <summary>A directly standardised rate; the interval is null when there are no events (Dobson needs some).</summary>
public sealed record StandardisedRate(double Value, double TotalCount, Interval? Interval);

/// <summary>Directly standardised rates with Dobson's limits (methods.md).</summary>
public static class DirectlyStandardisedRates
{
    /// <summary>
    /// DSR = m·Σ wᵢOᵢ/nᵢ / Σ wᵢ. Dobson: limit = DSR + √(var(DSR)/O)·(O_limit − O), where O = Σ Oᵢ, O_limit
    /// are the Poisson limits of O (Byars for O ≥ 10, exact below, unless the options say otherwise) and
    /// var(DSR) = m²·Σ wᵢ²Oᵢ/nᵢ² / (Σ wᵢ)². Null when a band has no population or a negative count, or the
    /// weights sum to 0.
    /// </summary>
    public static StandardisedRate? Calculate(
        IReadOnlyCollection<AgeBandCount> bands, double multiplier, IntervalOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(bands);
        options ??= IntervalOptions.Default;
        if (bands.Count == 0 || !double.IsFinite(multiplier) || multiplier <= 0 || bands.Any(b => !IsValid(b)))
        {
            return null;
        }

        var totalWeight = bands.Sum(b => b.StandardPopulation);
        if (!(totalWeight > 0))
        {
            return null;
        }

        var scale = multiplier / totalWeight;
        var value = scale * bands.Sum(b => b.StandardPopulation * b.Count / b.Population);
        var variance = scale * scale * bands.Sum(b => Square(b.StandardPopulation / b.Population) * b.Count);
        var total = bands.Sum(b => b.Count);
        if (total == 0)
        {
            return new StandardisedRate(value, total, null);
        }

        var c95 = PoissonLimits.For(total, ConfidenceLevel.NinetyFive, options)!.Value;
        var c998 = PoissonLimits.For(total, ConfidenceLevel.NinetyNinePointEight, options)!.Value;
        var spread = Math.Sqrt(variance / total);
        var interval = new Interval(
            value + spread * (c95.Lower - total), value + spread * (c95.Upper - total),
            value + spread * (c998.Lower - total), value + spread * (c998.Upper - total));
        return new StandardisedRate(value, total, interval);
    }

    private static double Square(double x) => x * x;

    private static bool IsValid(AgeBandCount band) =>
        double.IsFinite(band.Count) && band.Count >= 0
        && double.IsFinite(band.Population) && band.Population > 0
        && double.IsFinite(band.StandardPopulation) && band.StandardPopulation >= 0;
}

/// <summary>Standard populations for direct standardisation.</summary>
public static class StandardPopulations
{
    /// <summary>2013 European Standard Population: 19 five-year bands, 0–4 … 85–89, 90+; sums to 100,000.</summary>
    public static IReadOnlyList<double> European2013 { get; } =
        Array.AsReadOnly<double>(
        [
            5000, 5500, 5500, 5500, 6000, 6000, 6500, 7000, 7000, 7000,
            7000, 6500, 6000, 5500, 5000, 4000, 2500, 1500, 1000,
        ]);
}
