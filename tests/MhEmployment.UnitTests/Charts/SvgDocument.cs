using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace MhEmployment.UnitTests.Charts;

/// <summary>Parses renderer output as XML (so malformed markup fails the test) and reads it back.</summary>
internal static partial class SvgDocument
{
    public static readonly XNamespace Ns = "http://www.w3.org/2000/svg";

    public static XElement Parse(string svg) => XDocument.Parse(svg).Root!;

    public static IEnumerable<XElement> All(this XElement root, string name) => root.Descendants(Ns + name);

    public static IEnumerable<XElement> WithClass(this XElement root, string name, string cssClass) =>
        root.All(name).Where(e => e.HasClass(cssClass));

    public static bool HasClass(this XElement element, string cssClass) =>
        ((string?)element.Attribute("class") ?? "").Split(' ').Contains(cssClass);

    public static double Number(this XElement element, string attribute) =>
        double.Parse((string)element.Attribute(attribute)!, CultureInfo.InvariantCulture);

    /// <summary>The title element's text directly under an element (its hover text).</summary>
    public static string? TitleText(this XElement element) => element.Element(Ns + "title")?.Value;

    /// <summary>x and y of a transform="translate(x y)".</summary>
    public static (double X, double Y) Translation(this XElement element)
    {
        var match = TranslatePattern().Match((string)element.Attribute("transform")!);
        return (double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), double.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture));
    }

    /// <summary>Width and height from the viewBox.</summary>
    public static (double Width, double Height) ViewBox(this XElement svg)
    {
        var parts = ((string)svg.Attribute("viewBox")!).Split(' ').Select(p => double.Parse(p, CultureInfo.InvariantCulture)).ToArray();
        return (parts[2], parts[3]);
    }

    /// <summary>Every number in path data, in order (commands and their case are left out).</summary>
    public static double[] PathNumbers(this XElement path) =>
        [.. NumberPattern().Matches((string)path.Attribute("d")!).Select(m => double.Parse(m.Value, CultureInfo.InvariantCulture))];

    /// <summary>
    /// The accessibility contract every chart keeps: named by its own title and desc; role img, or group when it holds
    /// links (an image's children are presentational, so links inside one could not be reached).
    /// </summary>
    public static void ShouldBeAccessibleImage(this XElement svg, string idPrefix, string title, string description)
    {
        svg.Name.Should().Be(Ns + "svg");
        var hasLinks = svg.Descendants(Ns + "a").Any();
        ((string?)svg.Attribute("role")).Should().Be(hasLinks ? "group" : "img");
        ((string?)svg.Attribute("aria-labelledby")).Should().Be($"{idPrefix}-title {idPrefix}-desc");
        svg.Elements(Ns + "title").Single(e => (string?)e.Attribute("id") == $"{idPrefix}-title").Value.Should().Be(title);
        svg.Elements(Ns + "desc").Single(e => (string?)e.Attribute("id") == $"{idPrefix}-desc").Value.Should().Be(description);
        svg.Attribute("style").Should().BeNull();
        svg.DescendantsAndSelf().Should().NotContain(e => e.Attribute("style") != null || e.Name.LocalName == "style",
            "the CSP has no 'unsafe-inline'");
    }

    [GeneratedRegex(@"translate\(([-\d.]+) ([-\d.]+)\)")]
    private static partial Regex TranslatePattern();

    [GeneratedRegex(@"-?(?:\d+\.?\d*|\.\d+)")]
    private static partial Regex NumberPattern();
}
