namespace MhEmployment.Web.Features.Charts;

/// <summary>
/// Point markers centred on the origin, placed with transform="translate(x y)". The shape follows the comparison
/// so colour is never the only signal: better a circle, similar a diamond, worse a square, higher/lower a triangle
/// pointing that way.
/// </summary>
internal static class Markers
{
    private const string Circle = "M-5 0a5 5 0 1 0 10 0a5 5 0 1 0-10 0z";
    private const string Diamond = "M0-6 6 0 0 6-6 0z";
    private const string Square = "M-4.5-4.5h9v9h-9z";
    private const string TriangleUp = "M0-6 5.5 4h-11z";
    private const string TriangleDown = "M0 6 5.5-4h-11z";

    /// <summary>Smaller, uncoloured markers for comparator lines (England, region …), one per comparator slot.</summary>
    private static readonly string[] Comparator =
    [
        "M-3-3h6v6h-6z",
        "M-3.5 0a3.5 3.5 0 1 0 7 0a3.5 3.5 0 1 0-7 0z",
        "M-3.5-3.5 3.5 3.5M-3.5 3.5 3.5-3.5",
    ];

    public static string ShapeFor(string cssClass) => cssClass switch
    {
        "sig-similar" => Diamond,
        "sig-worse" or "sig-worst" => Square,
        "sig-higher" => TriangleUp,
        "sig-lower" => TriangleDown,
        _ => Circle,
    };

    public static string ComparatorShape(int slot) => Comparator[slot % Comparator.Length];

    public static string Translate(double x, double y) => $"translate({Svg.N(x)} {Svg.N(y)})";
}
