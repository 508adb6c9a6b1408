using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace MhEmployment.Web.Features.Exports;

/// <summary>
/// The cell styles of the workbooks <see cref="XlsxBook"/> writes: their indices, and the stylesheet that defines them.
/// Every number has a number format; values get the decimals the pages show, with thousands separators as there.
/// </summary>
public static class XlsxStyles
{
    public const uint Normal = 0;
    public const uint Heading = 1;
    public const uint Title = 2;
    public const uint Note = 3;
    public const uint Date = 4;
    public const uint DateTime = 5;
    public const uint Percent = 6;
    public const uint WholeNumber = 7;
    private const uint FirstDecimal = 8;

    /// <summary>More places than this are shown as this many.</summary>
    public const int MaxDecimals = 6;

    // Built-in formats: 1 is "0", 3 "#,##0", 9 "0%"; custom ones are numbered from 164.
    private const uint WholeFormat = 1;
    private const uint ThousandsFormat = 3;
    private const uint PercentFormat = 9;
    private const uint DateFormat = 164;
    private const uint DateTimeFormat = 165;
    private const uint FirstDecimalFormat = 166;

    /// <summary>"#,##0" for none, "#,##0.0" for one place, and so on.</summary>
    public static uint Decimals(int places) => FirstDecimal + (uint)Math.Clamp(places, 0, MaxDecimals);

    public static Stylesheet Stylesheet()
    {
        var formats = new NumberingFormats(
            new NumberingFormat { NumberFormatId = DateFormat, FormatCode = "d mmm yyyy" },
            new NumberingFormat { NumberFormatId = DateTimeFormat, FormatCode = "d mmm yyyy hh:mm" });
        for (var places = 1; places <= MaxDecimals; places++)
        {
            formats.Append(new NumberingFormat { NumberFormatId = FirstDecimalFormat + (uint)places - 1, FormatCode = "#,##0." + new string('0', places) });
        }
        formats.Count = (uint)formats.ChildElements.Count;

        var cellFormats = new CellFormats(
            Format(0, 0), // Normal
            Format(1, 0), // Heading
            Format(2, 0), // Title
            Format(3, 0), // Note
            Format(0, DateFormat),
            Format(0, DateTimeFormat),
            Format(0, PercentFormat),
            Format(0, WholeFormat),
            Format(0, ThousandsFormat));
        for (var places = 1; places <= MaxDecimals; places++)
        {
            cellFormats.Append(Format(0, FirstDecimalFormat + (uint)places - 1));
        }
        cellFormats.Count = (uint)cellFormats.ChildElements.Count;

        return new Stylesheet(
            formats,
            new Fonts(Font(), Font(bold: true), Font(bold: true, size: 14), Font(italic: true)) { Count = 4 },
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
            new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
            new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
            cellFormats,
            new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
    }

    private static CellFormat Format(uint font, uint numberFormat) => new()
    {
        NumberFormatId = numberFormat, FontId = font, FillId = 0, BorderId = 0, FormatId = 0,
        ApplyFont = font != 0 ? true : null, ApplyNumberFormat = numberFormat != 0 ? true : null,
    };

    private static Font Font(bool bold = false, bool italic = false, double size = 11)
    {
        var font = new Font();
        if (bold)
        {
            font.Append(new Bold());
        }
        if (italic)
        {
            font.Append(new Italic());
        }
        font.Append(new FontSize { Val = size }, new FontName { Val = "Calibri" }, new FontFamilyNumbering { Val = 2 });
        return font;
    }
}
