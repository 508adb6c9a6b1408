extern alias SvgLibrary;

using SkiaSharp;
using SvgLibrary::Svg.Skia;
using SvgLibrary::Svg.Skia.TypefaceProviders;

namespace MhEmployment.Web.Features.Exports;

/// <summary>A chart drawn as a PNG, with its size in pixels.</summary>
public sealed record ChartImage(byte[] Png, int PixelWidth, int PixelHeight);

/// <summary>
/// Draws the pages' chart SVG as PNG for documents. The SVG is styled by classes (charts.css), so the same stylesheet
/// goes into it as a style element: the image has the page's colours, dashes and marker shapes. Text is drawn with the
/// DejaVu Sans embedded in the app, never a system font, so the image is the same on any server.
/// </summary>
public static class ChartImages
{
    /// <summary>Pixels per SVG pixel: a 640 px chart is 1,280 px wide, about 190 dpi across a 17 cm A4 text column.</summary>
    public const float Scale = 2;

    private static readonly EmbeddedFonts Fonts = new();

    // Charts are flat colours: one cheap row filter compresses them as well as trying every filter on every row, in a
    // third of the time.
    private static readonly SKPngEncoderOptions PngOptions = new(SKPngEncoderFilterFlags.Sub, 6);

    public static ChartImage Render(SummaryChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        using var svg = new SKSvg();
        svg.Settings.TypefaceProviders = [Fonts];
        var picture = svg.FromSvg(WithStylesheet(chart.Svg))
            ?? throw new ArgumentException($"The chart '{chart.Title}' is not SVG that can be drawn.", nameof(chart));
        var bounds = picture.CullRect;
        var (width, height) = bounds.Width > 0 && bounds.Height > 0 ? (bounds.Width, bounds.Height) : ((float)chart.Width, (float)chart.Height);
        var pixelWidth = (int)Math.Ceiling(width * Scale);
        var pixelHeight = (int)Math.Ceiling(height * Scale);

        // Opaque on white: the PNG is written as RGB, a quarter smaller to compress than RGBA.
        using var bitmap = new SKBitmap(new SKImageInfo(pixelWidth, pixelHeight, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.White);
            canvas.Scale(Scale);
            canvas.DrawPicture(picture);
        }
        using var pixels = bitmap.PeekPixels();
        using var png = pixels.Encode(PngOptions)
            ?? throw new InvalidOperationException($"The chart '{chart.Title}' could not be encoded as PNG.");
        return new ChartImage(png.ToArray(), pixelWidth, pixelHeight);
    }

    /// <summary>The chart with the stylesheet's rules for it as its first child, where the page applies charts.css.</summary>
    internal static string WithStylesheet(string svg)
    {
        var open = svg.IndexOf("<svg", StringComparison.Ordinal);
        var end = open < 0 ? -1 : svg.IndexOf('>', open);
        if (end < 0)
        {
            throw new ArgumentException("A chart's SVG must start with an <svg> element.", nameof(svg));
        }
        return string.Concat(svg.AsSpan(0, end + 1), ChartStylesheet.Pages.StyleElementFor(svg), svg.AsSpan(end + 1));
    }

    /// <summary>
    /// DejaVu Sans for every family the stylesheet names (system-ui, Arial …): bold from semi-bold up, otherwise
    /// oblique for italic text and regular for the rest. The charts never ask for bold italic.
    /// </summary>
    private sealed class EmbeddedFonts : ITypefaceProvider
    {
        private readonly SKTypeface regular = Load("DejaVuSans.ttf");
        private readonly SKTypeface bold = Load("DejaVuSans-Bold.ttf");
        private readonly SKTypeface oblique = Load("DejaVuSans-Oblique.ttf");

        public SKTypeface? FromFamilyName(string fontFamily, SKFontStyleWeight fontWeight, SKFontStyleWidth fontWidth, SKFontStyleSlant fontStyle) =>
            fontWeight >= SKFontStyleWeight.SemiBold ? bold
            : fontStyle == SKFontStyleSlant.Upright ? regular
            : oblique;

        private static SKTypeface Load(string file)
        {
            using var stream = typeof(ChartImages).Assembly.GetManifestResourceStream("Exports/Fonts/" + file)
                ?? throw new InvalidOperationException($"The font {file} is not embedded in the app.");
            return SKTypeface.FromStream(stream)
                ?? throw new InvalidOperationException($"The embedded font {file} cannot be read.");
        }
    }
}
