namespace MhEmployment.Web.Features.Statistics;

/// <summary>The slice of an indicator a value belongs to: a benchmark is only ever matched on all three.</summary>
public sealed record Breakdown(string Period, string Sex, string Age);

/// <summary>One area's value in a breakdown, with its interval when it has one.</summary>
public sealed record AreaValue(string AreaCode, Breakdown Breakdown, double? Value, Interval? Interval = null)
{
    internal bool HasValue => Value is { } v && double.IsFinite(v);

    internal bool IsSameAreaAs(AreaValue other) => Is(other.AreaCode);

    internal bool Is(string areaCode) => string.Equals(AreaCode.Trim(), areaCode.Trim(), StringComparison.OrdinalIgnoreCase);
}

/// <summary>Checks shared by everything that works over a whole comparison set.</summary>
internal static class ComparisonSets
{
    internal static void Guard(IReadOnlyCollection<AreaValue> comparisonSet)
    {
        var distinctAreas = comparisonSet.Select(a => a.AreaCode.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Count();
        if (distinctAreas != comparisonSet.Count)
        {
            throw new ArgumentException("Each area may appear only once in a comparison set.", nameof(comparisonSet));
        }
        if (comparisonSet.Select(a => a.Breakdown).Distinct().Count() > 1)
        {
            throw new ArgumentException(
                "All values in a comparison set must be for the same period, sex and age.", nameof(comparisonSet));
        }
    }
}
