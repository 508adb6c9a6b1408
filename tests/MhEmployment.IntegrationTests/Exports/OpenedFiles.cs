using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;

namespace MhEmployment.IntegrationTests.Exports;

/// <summary>Reads exported documents back with the OpenXml SDK, as a test asserts on them.</summary>
internal static class OpenedFiles
{
    /// <summary>A sheet's rows by header: numbers as double (a cell stored as a number), text as string.</summary>
    public static List<Dictionary<string, object?>> SheetRows(byte[] xlsx, string sheetName)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == sheetName);
        var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
        object? Read(Cell cell) => cell.DataType?.Value switch
        {
            null when cell.CellValue is { } v => double.Parse(v.Text, System.Globalization.CultureInfo.InvariantCulture),
            var t when t == CellValues.SharedString => shared[int.Parse(cell.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)],
            var t when t == CellValues.InlineString => cell.InlineString!.InnerText,
            _ => cell.CellValue?.Text,
        };
        var rows = ((WorksheetPart)workbook.GetPartById(sheet.Id!)).Worksheet.Descendants<Row>()
            .Select(r => r.Elements<Cell>().ToDictionary(c => new string([.. c.CellReference!.Value!.TakeWhile(char.IsLetter)]), Read)).ToList();
        var header = rows.First(r => r.Count > 2);
        return [.. rows.SkipWhile(r => r != header).Skip(1).Select(r => r.ToDictionary(c => (string)header[c.Key]!, c => c.Value))];
    }

    /// <summary>A Word document's headings (style id and text), its tables' cell texts and its images' alt texts.</summary>
    public static (List<(string Style, string Text)> Headings, List<List<List<string>>> Tables, List<string> AltTexts, IReadOnlyList<string> Errors) Docx(byte[] docx)
    {
        using var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(docx), false);
        var body = document.MainDocumentPart!.Document.Body!;
        var headings = body.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>()
            .Select(p => (Style: p.ParagraphProperties?.ParagraphStyleId?.Val?.Value ?? "", Text: p.InnerText))
            .Where(p => p.Style.StartsWith("Heading", StringComparison.Ordinal)).ToList();
        var tables = body.Descendants<DocumentFormat.OpenXml.Wordprocessing.Table>()
            .Select(t => t.Elements<DocumentFormat.OpenXml.Wordprocessing.TableRow>()
                .Select(r => r.Elements<DocumentFormat.OpenXml.Wordprocessing.TableCell>().Select(c => c.InnerText).ToList()).ToList()).ToList();
        var alt = body.Descendants<DocumentFormat.OpenXml.Drawing.Wordprocessing.DocProperties>().Select(d => d.Description?.Value ?? "").ToList();
        return (headings, tables, alt, ValidationErrors(document));
    }

    public static bool HasFormulas(byte[] xlsx)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        return document.WorkbookPart!.WorksheetParts.Any(p => p.Worksheet.Descendants<CellFormula>().Any());
    }

    public static IReadOnlyList<string> ValidationErrors(OpenXmlPackage package) =>
        [.. new OpenXmlValidator(FileFormatVersions.Microsoft365).Validate(package).Select(e => $"{e.Path?.XPath}: {e.Description}")];

    public static IReadOnlyList<string> XlsxErrors(byte[] xlsx)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        return ValidationErrors(document);
    }
}
