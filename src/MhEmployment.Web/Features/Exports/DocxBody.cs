using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using PIC = DocumentFormat.OpenXml.Drawing.Pictures;

namespace MhEmployment.Web.Features.Exports;

/// <summary>
/// A table column: its heading, its share of the page's width (relative to the other columns' weights), and whether it
/// holds numbers (set right).
/// </summary>
internal sealed record DocxColumn(string Heading, int Weight, bool Numeric = false);

/// <summary>A table cell: its text, an optional second line in grey, and optional background and text colours.</summary>
internal sealed record DocxCell(string Text, string? Hint = null, (string Background, string Text)? Colours = null)
{
    public static implicit operator DocxCell(string text) => new(text);
}

/// <summary>
/// Builds a document's body from headings, paragraphs, bullets, tables and chart images, in Word's own structures:
/// headings in the heading styles with bookmarks, a contents field listing them, tables with a repeating header row,
/// images inline with their alt text.
/// </summary>
internal sealed class DocxBody(MainDocumentPart main)
{
    private const long EmuPerTwip = 635;
    private const long EmuPerPixel = 9525;
    private const string HeaderFill = "F3F2F1";

    private readonly Body body = new();
    private readonly List<(int Level, string Text, string Bookmark)> headings = [];
    private SdtContentBlock? contents;
    private uint drawings;

    public Body Body => body;

    public void Paragraph(string text, string? style = null) => body.Append(Para(style, [TextRun(text)]));

    /// <summary>A paragraph with a bold lead-in: "Benchmark: England".</summary>
    public void Labelled(string label, string text) =>
        body.Append(Para(null, [new Run(new RunProperties(new Bold()), Text(label + ": ")), TextRun(text)]));

    /// <summary>A heading; levels 1 and 2 are bookmarked and listed in the contents.</summary>
    public void Heading(int level, string text)
    {
        var style = level switch { 1 => DocxParts.Heading1, 2 => DocxParts.Heading2, _ => DocxParts.Heading3 };
        if (level > 2)
        {
            body.Append(Para(style, [TextRun(text)]));
            return;
        }
        var id = headings.Count + 1;
        var bookmark = string.Create(CultureInfo.InvariantCulture, $"_Toc{id}");
        var idText = id.ToString(CultureInfo.InvariantCulture);
        headings.Add((level, text, bookmark));
        body.Append(Para(style, [new BookmarkStart { Id = idText, Name = bookmark }, TextRun(text), new BookmarkEnd { Id = idText }]));
    }

    public void Bullets(IEnumerable<string> items)
    {
        foreach (var item in items)
        {
            body.Append(Para(DocxParts.ListBullet, [TextRun(item)]));
        }
    }

    /// <summary>
    /// Where the contents go: Word's table-of-contents field for headings 1 and 2, with hyperlinks. Its entries are
    /// written by <see cref="FinishContents"/> once every heading is known; Word adds page numbers when it is updated.
    /// </summary>
    public void Contents()
    {
        contents = new SdtContentBlock(Para(DocxParts.ContentsHeading, [TextRun("Contents")]));
        body.Append(new SdtBlock(
            new SdtProperties(new SdtContentDocPartObject(new DocPartGallery { Val = "Table of Contents" }, new DocPartUnique())),
            contents));
    }

    public void FinishContents()
    {
        if (contents is null)
        {
            return;
        }
        for (var i = 0; i < headings.Count; i++)
        {
            var (level, text, bookmark) = headings[i];
            var entry = Para(level == 1 ? DocxParts.Contents1 : DocxParts.Contents2, []);
            if (i == 0)
            {
                entry.Append(FieldChar(FieldCharValues.Begin),
                    new Run(new FieldCode(@" TOC \o ""1-2"" \h \z \u ") { Space = SpaceProcessingModeValues.Preserve }),
                    FieldChar(FieldCharValues.Separate));
            }
            entry.Append(new Hyperlink(TextRun(text)) { Anchor = bookmark, History = true });
            if (i == headings.Count - 1)
            {
                entry.Append(FieldChar(FieldCharValues.End));
            }
            contents.Append(entry);
        }
    }

    /// <summary>
    /// A table with a header row that repeats on every page; rows never split across pages. (No table caption: Word
    /// 2007's schema has none, and the heading or sentence before each table names it.)
    /// </summary>
    public void Table(IReadOnlyList<DocxColumn> columns, IEnumerable<IReadOnlyList<DocxCell>> rows)
    {
        var total = columns.Sum(c => c.Weight);
        var widths = columns.Select(c => DocxParts.TextWidthTwips * c.Weight / total).ToList();
        var table = new Table(
            new TableProperties(
                new TableStyle { Val = DocxParts.SummaryTable },
                new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
                new TableLayout { Type = TableLayoutValues.Fixed },
                // Header row on, banding off, in the bitmask form every version of Word reads.
                new TableLook { Val = "0620" }),
            new TableGrid(widths.Select(w => new GridColumn { Width = Twips(w) })));

        var header = new TableRow(new TableRowProperties(new TableHeader(), new CantSplit()));
        for (var c = 0; c < columns.Count; c++)
        {
            header.Append(Cell(widths[c], DocxParts.TableHeading, columns[c].Numeric, new DocxCell(columns[c].Heading, Colours: (HeaderFill, "0B0C0C"))));
        }
        table.Append(header);
        foreach (var row in rows)
        {
            var tableRow = new TableRow(new TableRowProperties(new CantSplit()));
            for (var c = 0; c < columns.Count; c++)
            {
                tableRow.Append(Cell(widths[c], DocxParts.TableText, columns[c].Numeric, c < row.Count ? row[c] : new DocxCell("")));
            }
            table.Append(tableRow);
        }
        body.Append(table);
        // A paragraph after a table keeps the next table or heading from running into it.
        body.Append(Para(null, []));
    }

    /// <summary>A chart as an inline PNG across the text width (or its own width if narrower), named by its title and alt text.</summary>
    public void Image(ChartImage image, SummaryChart chart)
    {
        var part = main.AddImagePart(ImagePartType.Png);
        using (var stream = new MemoryStream(image.Png, writable: false))
        {
            part.FeedData(stream);
        }
        var width = Math.Min(DocxParts.TextWidthTwips * EmuPerTwip, (long)Math.Round(image.PixelWidth / ChartImages.Scale * EmuPerPixel));
        var height = width * image.PixelHeight / image.PixelWidth;
        var id = ++drawings;
        var name = string.Create(CultureInfo.InvariantCulture, $"Chart {id}");
        var graphic = new A.Graphic(new A.GraphicData(
            new PIC.Picture(
                new PIC.NonVisualPictureProperties(
                    new PIC.NonVisualDrawingProperties { Id = 0U, Name = name + ".png", Description = Clean(chart.AltText) },
                    new PIC.NonVisualPictureDrawingProperties(new A.PictureLocks { NoChangeAspect = true })),
                new PIC.BlipFill(new A.Blip { Embed = main.GetIdOfPart(part) }, new A.Stretch(new A.FillRectangle())),
                new PIC.ShapeProperties(
                    new A.Transform2D(new A.Offset { X = 0L, Y = 0L }, new A.Extents { Cx = width, Cy = height }),
                    new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })))
        { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" });
        var inline = new DW.Inline(
            new DW.Extent { Cx = width, Cy = height },
            new DW.EffectExtent { LeftEdge = 0L, TopEdge = 0L, RightEdge = 0L, BottomEdge = 0L },
            new DW.DocProperties { Id = id, Name = name, Title = Clean(chart.Title), Description = Clean(chart.AltText) },
            new DW.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
            graphic)
        { DistanceFromTop = 0U, DistanceFromBottom = 0U, DistanceFromLeft = 0U, DistanceFromRight = 0U };
        body.Append(new Paragraph(new ParagraphProperties(new KeepLines()), new Run(new Drawing(inline))));
    }

    private static TableCell Cell(int width, string style, bool numeric, DocxCell cell)
    {
        var properties = new TableCellProperties(new TableCellWidth { Width = Twips(width), Type = TableWidthUnitValues.Dxa });
        if (cell.Colours is { } colours)
        {
            properties.Append(new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = colours.Background });
        }
        var paragraph = Para(style, [TextRun(cell.Text, cell.Colours?.Text)]);
        if (numeric)
        {
            paragraph.ParagraphProperties!.Append(new Justification { Val = JustificationValues.Right });
        }
        var result = new TableCell(properties, paragraph);
        if (!string.IsNullOrWhiteSpace(cell.Hint))
        {
            result.Append(Para(style, [new Run(new RunProperties(new RunStyle { Val = DocxParts.Hint }), Text(cell.Hint))]));
        }
        return result;
    }

    private static Paragraph Para(string? style, IEnumerable<OpenXmlElement> content)
    {
        var paragraph = new Paragraph(new ParagraphProperties());
        if (style is not null)
        {
            paragraph.ParagraphProperties!.Append(new ParagraphStyleId { Val = style });
        }
        paragraph.Append(content);
        return paragraph;
    }

    /// <summary>Text as a run, optionally coloured; a line break in the text is a line break in the document.</summary>
    private static Run TextRun(string text, string? colour = null)
    {
        var run = new Run();
        if (colour is not null)
        {
            run.Append(new RunProperties(new Color { Val = colour }));
        }
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                run.Append(new Break());
            }
            run.Append(Text(lines[i].TrimEnd('\r')));
        }
        return run;
    }

    private static Text Text(string text) => new(Clean(text)) { Space = SpaceProcessingModeValues.Preserve };

    private static Run FieldChar(FieldCharValues type) => new(new FieldChar { FieldCharType = type });

    /// <summary>Drops the control characters XML cannot carry, which a pasted field can hold.</summary>
    private static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }
        if (!text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t') || char.IsSurrogate(c)))
        {
            return text;
        }
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                sb.Append(c).Append(text[++i]);
            }
            else if (!char.IsSurrogate(c) && (!char.IsControl(c) || c is '\n' or '\r' or '\t'))
            {
                sb.Append(c);
            }
        }
        return sb.ToString();
    }

    private static string Twips(int value) => value.ToString(CultureInfo.InvariantCulture);
}
