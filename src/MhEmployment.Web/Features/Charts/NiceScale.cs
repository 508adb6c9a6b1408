namespace MhEmployment.Web.Features.Charts;

/// <summary>
/// A linear axis with "nice" ticks: the step is 1, 2 or 5 × 10^k, and the domain is widened to whole steps so the
/// first and last ticks are the ends of the axis.
/// </summary>
public sealed record NiceScale(double Min, double Max, double Step)
{
    /// <summary>
    /// A scale covering [min, max] with about <paramref name="targetTicks"/> intervals. Bar charts pass 0 as one
    /// end so bars start at zero. An empty range is widened so there is always something to draw.
    /// </summary>
    public static NiceScale Create(double min, double max, int targetTicks = 5)
    {
        if (!double.IsFinite(min) || !double.IsFinite(max))
        {
            throw new ArgumentException("The range must be finite.", nameof(min));
        }
        ArgumentOutOfRangeException.ThrowIfLessThan(targetTicks, 1);
        if (min > max)
        {
            (min, max) = (max, min);
        }
        if (min == max)
        {
            // A single value: show it against zero, or 0..1 when everything is zero.
            (min, max) = min switch
            {
                > 0 => (0d, min),
                < 0 => (min, 0d),
                _ => (0d, 1d),
            };
        }

        var step = NiceStep((max - min) / targetTicks);
        // Tiny tolerances stop 40.000000001 from adding a whole extra step.
        var niceMin = Math.Floor(min / step + 1e-9) * step;
        var niceMax = Math.Ceiling(max / step - 1e-9) * step;
        return new NiceScale(Clean(niceMin, step), Clean(niceMax, step), step);
    }

    /// <summary>Digits after the point that the tick labels need (0 for steps of 1 and above).</summary>
    public int Decimals => Math.Max(0, -(int)Math.Floor(Math.Log10(Step) + 1e-9));

    public IReadOnlyList<double> Ticks
    {
        get
        {
            var count = (int)Math.Round((Max - Min) / Step);
            return [.. Enumerable.Range(0, count + 1).Select(i => Clean(Min + i * Step, Step))];
        }
    }

    /// <summary>Where a value sits along the axis, 0 at <see cref="Min"/> … 1 at <see cref="Max"/> (not clamped).</summary>
    public double Fraction(double value) => (value - Min) / (Max - Min);

    private static double NiceStep(double rough)
    {
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var residual = rough / magnitude;
        var nice = residual <= 1 + 1e-9 ? 1 : residual <= 2 + 1e-9 ? 2 : residual <= 5 + 1e-9 ? 5 : 10;
        return nice * magnitude;
    }

    // 0.1 * 3 is 0.30000000000000004: round to the step's own precision.
    private static double Clean(double value, double step)
    {
        var digits = Math.Clamp(-(int)Math.Floor(Math.Log10(step)) + 2, 0, 15);
        var rounded = Math.Round(value, digits);
        return rounded == 0 ? 0 : rounded;
    }
}
