using System.Text;

namespace MhEmployment.Web.Features.Imports.Parsing;

/// <summary>
/// Header matching that survives users renaming columns: case, spaces, underscores, dots and hyphens are ignored,
/// so "Lower CI 95.0 limit" and "Lower_CI_95.0_limit" are the same column.
/// </summary>
internal sealed class HeaderNames
{
    private readonly Dictionary<string, int> _byKey = new(StringComparer.Ordinal);

    private readonly List<(string Name, int First, int Again)> _duplicates = [];

    public HeaderNames(IReadOnlyList<string> headers)
    {
        Headers = headers;
        for (var i = 0; i < headers.Count; i++)
        {
            var key = Normalise(headers[i]);
            if (!_byKey.TryAdd(key, i) && key.Length > 0)
                _duplicates.Add((headers[i], _byKey[key], i));
        }
    }

    /// <summary>Columns the header names twice (spellings that differ only in case, spaces or underscores count as one), with both positions.</summary>
    public IReadOnlyList<(string Name, int First, int Again)> Duplicates => _duplicates;

    /// <summary>The header's non-blank columns that are none of <paramref name="known"/> (blank ones are a spreadsheet's padding).</summary>
    public IReadOnlyList<string> Unknown(IEnumerable<string> known, Func<string, bool>? alsoKnown = null)
    {
        var names = known.Select(Normalise).ToHashSet(StringComparer.Ordinal);
        return [.. Headers.Where(h => Normalise(h) is { Length: > 0 } key && !names.Contains(key) && alsoKnown?.Invoke(h) != true)];
    }

    public IReadOnlyList<string> Headers { get; }

    public int Count => Headers.Count;

    /// <summary>The index of the first of <paramref name="names"/> the header has, or -1.</summary>
    public int Find(params ReadOnlySpan<string> names)
    {
        foreach (var name in names)
            if (_byKey.TryGetValue(Normalise(name), out var index))
                return index;
        return -1;
    }

    public bool Has(string name) => Find(name) >= 0;

    public string NameAt(int index) => Headers[index];

    public static string Normalise(string name)
    {
        var sb = new StringBuilder(name.Length);
        foreach (var c in name)
            if (c is not (' ' or '_' or '.' or '-' or '\t' or '\uFEFF') && !char.IsControl(c))
                sb.Append(char.ToLowerInvariant(c));
        return sb.ToString();
    }
}
