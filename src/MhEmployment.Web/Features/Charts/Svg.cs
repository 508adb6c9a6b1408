using System.Globalization;
using System.Text;

namespace MhEmployment.Web.Features.Charts;

/// <summary>
/// Small helpers shared by the SVG renderers: XML escaping, invariant number formatting and the accessible
/// <c>&lt;svg role="img"&gt;</c> wrapper. No inline styles anywhere: the site's CSP has no 'unsafe-inline'.
/// </summary>
internal static class Svg
{
    public const string Namespace = "http://www.w3.org/2000/svg";

    /// <summary>Escapes text and attribute values; drops control characters XML 1.0 cannot carry.</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }
        var sb = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '"': sb.Append("&quot;"); break;
                case '\'': sb.Append("&#39;"); break;
                case < ' ' and not ('\t' or '\n' or '\r'): break;
                default: sb.Append(c); break;
            }
        }
        return sb.ToString();
    }

    /// <summary>A coordinate rounded to one decimal: enough for a screen, and keeps the markup small.</summary>
    public static string N(double value)
    {
        var rounded = Math.Round(value, 1, MidpointRounding.AwayFromZero);
        return rounded == 0 ? "0" : rounded.ToString("0.#", CultureInfo.InvariantCulture);
    }

    /// <summary>A data value for people to read: thousands separators and a fixed number of decimals.</summary>
    public static string Value(double value, int decimals)
    {
        var format = decimals > 0 ? "#,##0." + new string('0', decimals) : "#,##0";
        var rounded = Math.Round(value, decimals, MidpointRounding.AwayFromZero);
        return (rounded == 0 ? 0 : rounded).ToString(format, CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// "42.1 per 1,000 (95% CI 40.2–44.0)" (with <paramref name="suffix"/> " per 1,000"), or just the value with its
    /// unit when the interval is incomplete.
    /// </summary>
    public static string ValueWithInterval(double value, double? lower, double? upper, int decimals, string suffix = "") =>
        lower is { } l && upper is { } u
            ? $"{Value(value, decimals)}{suffix} (95% CI {Value(l, decimals)}–{Value(u, decimals)})"
            : Value(value, decimals) + suffix;

    /// <summary>Ids go into attributes and CSS selectors: keep them to a safe, predictable shape.</summary>
    public static void GuardIdPrefix(string idPrefix)
    {
        ArgumentException.ThrowIfNullOrEmpty(idPrefix);
        if (!char.IsAsciiLetter(idPrefix[0]) || !idPrefix.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            throw new ArgumentException(
                $"Id prefix '{idPrefix}' must start with a letter and hold only letters, digits, '-' and '_'.", nameof(idPrefix));
        }
    }

    /// <summary>
    /// Links come from the app (area pages), never from uploaded data; refuse anything that is not a relative or
    /// http(s) address so a stray "javascript:" can never reach the page.
    /// </summary>
    public static string SafeHref(string href)
    {
        var colon = href.IndexOf(':', StringComparison.Ordinal);
        var firstSeparator = href.IndexOfAny(['/', '?', '#']);
        var hasScheme = colon >= 0 && (firstSeparator < 0 || colon < firstSeparator);
        if (hasScheme
            && !href.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            && !href.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"Only relative or http(s) links can be drawn in a chart, not '{href}'.", nameof(href));
        }
        return Escape(href);
    }

    /// <summary>
    /// Opens the root element: scales with its container (width 100% + viewBox), named by title and desc. A chart
    /// whose parts are links is a group, not an image: an image's children are hidden from assistive technology, so
    /// links inside one are unreachable (axe-core's nested-interactive rule).
    /// </summary>
    public static void Open(StringBuilder sb, string idPrefix, string cssClass, double width, double height, string title, string description,
        bool hasLinks = false)
    {
        GuardIdPrefix(idPrefix);
        sb.Append("<svg xmlns=\"").Append(Namespace).Append("\" class=\"").Append(cssClass)
          .Append(hasLinks ? "\" role=\"group\" aria-labelledby=\"" : "\" role=\"img\" aria-labelledby=\"").Append(idPrefix).Append("-title ").Append(idPrefix).Append("-desc\"")
          .Append(" viewBox=\"0 0 ").Append(N(width)).Append(' ').Append(N(height))
          .Append("\" width=\"100%\" preserveAspectRatio=\"xMinYMin meet\">")
          .Append("<title id=\"").Append(idPrefix).Append("-title\">").Append(Escape(title)).Append("</title>")
          .Append("<desc id=\"").Append(idPrefix).Append("-desc\">").Append(Escape(description)).Append("</desc>");
    }

    public static void Close(StringBuilder sb) => sb.Append("</svg>");

    public static StringBuilder Title(this StringBuilder sb, string text) =>
        sb.Append("<title>").Append(Escape(text)).Append("</title>");

    /// <summary>A text element; <paramref name="anchor"/> is start, middle or end.</summary>
    public static StringBuilder Text(this StringBuilder sb, string cssClass, double x, double y, string text, string anchor = "start")
    {
        sb.Append("<text class=\"").Append(cssClass).Append("\" x=\"").Append(N(x)).Append("\" y=\"").Append(N(y)).Append('"');
        if (anchor != "start")
        {
            sb.Append(" text-anchor=\"").Append(anchor).Append('"');
        }
        return sb.Append('>').Append(Escape(text)).Append("</text>");
    }

    public static StringBuilder Line(this StringBuilder sb, string cssClass, double x1, double y1, double x2, double y2) =>
        sb.Append("<line class=\"").Append(cssClass).Append("\" x1=\"").Append(N(x1)).Append("\" y1=\"").Append(N(y1))
          .Append("\" x2=\"").Append(N(x2)).Append("\" y2=\"").Append(N(y2)).Append("\"/>");

    /// <summary>Cuts a long label to fit a fixed column; the full text stays in the element's title.</summary>
    public static string Truncate(string text, int maxChars) =>
        text.Length <= maxChars ? text : string.Concat(text.AsSpan(0, maxChars - 1).TrimEnd(), "…");
}
