using System.Globalization;
using MhEmployment.Web.Features.Statistics;

namespace MhEmployment.UnitTests.Statistics;

/// <summary>Compares with reference values as they were printed (R prints 7 significant digits).</summary>
internal static class Printed
{
    /// <summary>Passes when <paramref name="actual"/> rounds to <paramref name="printed"/> (half a unit of its last digit).</summary>
    public static void ShouldRoundTo(this double actual, string printed, string because = "")
    {
        var expected = double.Parse(printed, NumberStyles.Float, CultureInfo.InvariantCulture);
        var mantissa = printed.Split('e', 'E')[0];
        var point = mantissa.IndexOf('.', StringComparison.Ordinal);
        var decimals = point < 0 ? 0 : mantissa.Length - point - 1;
        var halfUnit = 0.5 * Math.Pow(10, -decimals);
        // A hair over half a unit absorbs binary representation of the printed decimal.
        actual.Should().BeApproximately(expected, halfUnit * (1 + 1e-9), because);
    }

    /// <summary>Relative agreement, for references computed to full precision.</summary>
    public static void ShouldBeRelativelyClose(this double actual, double expected, double relative, string because = "") =>
        actual.Should().BeApproximately(expected, Math.Abs(expected) * relative, because);
}

/// <summary>Picks one limit of an interval by name, so theories can list one expected limit per row.</summary>
internal static class Limits
{
    public static double Named(Interval interval, string name) => name switch
    {
        nameof(Interval.Lower95) => interval.Lower95,
        nameof(Interval.Upper95) => interval.Upper95,
        nameof(Interval.Lower998) => interval.Lower998,
        nameof(Interval.Upper998) => interval.Upper998,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "No such limit."),
    };
}
