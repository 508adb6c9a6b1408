using System.Text;
using System.Text.RegularExpressions;

namespace MhEmployment.Web.Features.Exports;

/// <summary>
/// The pages' chart stylesheet (charts.css), cut down for one chart: only the selectors whose classes all occur in
/// it. Styling an SVG costs time for every rule, and most rules are for other charts or for the page's HTML; rules
/// for hover, focus and other media do not apply to a still image and are left out.
/// </summary>
public sealed partial class ChartStylesheet
{
    private readonly List<Rule> rules;

    /// <summary>The app's own charts.css, embedded in the assembly.</summary>
    public static ChartStylesheet Pages { get; } = new(ReadEmbedded());

    public ChartStylesheet(string css)
    {
        ArgumentNullException.ThrowIfNull(css);
        rules = Parse(css);
    }

    /// <summary>The rules that can apply to <paramref name="svg"/>, as a style element.</summary>
    public string StyleElementFor(string svg)
    {
        ArgumentNullException.ThrowIfNull(svg);
        var classes = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match match in ClassAttribute().Matches(svg))
        {
            classes.UnionWith(match.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        }
        var sb = new StringBuilder("<style><![CDATA[");
        foreach (var rule in rules)
        {
            var selectors = rule.Selectors.Where(s => s.Classes.All(classes.Contains)).Select(s => s.Text).ToList();
            if (selectors.Count > 0)
            {
                sb.AppendJoin(',', selectors).Append('{').Append(rule.Body).Append('}');
            }
        }
        return sb.Append("]]></style>").ToString();
    }

    /// <summary>
    /// The background and text colours ("C00000", "FFFFFF") a class gives a table cell on the pages, such as a
    /// significance badge's; null when no rule for that class alone sets both.
    /// </summary>
    public (string Background, string Text)? CellColours(string cssClass)
    {
        var body = rules.FirstOrDefault(r => r.Selectors.Any(s => s.Text == "." + cssClass))?.Body;
        var declarations = (body ?? "").Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(d => d.Split(':', 2, StringSplitOptions.TrimEntries)).Where(d => d.Length == 2)
            .ToDictionary(d => d[0], d => d[1], StringComparer.OrdinalIgnoreCase);
        return declarations.TryGetValue("background-color", out var background) && declarations.TryGetValue("color", out var text)
            && Hex(background) is { } b && Hex(text) is { } t
            ? (b, t)
            : null;
    }

    /// <summary>"#c00000" or "#fff" as "C00000" / "FFFFFF"; null for anything else.</summary>
    private static string? Hex(string colour)
    {
        var digits = colour.TrimStart('#');
        if (!colour.StartsWith('#') || !digits.All(char.IsAsciiHexDigit))
        {
            return null;
        }
        return digits.Length switch
        {
            6 => digits.ToUpperInvariant(),
            3 => string.Concat(digits.Select(c => new string(char.ToUpperInvariant(c), 2))),
            _ => null,
        };
    }

    private static string ReadEmbedded()
    {
        using var stream = typeof(ChartStylesheet).Assembly.GetManifestResourceStream("Exports/charts.css")
            ?? throw new InvalidOperationException("The chart stylesheet is not embedded in the app.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <summary>Top-level rules without comments; at-rules (media queries) and pseudo-class selectors are dropped.</summary>
    private static List<Rule> Parse(string css)
    {
        var text = Comment().Replace(css, " ");
        var parsed = new List<Rule>();
        var i = 0;
        while (i < text.Length)
        {
            var open = text.IndexOf('{', i);
            if (open < 0)
            {
                break;
            }
            var prelude = text[i..open].Trim();
            var close = MatchingBrace(text, open);
            if (!prelude.StartsWith('@'))
            {
                var selectors = prelude.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                    .Where(s => !s.Contains(':', StringComparison.Ordinal))
                    .Select(s => new Selector(s, [.. ClassName().Matches(s).Select(m => m.Groups[1].Value)]))
                    .ToList();
                if (selectors.Count > 0)
                {
                    parsed.Add(new Rule(selectors, text[(open + 1)..close].Trim()));
                }
            }
            i = close + 1;
        }
        return parsed;
    }

    private static int MatchingBrace(string text, int open)
    {
        var depth = 0;
        for (var i = open; i < text.Length; i++)
        {
            depth += text[i] switch { '{' => 1, '}' => -1, _ => 0 };
            if (depth == 0)
            {
                return i;
            }
        }
        throw new FormatException("The chart stylesheet has a block that is not closed.");
    }

    private sealed record Selector(string Text, IReadOnlyList<string> Classes);

    private sealed record Rule(IReadOnlyList<Selector> Selectors, string Body);

    [GeneratedRegex(@"/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex Comment();

    [GeneratedRegex(@"\.([A-Za-z0-9_-]+)")]
    private static partial Regex ClassName();

    [GeneratedRegex("""\bclass="([^"]*)""")]
    private static partial Regex ClassAttribute();
}
