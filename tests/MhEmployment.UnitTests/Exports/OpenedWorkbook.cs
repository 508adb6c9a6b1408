using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;

namespace MhEmployment.UnitTests.Exports;

/// <summary>A workbook opened with the OpenXml SDK, read the way a test asserts on it: sheets, cells, their types and formats.</summary>
internal sealed class OpenedWorkbook : IDisposable
{
    // The built-in number formats the writer uses; custom ones are in the stylesheet.
    private static readonly Dictionary<uint, string> BuiltInFormats = new() { [0] = "General", [1] = "0", [3] = "#,##0", [9] = "0%" };

    private readonly MemoryStream bytes;

    private OpenedWorkbook(MemoryStream bytes)
    {
        this.bytes = bytes;
        Document = SpreadsheetDocument.Open(bytes, false);
    }

    public SpreadsheetDocument Document { get; }

    public static OpenedWorkbook Write(Action<Stream> write)
    {
        var stream = new MemoryStream();
        write(stream);
        stream.Position = 0;
        return new OpenedWorkbook(stream);
    }

    public IReadOnlyList<string> SheetNames => [.. Sheets.Select(s => s.Name!.Value!)];

    public IEnumerable<Sheet> Sheets => Document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>();

    public Worksheet Worksheet(string name) =>
        ((WorksheetPart)Document.WorkbookPart!.GetPartById(Sheets.Single(s => s.Name == name).Id!)).Worksheet;

    public Cell? Cell(string sheet, string reference) =>
        Worksheet(sheet).Descendants<Cell>().SingleOrDefault(c => c.CellReference == reference);

    /// <summary>The sheet's rows as the text each cell holds (shared strings resolved, numbers as stored), by column letter.</summary>
    public List<Dictionary<string, string>> Rows(string sheet) =>
    [
        .. Worksheet(sheet).Descendants<Row>().Select(r => r.Elements<Cell>().ToDictionary(
            c => new string([.. c.CellReference!.Value!.TakeWhile(char.IsLetter)]), Text)),
    ];

    /// <summary>A row's cells by the heading of their column (the sheet's first row).</summary>
    public Dictionary<string, string> Row(string sheet, int rowNumber)
    {
        var rows = Rows(sheet);
        return rows[rowNumber - 1].ToDictionary(c => rows[0][c.Key], c => c.Value);
    }

    public string Text(Cell cell)
    {
        var value = cell.CellValue?.Text ?? cell.InlineString?.InnerText ?? "";
        return cell.DataType?.Value == CellValues.SharedString
            ? Document.WorkbookPart!.SharedStringTablePart!.SharedStringTable.Elements<SharedStringItem>().ElementAt(int.Parse(value, CultureInfo.InvariantCulture)).InnerText
            : value;
    }

    public string Text(string sheet, string reference) => Text(Cell(sheet, reference) ?? throw new InvalidOperationException($"{sheet}!{reference} is empty."));

    public static bool IsNumber(Cell cell) => cell.DataType is null || cell.DataType.Value == CellValues.Number;

    public double Number(string sheet, string reference)
    {
        var cell = Cell(sheet, reference)!;
        IsNumber(cell).Should().BeTrue($"{sheet}!{reference} should be a number");
        return double.Parse(cell.CellValue!.Text, CultureInfo.InvariantCulture);
    }

    public CellFormat Style(Cell cell) =>
        Document.WorkbookPart!.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)(cell.StyleIndex?.Value ?? 0));

    public string FormatCode(Cell cell)
    {
        var id = Style(cell).NumberFormatId?.Value ?? 0;
        return BuiltInFormats.TryGetValue(id, out var builtIn) ? builtIn
            : Document.WorkbookPart!.WorkbookStylesPart!.Stylesheet.NumberingFormats!.Elements<NumberingFormat>().Single(f => f.NumberFormatId! == id).FormatCode!;
    }

    public string FormatCode(string sheet, string reference) => FormatCode(Cell(sheet, reference)!);

    public bool IsBold(Cell cell) =>
        Document.WorkbookPart!.WorkbookStylesPart!.Stylesheet.Fonts!.Elements<Font>().ElementAt((int)(Style(cell).FontId?.Value ?? 0)).Bold is not null;

    public IReadOnlyList<string> ValidationErrors() =>
        [.. new OpenXmlValidator().Validate(Document).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}")];

    public void Dispose()
    {
        Document.Dispose();
        bytes.Dispose();
    }
}
