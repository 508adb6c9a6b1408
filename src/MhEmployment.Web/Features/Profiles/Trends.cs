using MhEmployment.Web.Features.Statistics;

namespace MhEmployment.Web.Features.Profiles;

/// <summary>Feeds an area's series to the recent-trend test.</summary>
public static class Trends
{
    public static TrendResult Of(IndicatorValues indicator, SliceValues slice, string areaCode)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        ArgumentNullException.ThrowIfNull(slice);
        if (!slice.SeriesByArea.TryGetValue(areaCode, out var series))
        {
            return TrendResult.CannotBeCalculated(TrendReasons.NoValues);
        }
        var definition = indicator.Indicator;
        // One point per start year; a period that is not a single year leaves the test to refuse it by period type.
        var points = series
            .Select(v => ResolvedValue.From(v, definition))
            .Where(v => v.HasValue)
            .GroupBy(v => v.Period.Start.Year)
            .Select(g => g.Last())
            .Select(v => new TrendPoint(v.Period.Start.Year, v.Value, v.Count, v.Denominator, v.Interval?.Lower95, v.Interval?.Upper95))
            .ToList();
        return RecentTrend.Assess(points, definition.ValueType, definition.PeriodType, definition.Polarity);
    }
}
