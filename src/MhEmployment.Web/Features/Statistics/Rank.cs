namespace MhEmployment.Web.Features.Statistics;

/// <summary>An area's place in its comparison set: 1 is the highest value whatever the polarity.</summary>
public sealed record Rank(int Position, int OutOf)
{
    /// <summary>"n of N".</summary>
    public override string ToString() => $"{Position} of {OutOf}";

    /// <summary>
    /// The area's rank among the set's areas that have a value; ties share the better rank (1, 2, 2, 4).
    /// Null when the area is not in the set or has no value.
    /// </summary>
    public static Rank? Of(string areaCode, IReadOnlyCollection<AreaValue> comparisonSet)
    {
        ArgumentNullException.ThrowIfNull(areaCode);
        ArgumentNullException.ThrowIfNull(comparisonSet);
        ComparisonSets.Guard(comparisonSet);
        var area = comparisonSet.FirstOrDefault(a => a.Is(areaCode));
        if (area is null || !area.HasValue)
        {
            return null;
        }
        var values = comparisonSet.Where(a => a.HasValue).Select(a => a.Value!.Value).ToList();
        return new Rank(1 + values.Count(v => v > area.Value!.Value), values.Count);
    }
}
