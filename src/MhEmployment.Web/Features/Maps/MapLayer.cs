using System.Globalization;
using System.Text;

namespace MhEmployment.Web.Features.Maps;

/// <summary>One area ready to draw: SVG path data in the layer's viewBox.</summary>
internal sealed record MapArea(string Code, string Name, string Path);

/// <summary>A projected, simplified set of areas fitted to a Width × Height viewBox.</summary>
internal sealed record MapLayer(double Width, double Height, IReadOnlyList<MapArea> Areas)
{
    private const double Padding = 4;

    /// <summary>
    /// Projects the features (equirectangular, longitude scaled by cos of the mean latitude: at England's scale
    /// the difference from a conformal projection is not visible), fits them to the viewBox, then simplifies each
    /// shared arc once (Douglas–Peucker) so neighbouring areas keep identical borders with no slivers.
    /// </summary>
    public static MapLayer Build(
        Topology topology, IReadOnlyList<(string Code, string Name, TopoGeometry Geometry)> features,
        double width, double height, double tolerance)
    {
        var used = features.SelectMany(f => f.Geometry.Polygons).SelectMany(p => p).SelectMany(r => r)
            .Select(a => a >= 0 ? a : ~a).Distinct().ToList();
        var points = used.SelectMany(a => topology.Arcs[a]).ToList();
        if (points.Count == 0)
        {
            return new MapLayer(width, height, []);
        }
        double minLon = points.Min(p => p.X), maxLon = points.Max(p => p.X);
        double minLat = points.Min(p => p.Y), maxLat = points.Max(p => p.Y);
        var k = Math.Cos((minLat + maxLat) / 2 * Math.PI / 180);
        double spanX = Math.Max((maxLon - minLon) * k, 1e-12), spanY = Math.Max(maxLat - minLat, 1e-12);
        var scale = Math.Min((width - 2 * Padding) / spanX, (height - 2 * Padding) / spanY);
        // Centre the drawing in whichever direction has room to spare.
        var offsetX = (width - spanX * scale) / 2;
        var offsetY = (height - spanY * scale) / 2;
        GeoPoint Project(GeoPoint p) => new(offsetX + (p.X - minLon) * k * scale, offsetY + (maxLat - p.Y) * scale);

        var projected = new GeoPoint[]?[topology.Arcs.Count];
        var simplified = new GeoPoint[]?[topology.Arcs.Count];
        foreach (var a in used)
        {
            projected[a] = [.. topology.Arcs[a].Select(Project)];
            simplified[a] = Simplify(projected[a]!, tolerance);
        }

        var areas = features
            .OrderBy(f => f.Code, StringComparer.Ordinal)
            .Select(f => new MapArea(f.Code, f.Name, PathFor(f.Geometry, simplified!) is { Length: > 0 } path ? path : PathFor(f.Geometry, projected!)))
            .ToList();
        return new MapLayer(width, height, areas);
    }

    /// <summary>
    /// Path data: each ring starts with an absolute move, then relative line-tos ("l") in tenths of a pixel, which
    /// keeps the England map small; deltas come from rounded positions so no error accumulates. Repeated points are
    /// dropped, rings close with Z, and rings that shrink below a triangle are left out. Empty when every ring did
    /// (the caller then uses unsimplified arcs, so a tiny area such as the City of London never disappears).
    /// </summary>
    internal static string PathFor(TopoGeometry geometry, IReadOnlyList<GeoPoint[]> arcs)
    {
        var sb = new StringBuilder();
        foreach (var ring in geometry.Polygons.SelectMany(p => p))
        {
            var tenths = new List<(long X, long Y)>();
            foreach (var point in Topology.Ring(ring, arcs))
            {
                var xy = (Tenths(point.X), Tenths(point.Y));
                if (tenths.Count == 0 || tenths[^1] != xy)
                {
                    tenths.Add(xy);
                }
            }
            if (tenths.Count > 1 && tenths[0] == tenths[^1])
            {
                tenths.RemoveAt(tenths.Count - 1);
            }
            if (tenths.Distinct().Count() < 3)
            {
                continue;
            }
            sb.Append('M').Append(Number(tenths[0].X)).Append(Separator(tenths[0].Y)).Append(Number(tenths[0].Y)).Append('l');
            for (var i = 1; i < tenths.Count; i++)
            {
                long dx = tenths[i].X - tenths[i - 1].X, dy = tenths[i].Y - tenths[i - 1].Y;
                sb.Append(i > 1 ? Separator(dx) : "").Append(Number(dx)).Append(Separator(dy)).Append(Number(dy));
            }
            sb.Append('Z');
        }
        return sb.ToString();
    }

    private static long Tenths(double value) => (long)Math.Round(value * 10, MidpointRounding.AwayFromZero);

    // A minus sign separates numbers by itself.
    private static string Separator(long tenths) => tenths < 0 ? "" : " ";

    /// <summary>Tenths as a decimal without a leading zero: 12 → "1.2", 5 → ".5", -5 → "-.5", 30 → "3".</summary>
    private static string Number(long tenths)
    {
        var sign = tenths < 0 ? "-" : "";
        var abs = Math.Abs(tenths);
        var (whole, tenth) = (abs / 10, abs % 10);
        var text = tenth == 0 ? whole.ToString(CultureInfo.InvariantCulture)
            : whole == 0 ? "." + tenth.ToString(CultureInfo.InvariantCulture)
            : whole.ToString(CultureInfo.InvariantCulture) + "." + tenth.ToString(CultureInfo.InvariantCulture);
        return sign + text;
    }

    /// <summary>Douglas–Peucker: keeps the ends and every point further than the tolerance from the simplified line.</summary>
    internal static GeoPoint[] Simplify(GeoPoint[] points, double tolerance)
    {
        if (points.Length <= 2 || tolerance <= 0)
        {
            return points;
        }
        var keep = new bool[points.Length];
        keep[0] = keep[^1] = true;
        var stack = new Stack<(int From, int To)>();
        stack.Push((0, points.Length - 1));
        while (stack.Count > 0)
        {
            var (from, to) = stack.Pop();
            var (worst, distance) = (-1, tolerance);
            for (var i = from + 1; i < to; i++)
            {
                var d = Distance(points[i], points[from], points[to]);
                if (d > distance)
                {
                    (worst, distance) = (i, d);
                }
            }
            if (worst >= 0)
            {
                keep[worst] = true;
                stack.Push((from, worst));
                stack.Push((worst, to));
            }
        }
        return [.. points.Where((_, i) => keep[i])];
    }

    // Distance from p to the segment a–b (to a itself when a closed arc starts and ends on the same point).
    private static double Distance(GeoPoint p, GeoPoint a, GeoPoint b)
    {
        double dx = b.X - a.X, dy = b.Y - a.Y;
        var lengthSquared = dx * dx + dy * dy;
        var t = lengthSquared == 0 ? 0 : Math.Clamp(((p.X - a.X) * dx + (p.Y - a.Y) * dy) / lengthSquared, 0, 1);
        double ex = p.X - (a.X + t * dx), ey = p.Y - (a.Y + t * dy);
        return Math.Sqrt(ex * ex + ey * ey);
    }
}
