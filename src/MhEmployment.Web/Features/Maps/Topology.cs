using System.Text.Json;

namespace MhEmployment.Web.Features.Maps;

/// <summary>A position: longitude/latitude when decoded, pixels once projected.</summary>
internal readonly record struct GeoPoint(double X, double Y);

/// <summary>One geometry of a TopoJSON object: its properties as text and its polygons as rings of arc indexes.</summary>
internal sealed record TopoGeometry(IReadOnlyDictionary<string, string> Properties, IReadOnlyList<IReadOnlyList<int[]>> Polygons);

/// <summary>
/// A minimal TopoJSON reader (https://github.com/topojson/topojson-specification): shared arcs, delta-decoded and
/// transformed when quantized, and Polygon / MultiPolygon geometries that refer to them (~i is arc i reversed).
/// Other geometry types are skipped: boundary files hold only areas.
/// </summary>
internal sealed class Topology
{
    private Topology(IReadOnlyList<GeoPoint[]> arcs, IReadOnlyDictionary<string, IReadOnlyList<TopoGeometry>> objects)
    {
        Arcs = arcs;
        Objects = objects;
    }

    public IReadOnlyList<GeoPoint[]> Arcs { get; }

    public IReadOnlyDictionary<string, IReadOnlyList<TopoGeometry>> Objects { get; }

    public static Topology Parse(Stream utf8Json)
    {
        using var document = JsonDocument.Parse(utf8Json);
        return Parse(document.RootElement);
    }

    public static Topology Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Parse(document.RootElement);
    }

    /// <summary>
    /// A ring as points: each arc in turn (reversed for ~i), dropping the first point of every arc after the first
    /// because it repeats the previous arc's last point. <paramref name="arcs"/> may be projected or simplified
    /// copies of <see cref="Arcs"/>, as long as arc ends are kept.
    /// </summary>
    public static List<GeoPoint> Ring(int[] arcIndexes, IReadOnlyList<GeoPoint[]> arcs)
    {
        ArgumentNullException.ThrowIfNull(arcIndexes);
        ArgumentNullException.ThrowIfNull(arcs);
        var ring = new List<GeoPoint>();
        foreach (var index in arcIndexes)
        {
            var arc = arcs[index >= 0 ? index : ~index];
            var start = ring.Count == 0 ? 0 : 1;
            for (var i = start; i < arc.Length; i++)
            {
                ring.Add(arc[index >= 0 ? i : arc.Length - 1 - i]);
            }
        }
        return ring;
    }

    private static Topology Parse(JsonElement root)
    {
        if (!root.TryGetProperty("type", out var type) || type.GetString() != "Topology")
        {
            throw new FormatException("Not a TopoJSON topology.");
        }

        double sx = 1, sy = 1, tx = 0, ty = 0;
        var quantized = root.TryGetProperty("transform", out var transform);
        if (quantized)
        {
            var scale = transform.GetProperty("scale");
            var translate = transform.GetProperty("translate");
            (sx, sy) = (scale[0].GetDouble(), scale[1].GetDouble());
            (tx, ty) = (translate[0].GetDouble(), translate[1].GetDouble());
        }

        var arcs = new List<GeoPoint[]>();
        foreach (var arc in root.GetProperty("arcs").EnumerateArray())
        {
            var points = new GeoPoint[arc.GetArrayLength()];
            double x = 0, y = 0;
            var i = 0;
            foreach (var position in arc.EnumerateArray())
            {
                // Quantized arcs are delta-encoded: each position is an offset from the previous one.
                (x, y) = quantized
                    ? (x + position[0].GetDouble(), y + position[1].GetDouble())
                    : (position[0].GetDouble(), position[1].GetDouble());
                points[i++] = quantized ? new GeoPoint(x * sx + tx, y * sy + ty) : new GeoPoint(x, y);
            }
            arcs.Add(points);
        }

        var objects = new Dictionary<string, IReadOnlyList<TopoGeometry>>(StringComparer.Ordinal);
        foreach (var member in root.GetProperty("objects").EnumerateObject())
        {
            var geometries = member.Value.TryGetProperty("geometries", out var collection)
                ? collection.EnumerateArray().ToList()
                : [member.Value];
            objects[member.Name] = [.. geometries.Select(Geometry).OfType<TopoGeometry>()];
        }
        return new Topology(arcs, objects);
    }

    private static TopoGeometry? Geometry(JsonElement geometry)
    {
        var type = geometry.TryGetProperty("type", out var t) ? t.GetString() : null;
        if (type is not ("Polygon" or "MultiPolygon") || !geometry.TryGetProperty("arcs", out var arcs))
        {
            return null;
        }
        List<IReadOnlyList<int[]>> polygons = type == "Polygon" ? [Polygon(arcs)] : [.. arcs.EnumerateArray().Select(Polygon)];

        var properties = new Dictionary<string, string>(StringComparer.Ordinal);
        if (geometry.TryGetProperty("properties", out var props) && props.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in props.EnumerateObject())
            {
                properties[p.Name] = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText();
            }
        }
        return new TopoGeometry(properties, polygons);
    }

    private static IReadOnlyList<int[]> Polygon(JsonElement rings) =>
        [.. rings.EnumerateArray().Select(ring => ring.EnumerateArray().Select(a => a.GetInt32()).ToArray())];
}
