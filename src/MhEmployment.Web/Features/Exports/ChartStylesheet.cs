using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace MhEmployment.Web.Features.Exports;

/// <summary>
/// The pages' chart stylesheet (charts.css), applied to a chart's SVG as presentation attributes (fill="#c00000"), so
/// that a renderer without the page's stylesheet draws the chart as the page does. The cascade is done here, for the
/// few rules a chart's classes can match: the renderer reads attributes several times quicker than it parses CSS, in a
/// style element or a style attribute. Selectors are classes and element names joined by spaces, as in charts.css;
/// rules for hover, focus and other media do not apply to a still image and are left out, and so are properties that
/// only HTML has.
/// </summary>
public sealed partial class ChartStylesheet
{
    /// <summary>
    /// The SVG properties CSS may set and an SVG element may carry as attributes of the same name. (Written before
    /// <see cref="Pages"/>, which needs it: static fields are set in the order they are written.)
    /// </summary>
    private static readonly HashSet<string> PresentationProperties = new(StringComparer.OrdinalIgnoreCase)
    {
        "fill", "fill-opacity", "fill-rule", "stroke", "stroke-width", "stroke-dasharray", "stroke-opacity", "stroke-linecap",
        "stroke-linejoin", "opacity", "font-family", "font-size", "font-style", "font-weight", "text-decoration", "vector-effect",
    };

    private readonly List<Rule> rules;

    /// <summary>The app's own charts.css, embedded in the assembly.</summary>
    public static ChartStylesheet Pages { get; } = new(ReadEmbedded());

    public ChartStylesheet(string css)
    {
        ArgumentNullException.ThrowIfNull(css);
        rules = Parse(css);
    }

    /// <summary><paramref name="svg"/> with the properties that apply to each element as its attributes.</summary>
    public string Inline(string svg)
    {
        ArgumentNullException.ThrowIfNull(svg);
        var document = XDocument.Parse(svg);
        var classes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var element in document.Descendants())
        {
            classes.UnionWith(ClassesOf(element));
        }
        // Only selectors whose classes all occur in this chart can match anything in it.
        var candidates = rules
            .SelectMany((rule, order) => rule.Selectors.Where(s => s.Classes.All(classes.Contains)).Select(s => (Selector: s, Order: order, rule.Presentation)))
            .ToList();
        if (document.Root is { } root)
        {
            Apply(root, [], candidates);
        }
        return document.ToString(SaveOptions.DisableFormatting);
    }

    private static void Apply(XElement element, List<XElement> ancestors, List<(Selector Selector, int Order, IReadOnlyList<(string Property, string Value)> Presentation)> candidates)
    {
        var matched = candidates.Where(c => c.Selector.Matches(element, ancestors))
            .OrderBy(c => c.Selector.Specificity).ThenBy(c => c.Order).ToList();
        if (matched.Count > 0)
        {
            // Later and more specific declarations win, as in the browser; what an element does not set it inherits.
            foreach (var (property, value) in matched.SelectMany(m => m.Presentation))
            {
                element.SetAttributeValue(property, value);
            }
        }
        ancestors.Add(element);
        foreach (var child in element.Elements())
        {
            Apply(child, ancestors, candidates);
        }
        ancestors.RemoveAt(ancestors.Count - 1);
    }

    private static string[] ClassesOf(XElement element) =>
        ((string?)element.Attribute("class") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>
    /// The background and text colours ("C00000", "FFFFFF") a class gives a table cell on the pages, such as a
    /// significance badge's; null when no rule for that class alone sets both.
    /// </summary>
    public (string Background, string Text)? CellColours(string cssClass)
    {
        var declarations = (rules.FirstOrDefault(r => r.Selectors.Any(s => s.Text == "." + cssClass))?.Declarations ?? [])
            .ToDictionary(d => d.Property, d => d.Value, StringComparer.OrdinalIgnoreCase);
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
                    .Select(Selector.Parse).OfType<Selector>().ToList();
                if (selectors.Count > 0)
                {
                    var declarations = Declarations(text[(open + 1)..close]);
                    parsed.Add(new Rule(selectors, declarations, [.. declarations.SelectMany(Presentation)]));
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

    private static List<(string Property, string Value)> Declarations(string body) =>
        [.. body.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(d => d.Split(':', 2, StringSplitOptions.TrimEntries)).Where(d => d.Length == 2 && d[0].Length > 0)
            .Select(d => (d[0], d[1]))];

    /// <summary>A declaration as presentation attributes: none for an HTML-only property, several for the font shorthand.</summary>
    private static IEnumerable<(string Property, string Value)> Presentation((string Property, string Value) declaration)
    {
        if (!declaration.Property.Equals("font", StringComparison.OrdinalIgnoreCase))
        {
            return PresentationProperties.Contains(declaration.Property) ? [declaration] : [];
        }
        var font = FontShorthand().Match(declaration.Value);
        if (!font.Success)
        {
            return [];
        }
        return new[] { ("font-style", font.Groups[1]), ("font-weight", font.Groups[2]), ("font-size", font.Groups[3]), ("font-family", font.Groups[4]) }
            .Where(p => p.Item2.Success).Select(p => (p.Item1, p.Item2.Value));
    }

    /// <summary>A rule: its selectors, its declarations as written, and those an SVG element can carry as attributes.</summary>
    private sealed record Rule(
        IReadOnlyList<Selector> Selectors, IReadOnlyList<(string Property, string Value)> Declarations,
        IReadOnlyList<(string Property, string Value)> Presentation);

    /// <summary>An element name and classes ("path.marker.comp-1"), either part optional.</summary>
    private sealed record Compound(string? Element, IReadOnlyList<string> Classes)
    {
        public bool Matches(XElement element) =>
            (Element is null || element.Name.LocalName == Element) && Classes.All(ClassesOf(element).Contains);
    }

    /// <summary>Compounds joined by the descendant combinator, the only one charts.css uses.</summary>
    private sealed partial record Selector(string Text, IReadOnlyList<Compound> Compounds)
    {
        public IEnumerable<string> Classes => Compounds.SelectMany(c => c.Classes);

        /// <summary>Classes outweigh element names; the order of the rules settles a tie.</summary>
        public int Specificity => Compounds.Sum(c => c.Classes.Count * 100 + (c.Element is null ? 0 : 1));

        /// <summary>The selector, or null for one this class does not support (pseudo-classes, ids, other combinators).</summary>
        public static Selector? Parse(string text)
        {
            var compounds = new List<Compound>();
            foreach (var part in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var match = CompoundPattern().Match(part);
                if (!match.Success)
                {
                    return null;
                }
                compounds.Add(new Compound(match.Groups[1].Success ? match.Groups[1].Value : null, [.. match.Groups[2].Captures.Select(c => c.Value)]));
            }
            return compounds.Count == 0 ? null : new Selector(text, compounds);
        }

        /// <summary>The last compound matches the element, and each earlier one an ancestor further up, in order.</summary>
        public bool Matches(XElement element, List<XElement> ancestors)
        {
            if (!Compounds[^1].Matches(element))
            {
                return false;
            }
            var a = ancestors.Count - 1;
            for (var c = Compounds.Count - 2; c >= 0; c--)
            {
                while (a >= 0 && !Compounds[c].Matches(ancestors[a]))
                {
                    a--;
                }
                if (a < 0)
                {
                    return false;
                }
                a--;
            }
            return true;
        }

        [GeneratedRegex(@"^([A-Za-z][A-Za-z0-9-]*)?(?:\.([A-Za-z0-9_-]+))*$")]
        private static partial Regex CompoundPattern();
    }

    [GeneratedRegex(@"/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex Comment();

    /// <summary>"[italic] [bold] 11px[/1.2] family, family …".</summary>
    [GeneratedRegex(@"^(?:(italic|oblique)\s+)?(?:(bold|[1-9]00)\s+)?(\d+(?:\.\d+)?(?:px|pt|em|rem|%)?)(?:/\S+)?\s+(.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex FontShorthand();
}
