namespace MhEmployment.Web.Features.Profiles;

/// <summary>Splits a span of row ids into ranges read at once, and puts the ranges' rows back together in order.</summary>
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

    /// <summary>The rows of every range by key, each key's rows in the ranges' order.</summary>
    public static Dictionary<int, List<T>> Concatenate<T>(IReadOnlyList<Dictionary<int, List<T>>> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var all = new Dictionary<int, List<T>>();
        foreach (var part in parts)
        {
            foreach (var (key, rows) in part)
            {
                if (all.TryGetValue(key, out var list))
                {
                    list.AddRange(rows);
                }
                else
                {
                    all[key] = rows;
                }
            }
        }
        return all;
    }
}
