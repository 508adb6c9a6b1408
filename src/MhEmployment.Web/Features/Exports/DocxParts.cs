using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace MhEmployment.Web.Features.Exports;

/// <summary>
/// The parts of a summary document besides its body: Word's built-in heading, contents and list styles (so the
/// navigation pane and a table of contents work), the table style, bullets, the page-numbered footer and A4 pages.
/// </summary>
internal static class DocxParts
{
    public const string Heading1 = "Heading1";
    public const string Heading2 = "Heading2";
    public const string Heading3 = "Heading3";
    public const string Title = "Title";
    public const string Subtitle = "Subtitle";
    public const string ContentsHeading = "TOCHeading";
    public const string Contents1 = "TOC1";
    public const string Contents2 = "TOC2";
    public const string ListBullet = "ListBullet";
    public const string TableText = "TableText";
    public const string TableHeading = "TableHeading";
    public const string Hint = "Hint";
    public const string SummaryTable = "SummaryTable";
    public const string Footer = "Footer";

    /// <summary>A4 with 2 cm margins: the width in twentieths of a point left for text and tables.</summary>
    public const int TextWidthTwips = PageWidthTwips - 2 * MarginTwips;

    private const int PageWidthTwips = 11906;
    private const int PageHeightTwips = 16838;
    private const int MarginTwips = 1134;
    private const int BulletNumbering = 1;
    private const string Font = "Arial";
    private const string Black = "0B0C0C";
    private const string Grey = "505A5F";
    private const string Border = "B1B4B6";

    public static void Add(MainDocumentPart main)
    {
        main.AddNewPart<StyleDefinitionsPart>().Styles = Styles();
        main.AddNewPart<NumberingDefinitionsPart>().Numbering = Bullets();
        main.AddNewPart<DocumentSettingsPart>().Settings = new Settings(
            new DefaultTabStop { Val = 720 },
            new Compatibility(new CompatibilitySetting
            {
                Name = CompatSettingNameValues.CompatibilityMode, Uri = "http://schemas.microsoft.com/office/word", Val = "15",
            }));
    }

    /// <summary>A4 portrait; every page but the title page numbered "Page n of m" in the footer.</summary>
    public static SectionProperties Section(MainDocumentPart main)
    {
        var footer = main.AddNewPart<FooterPart>();
        footer.Footer = new Footer(new Paragraph(
            new ParagraphProperties(new ParagraphStyleId { Val = Footer }),
            TextRun("Page "), Field("PAGE", "1"), TextRun(" of "), Field("NUMPAGES", "1")));
        var titleFooter = main.AddNewPart<FooterPart>();
        titleFooter.Footer = new Footer(new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = Footer })));
        return new SectionProperties(
            new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(footer) },
            new FooterReference { Type = HeaderFooterValues.First, Id = main.GetIdOfPart(titleFooter) },
            new PageSize { Width = PageWidthTwips, Height = PageHeightTwips, Orient = PageOrientationValues.Portrait },
            new PageMargin
            {
                Top = MarginTwips, Bottom = MarginTwips, Left = (uint)MarginTwips, Right = (uint)MarginTwips,
                Header = 567, Footer = 567, Gutter = 0,
            },
            new TitlePage());
    }

    private static SimpleField Field(string instruction, string shown) =>
        new(TextRun(shown)) { Instruction = $" {instruction} " };

    private static Run TextRun(string text) => new(new Text(text) { Space = SpaceProcessingModeValues.Preserve });

    private static Styles Styles() => new(
        new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font },
                new Color { Val = Black }, new FontSize { Val = "21" }, new FontSizeComplexScript { Val = "21" },
                new Languages { Val = "en-GB" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                new SpacingBetweenLines { After = "120", Line = "264", LineRule = LineSpacingRuleValues.Auto }))),
        new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
        new Style(new StyleName { Val = "Default Paragraph Font" }, new UIPriority { Val = 1 }, new SemiHidden(), new UnhideWhenUsed())
        {
            Type = StyleValues.Character, StyleId = "DefaultParagraphFont", Default = true,
        },
        Paragraph(Title, "Title", spaceBefore: 2400, spaceAfter: 240, size: 56, bold: true),
        Paragraph(Subtitle, "Subtitle", spaceBefore: 0, spaceAfter: 120, size: 26, colour: Grey),
        Heading(Heading1, "heading 1", level: 0, size: 40, spaceBefore: 0, spaceAfter: 240, newPage: true),
        Heading(Heading2, "heading 2", level: 1, size: 30, spaceBefore: 360, spaceAfter: 120),
        Heading(Heading3, "heading 3", level: 2, size: 24, spaceBefore: 240, spaceAfter: 80),
        // Word's own contents heading: on a page of its own, and (outline level 9, body text) not itself a contents entry.
        Heading(ContentsHeading, "TOC Heading", level: 9, size: 40, spaceBefore: 0, spaceAfter: 240, newPage: true),
        Contents(Contents1, "toc 1", indent: 0, bold: true),
        Contents(Contents2, "toc 2", indent: 284, bold: false),
        new Style(
            new StyleName { Val = "List Bullet" }, new BasedOn { Val = "Normal" }, new UIPriority { Val = 10 }, new PrimaryStyle(),
            new StyleParagraphProperties(
                new NumberingProperties(new NumberingId { Val = BulletNumbering }),
                new SpacingBetweenLines { After = "80" }))
        { Type = StyleValues.Paragraph, StyleId = ListBullet },
        new Style(
            new StyleName { Val = "Table Text" }, new BasedOn { Val = "Normal" }, new PrimaryStyle(),
            new StyleParagraphProperties(new SpacingBetweenLines { Before = "20", After = "20", Line = "240", LineRule = LineSpacingRuleValues.Auto }),
            new StyleRunProperties(new FontSize { Val = "17" }, new FontSizeComplexScript { Val = "17" }))
        { Type = StyleValues.Paragraph, StyleId = TableText, CustomStyle = true },
        new Style(
            new StyleName { Val = "Table Heading" }, new BasedOn { Val = TableText }, new PrimaryStyle(),
            new StyleParagraphProperties(new KeepNext()),
            new StyleRunProperties(new Bold(), new BoldComplexScript()))
        { Type = StyleValues.Paragraph, StyleId = TableHeading, CustomStyle = true },
        new Style(
            new StyleName { Val = "Hint" }, new PrimaryStyle(),
            new StyleRunProperties(new Color { Val = Grey }))
        { Type = StyleValues.Character, StyleId = Hint, CustomStyle = true },
        new Style(
            new StyleName { Val = "footer" }, new BasedOn { Val = "Normal" }, new UIPriority { Val = 99 }, new UnhideWhenUsed(),
            new StyleParagraphProperties(new SpacingBetweenLines { After = "0" }, new Justification { Val = JustificationValues.Center }),
            new StyleRunProperties(new Color { Val = Grey }, new FontSize { Val = "18" }, new FontSizeComplexScript { Val = "18" }))
        { Type = StyleValues.Paragraph, StyleId = Footer },
        TableStyle());

    private static Style Paragraph(string id, string name, int spaceBefore, int spaceAfter, int size, bool bold = false, string colour = Black) => new(
        new StyleName { Val = name }, new BasedOn { Val = "Normal" }, new NextParagraphStyle { Val = "Normal" }, new UIPriority { Val = 10 }, new PrimaryStyle(),
        new StyleParagraphProperties(new SpacingBetweenLines { Before = Invariant(spaceBefore), After = Invariant(spaceAfter) }),
        new StyleRunProperties(Present(
            bold ? new Bold() : null, bold ? new BoldComplexScript() : null, new Color { Val = colour },
            new FontSize { Val = Invariant(size) }, new FontSizeComplexScript { Val = Invariant(size) })))
    { Type = StyleValues.Paragraph, StyleId = id };

    private static Style Heading(string id, string name, int level, int size, int spaceBefore, int spaceAfter, bool newPage = false) => new(
        new StyleName { Val = name }, new BasedOn { Val = "Normal" }, new NextParagraphStyle { Val = "Normal" },
        new UIPriority { Val = 9 }, new PrimaryStyle(),
        new StyleParagraphProperties(Present(
            new KeepNext(), new KeepLines(), newPage ? new PageBreakBefore() : null,
            new SpacingBetweenLines { Before = Invariant(spaceBefore), After = Invariant(spaceAfter) },
            new OutlineLevel { Val = level })),
        new StyleRunProperties(new Bold(), new BoldComplexScript(), new FontSize { Val = Invariant(size) }, new FontSizeComplexScript { Val = Invariant(size) }))
    { Type = StyleValues.Paragraph, StyleId = id };

    private static Style Contents(string id, string name, int indent, bool bold) => new(
        new StyleName { Val = name }, new BasedOn { Val = "Normal" }, new NextParagraphStyle { Val = "Normal" },
        new UIPriority { Val = 39 }, new UnhideWhenUsed(),
        new StyleParagraphProperties(
            new Tabs(new TabStop { Val = TabStopValues.Right, Leader = TabStopLeaderCharValues.Dot, Position = TextWidthTwips }),
            new SpacingBetweenLines { Before = bold ? "120" : "0", After = "60" },
            new Indentation { Left = Invariant(indent) }),
        new StyleRunProperties(Present(bold ? new Bold() : null, bold ? new BoldComplexScript() : null)))
    { Type = StyleValues.Paragraph, StyleId = id };

    /// <summary>Thin grey rules round every cell and a little padding (header rows are shaded cell by cell: LibreOffice
    /// does not apply a table style's header formatting).</summary>
    private static Style TableStyle()
    {
        BorderType Line<TBorder>() where TBorder : BorderType, new() =>
            new TBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = Border };
        return new Style(
            new StyleName { Val = "Summary Table" }, new UIPriority { Val = 59 },
            new StyleParagraphProperties(new SpacingBetweenLines { After = "0" }),
            new StyleTableProperties(
                new TableBorders(Line<TopBorder>(), Line<LeftBorder>(), Line<BottomBorder>(), Line<RightBorder>(),
                    Line<InsideHorizontalBorder>(), Line<InsideVerticalBorder>()),
                new TableCellMarginDefault(
                    new TopMargin { Width = "40", Type = TableWidthUnitValues.Dxa },
                    new TableCellLeftMargin { Width = 85, Type = TableWidthValues.Dxa },
                    new BottomMargin { Width = "40", Type = TableWidthUnitValues.Dxa },
                    new TableCellRightMargin { Width = 85, Type = TableWidthValues.Dxa })))
        { Type = StyleValues.Table, StyleId = SummaryTable, CustomStyle = true };
    }

    private static Numbering Bullets() => new(
        new AbstractNum(
            new MultiLevelType { Val = MultiLevelValues.SingleLevel },
            new Level(
                new StartNumberingValue { Val = 1 }, new NumberingFormat { Val = NumberFormatValues.Bullet },
                new LevelText { Val = "\u2022" }, new LevelJustification { Val = LevelJustificationValues.Left },
                new PreviousParagraphProperties(new Indentation { Left = "357", Hanging = "357" }),
                new NumberingSymbolRunProperties(new RunFonts { Ascii = Font, HighAnsi = Font }))
            { LevelIndex = 0 })
        { AbstractNumberId = 0 },
        new NumberingInstance(new AbstractNumId { Val = 0 }) { NumberID = BulletNumbering });

    private static string Invariant(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static IEnumerable<OpenXmlElement> Present(params OpenXmlElement?[] elements) => elements.OfType<OpenXmlElement>();
}
