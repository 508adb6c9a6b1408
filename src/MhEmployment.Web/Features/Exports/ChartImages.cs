extern alias SvgLibrary;

using System.Xml;
using SkiaSharp;
using SvgLibrary::Svg.Skia;
using SvgLibrary::Svg.Skia.TypefaceProviders;

namespace MhEmployment.Web.Features.Exports;

/// <summary>A chart drawn as a PNG, with its size in pixels.</summary>
public sealed record ChartImage(byte[] Png, int PixelWidth, int PixelHeight);

/// <summary>
/// Draws the pages' chart SVG as PNG for documents. The SVG is styled by classes (charts.css), so the same stylesheet
/// is applied to it first: the image has the page's colours, dashes and marker shapes. Text is drawn with the
/// DejaVu Sans embedded in the app, never a system font, so the image is the same on any server.
/// </summary>
public static class ChartImages
{
    /// <summary>Pixels per SVG pixel: a 640 px chart is 1,280 px wide, about 190 dpi across a 17 cm A4 text column.</summary>
    public const float Scale = 2;

    private static readonly EmbeddedFonts Fonts = new();

    // Encoding is most of a chart's drawing time. Charts are flat colours: one cheap row filter compresses them as well
    // as trying every filter on every row, and zlib's fastest level takes half the time of its default for a file about
    // twice the size (some 20 KB a chart).
    private static readonly SKPngEncoderOptions PngOptions = new(SKPngEncoderFilterFlags.Sub, 1);

    public static ChartImage Render(SummaryChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        using var svg = new SKSvg();
        svg.Settings.TypefaceProviders = [Fonts];
        var picture = svg.FromSvg(Styled(chart))
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

    private static string Styled(SummaryChart chart)
    {
        try
        {
            return ChartStylesheet.Pages.Inline(chart.Svg);
        }
        catch (XmlException e)
        {
            throw new ArgumentException($"The chart '{chart.Title}' is not well-formed SVG: {e.Message}", nameof(chart), e);
        }
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
