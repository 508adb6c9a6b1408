using System.Collections.Concurrent;
using System.Globalization;

namespace MhEmployment.Web.Features.Maps;

/// <summary>The maps the app can draw.</summary>
public enum MapKind
{
    /// <summary>The 33 London boroughs (GLA boundaries, clipped to the high-water mark).</summary>
    London,

    /// <summary>England's upper-tier local authorities: counties, unitaries, metropolitan districts, London boroughs.</summary>
    EnglandUpperTier,
}

/// <summary>
/// The embedded boundary files (Boundaries/SOURCES.md), decoded once per process and projected once per map and
/// year: nothing here runs per request after the first.
/// </summary>
public static class Boundaries
{
    public const double LondonWidth = 600;
    public const double LondonHeight = 480;
    public const double EnglandWidth = 500;
    public const double EnglandHeight = 600;

    /// <summary>The first year the ONS file describes; earlier years are drawn with this geography.</summary>
    public const int FirstYear = 2014;

    // Simplification tolerance in viewBox pixels: below what a screen shows at these sizes.
    private const double Tolerance = 0.3;
    private const string UpperTierObject = "utla";
    private const string LondonObject = "London_Borough_Excluding_MHW";
    private static readonly string[] EnglishUpperTierPrefixes = ["E06", "E08", "E09", "E10"];

    private static readonly Lazy<Topology> UkTopology = new(() => Load("topo.json"));
    private static readonly Lazy<Topology> LondonTopology = new(() => Load("london_boroughs.json"));
    private static readonly Lazy<IReadOnlyDictionary<string, string>> Names = new(() =>
        UkTopology.Value.Objects[UpperTierObject]
            .GroupBy(g => g.Properties["areacd"], StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Last().Properties["areanm"], StringComparer.OrdinalIgnoreCase));
    private static readonly Lazy<int> Latest = new(() => UkTopology.Value.Objects[UpperTierObject]
        .SelectMany(g => new[] { Year(g, "start"), Year(g, "end") + 1 }).OfType<int>().DefaultIfEmpty(FirstYear).Max());
    private static readonly ConcurrentDictionary<(MapKind Kind, int Year), Lazy<MapLayer>> Layers = new();

    /// <summary>The newest geography in the file (2025: the Barnsley and Sheffield recodes); any later year draws this.</summary>
    public static int CurrentYear => Latest.Value;

    /// <summary>The area codes on a map, sorted; <paramref name="year"/> picks the geography (default: current).</summary>
    public static IReadOnlyList<string> Codes(MapKind kind, int? year = null) =>
        [.. Layer(kind, year).Areas.Select(a => a.Code)];

    /// <summary>The ONS name of an upper-tier area (including abolished ones), or null when the code is unknown.</summary>
    public static string? Name(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return Names.Value.TryGetValue(code.Trim(), out var name) ? name : null;
    }

    internal static MapLayer Layer(MapKind kind, int? year = null)
    {
        // Clamped so callers cannot grow the cache: each year in the file's range is one entry at most.
        var y = kind == MapKind.London ? 0 : Math.Clamp(year ?? CurrentYear, FirstYear, CurrentYear);
        return Layers.GetOrAdd((kind, y), key => new Lazy<MapLayer>(() => Build(key.Kind, key.Year))).Value;
    }

    /// <summary>
    /// Areas valid in a year: no start or start ≤ year, and no end or end ≥ year (the file's end is the last year an
    /// area existed, e.g. Sheffield E08000019 ends 2024 and E08000039 starts 2025).
    /// </summary>
    internal static bool IsCurrent(TopoGeometry geometry, int year) =>
        (Year(geometry, "start") ?? int.MinValue) <= year && (Year(geometry, "end") ?? int.MaxValue) >= year;

    private static MapLayer Build(MapKind kind, int year)
    {
        if (kind == MapKind.London)
        {
            var boroughs = LondonTopology.Value.Objects[LondonObject]
                .Select(g => (Code: g.Properties["GSS_CODE"], g))
                .Select(x => (x.Code, Name(x.Code) ?? x.g.Properties.GetValueOrDefault("NAME", x.Code), x.g))
                .ToList();
            return MapLayer.Build(LondonTopology.Value, boroughs, LondonWidth, LondonHeight, Tolerance);
        }

        var areas = UkTopology.Value.Objects[UpperTierObject]
            .Where(g => EnglishUpperTierPrefixes.Any(p => g.Properties["areacd"].StartsWith(p, StringComparison.Ordinal)))
            .Where(g => IsCurrent(g, year))
            .Select(g => (g.Properties["areacd"], g.Properties["areanm"], g))
            .ToList();
        return MapLayer.Build(UkTopology.Value, areas, EnglandWidth, EnglandHeight, Tolerance);
    }

    private static int? Year(TopoGeometry geometry, string property) =>
        geometry.Properties.TryGetValue(property, out var text)
        && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var year) ? year : null;

    private static Topology Load(string file)
    {
        using var stream = typeof(Boundaries).Assembly.GetManifestResourceStream("Maps/" + file)
            ?? throw new InvalidOperationException($"Boundary file '{file}' is not embedded in the assembly.");
        return Topology.Parse(stream);
    }
}
