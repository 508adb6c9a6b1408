using System.Globalization;
using System.Text.RegularExpressions;

namespace MhEmployment.UnitTests.Maps;

/// <summary>Reads the map's path data (M x y, relative l pairs, Z) back into absolute rings.</summary>
internal static partial class MapPath
{
    public static List<List<(double X, double Y)>> Rings(string d)
    {
        var rings = new List<List<(double X, double Y)>>();
        List<(double X, double Y)>? ring = null;
        var command = ' ';
        var pending = new List<double>();
        foreach (Match token in Token().Matches(d))
        {
            if (token.Value is "M" or "l" or "Z")
            {
                command = token.Value[0];
                if (command == 'M')
                {
                    ring = [];
                    rings.Add(ring);
                }
                continue;
            }
            pending.Add(double.Parse(token.Value, CultureInfo.InvariantCulture));
            if (pending.Count < 2)
            {
                continue;
            }
            var (x, y) = (pending[0], pending[1]);
            pending.Clear();
            if (command == 'l')
            {
                ring!.Add((Math.Round(ring[^1].X + x, 1), Math.Round(ring[^1].Y + y, 1)));
            }
            else if (command == 'M')
            {
                ring!.Add((x, y));
            }
            else
            {
                throw new FormatException($"Unexpected command '{command}' in path data.");
            }
        }
        return rings;
    }

    [GeneratedRegex(@"[MlZ]|-?(?:\d+\.?\d*|\.\d+)")]
    private static partial Regex Token();
}
