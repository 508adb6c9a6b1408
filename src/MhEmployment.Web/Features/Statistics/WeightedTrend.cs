namespace MhEmployment.Web.Features.Statistics;

/// <summary>Weighted least-squares slope of the value on t = 1..5, weights 1/SE² from the 95% limits.</summary>
internal static class WeightedTrend
{
    private const double LimitsToStandardError = 3.92; // 2 × 1.96

    public static TrendTest? Test(IReadOnlyList<TrendPoint> points)
    {
        var ys = new double[points.Count];
        var ws = new double[points.Count];
        for (var i = 0; i < points.Count; i++)
        {
            var p = points[i];
            if (p.Value is not { } y || p.Lower95 is not { } lower || p.Upper95 is not { } upper
                || !double.IsFinite(y) || !double.IsFinite(lower) || !double.IsFinite(upper) || !(upper > lower))
            {
                return null;
            }
            var se = (upper - lower) / LimitsToStandardError;
            ys[i] = y;
            ws[i] = 1 / (se * se);
        }

        if (Fit(ys, ws, skip: -1) is not { } all)
        {
            return null;
        }
        var signs = Enumerable.Range(0, ys.Length).Select(skip => Math.Sign(Fit(ys, ws, skip)?.Slope ?? 0)).ToList();
        var z = all.Slope / all.StandardError;
        return new TrendTest(z * z, Math.Sign(all.Slope), all.Slope, signs);
    }

    /// <summary>
    /// b = (Σw·Σwty − Σwt·Σwy)/(Σw·Σwt² − (Σwt)²), SE(b) = √(Σw / (Σw·Σwt² − (Σwt)²)), t = 1..n; the point at
    /// <paramref name="skip"/> (if any) is left out.
    /// </summary>
    internal static (double Slope, double StandardError)? Fit(IReadOnlyList<double> ys, IReadOnlyList<double> ws, int skip)
    {
        double sw = 0, swt = 0, swt2 = 0, swy = 0, swty = 0;
        for (var i = 0; i < ys.Count; i++)
        {
            if (i == skip)
            {
                continue;
            }
            var t = i + 1;
            sw += ws[i];
            swt += ws[i] * t;
            swt2 += ws[i] * t * t;
            swy += ws[i] * ys[i];
            swty += ws[i] * t * ys[i];
        }
        var determinant = sw * swt2 - swt * swt;
        if (!(determinant > 0) || !double.IsFinite(determinant))
        {
            return null;
        }
        return ((sw * swty - swt * swy) / determinant, Math.Sqrt(sw / determinant));
    }
}
