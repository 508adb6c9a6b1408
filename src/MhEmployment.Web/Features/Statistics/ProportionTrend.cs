namespace MhEmployment.Web.Features.Statistics;

/// <summary>Chi-squared test for linear trend in proportions, with leave-one-out slopes on the logit scale.</summary>
internal static class ProportionTrend
{
    public static TrendTest? Test(IReadOnlyList<TrendPoint> points)
    {
        var counts = new double[points.Count];
        var sizes = new double[points.Count];
        for (var i = 0; i < points.Count; i++)
        {
            if (points[i].Count is not { } o || points[i].Denominator is not { } n
                || !double.IsFinite(o) || !double.IsFinite(n) || !(n > 0) || o < 0 || o > n)
            {
                return null;
            }
            counts[i] = o;
            sizes[i] = n;
        }

        // χ² = N·(N·ΣOₜt − ΣOₜ·ΣNₜt)² / (ΣOₜ·(N − ΣOₜ)·(N·ΣNₜt² − (ΣNₜt)²)), t = 1..5.
        double total = 0, events = 0, eventsT = 0, sizesT = 0, sizesT2 = 0;
        for (var i = 0; i < counts.Length; i++)
        {
            var t = i + 1;
            total += sizes[i];
            events += counts[i];
            eventsT += counts[i] * t;
            sizesT += sizes[i] * t;
            sizesT2 += sizes[i] * t * t;
        }
        var difference = total * eventsT - events * sizesT;
        var spread = events * (total - events) * (total * sizesT2 - sizesT * sizesT);
        var chiSquared = spread > 0 ? total * difference * difference / spread : 0; // 0%/100% throughout: no change

        // Empirical logit (O + ½)/(N − O + ½) keeps 0% and 100% usable; weights are the inverse of its variance.
        var logits = new double[counts.Length];
        var weights = new double[counts.Length];
        for (var i = 0; i < counts.Length; i++)
        {
            var o = counts[i] + 0.5;
            var notO = sizes[i] - counts[i] + 0.5;
            logits[i] = Math.Log(o / notO);
            weights[i] = 1 / (1 / o + 1 / notO);
        }
        var slope = WeightedTrend.Fit(logits, weights, skip: -1)?.Slope ?? 0;
        var signs = Enumerable.Range(0, counts.Length)
            .Select(skip => Math.Sign(WeightedTrend.Fit(logits, weights, skip)?.Slope ?? 0))
            .ToList();
        return new TrendTest(chiSquared, Math.Sign(difference), slope, signs);
    }
}
