using System.Globalization;

namespace MhEmployment.Web.Features.DataVersions;

/// <summary>A change's indicator ids as stored: comma-separated; empty for none; null for "any may have changed".</summary>
public static class DataChangeIds
{
    public static IReadOnlyList<int>? Parse(string? stored) => stored is null
        ? null
        : [.. stored.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(id => int.Parse(id, CultureInfo.InvariantCulture))];
}
