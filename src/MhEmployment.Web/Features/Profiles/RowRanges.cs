namespace MhEmployment.Web.Features.Profiles;

/// <summary>Splits a span of row ids into ranges read at once (their rows are put back together by <see cref="ImportRows.Combine"/>).</summary>
internal static class RowRanges
{
    /// <summary>
    /// Up to <paramref name="parts"/> consecutive ranges, each bounds included, that together cover
    /// <paramref name="bounds"/> exactly; none when there are no rows.
    /// </summary>
    public static IReadOnlyList<(long From, long To)> Split((long First, long Last)? bounds, int parts)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(parts, 1);
        if (bounds is not var (first, last))
        {
            return [];
        }
        ArgumentOutOfRangeException.ThrowIfGreaterThan(first, last);
        // In decimal: the span of two longs can be wider than a long.
        var span = (decimal)last - first + 1;
        var count = (int)Math.Min(parts, span);
        var ranges = new List<(long, long)>(count);
        var from = first;
        for (var i = 1; i <= count; i++)
        {
            var to = i == count ? last : (long)(first + Math.Floor(span * i / count) - 1);
            ranges.Add((from, to));
            from = to + 1;
        }
        return ranges;
    }
}
