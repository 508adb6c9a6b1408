using System.Globalization;

namespace MhEmployment.Web.Features.Imports;

/// <summary>A number with its noun in the right form: "1 row", "2 rows", "1,234 errors".</summary>
public static class Counted
{
    public static string Of(long count, string singular, string? plural = null) =>
        $"{count.ToString("N0", CultureInfo.InvariantCulture)} {(count == 1 ? singular : plural ?? singular + "s")}";
}
