using System.Buffers;
using System.Globalization;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using MhEmployment.Web.Infrastructure;

namespace MhEmployment.Web.Features.Exports;

/// <summary>
/// Writes a workbook a sheet at a time, straight to the package, so memory stays small however many rows a table has.
/// A table sheet has a bold header row that stays frozen, a filter on every column and widths fitted to its text. Text
/// is stored as shared strings (never formulas) after <see cref="SpreadsheetText.Neutralise"/>, and numbers as numbers
/// with their number format.
/// </summary>
/// <remarks>
/// The OpenXml SDK makes the package, the workbook, the styles and each sheet's views, columns and filter; the rows and
/// the shared strings go straight to the part's XmlWriter, because the SDK's OpenXmlWriter measured five times slower
/// per cell. Both write the SpreadsheetML namespace with the SDK's "x" prefix.
/// </remarks>
public sealed class XlsxBook : IDisposable
{
    private const string Prefix = "x";
    private const string Namespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const double MinWidth = 8;
    private const double MaxWidth = 60;
    private static readonly XmlWriterSettings XmlSettings = new() { Encoding = new UTF8Encoding(false), CloseOutput = true };
    private static readonly string[] ColumnNames = [.. Enumerable.Range(0, 26 * 27).Select(ColumnName)];
    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789abcdefABCDEF");

    private readonly Stream output;
    private readonly MemoryStream? buffer;
    private readonly SpreadsheetDocument document;
    private readonly WorkbookPart workbookPart;
    private readonly Sheets sheets = new();
    private readonly DefinedNames filters = new();
    private readonly Dictionary<string, int> stringIndex = new(StringComparer.Ordinal);
    private readonly List<string> strings = [];
    private readonly char[] chars = new char[64];
    private int stringCells;
    private bool saved;

    public XlsxBook(Stream output, string title, string author, DateTime createdUtc)
    {
        ArgumentNullException.ThrowIfNull(output);
        // The SDK reads back what it wrote: a forward-only stream (a zip entry, a response body) gets the finished file.
        this.output = output;
        buffer = output is { CanRead: true, CanSeek: true } ? null : new MemoryStream();
        document = SpreadsheetDocument.Create(buffer ?? output, SpreadsheetDocumentType.Workbook);
        document.PackageProperties.Title = title;
        document.PackageProperties.Creator = author;
        document.PackageProperties.Created = createdUtc;
        workbookPart = document.AddWorkbookPart();
        workbookPart.AddNewPart<WorkbookStylesPart>().Stylesheet = XlsxStyles.Stylesheet();
    }

    /// <summary>A sheet of label and value pairs under a title, such as a title page; an empty label leaves a blank line.</summary>
    public void Details(string name, string title, IEnumerable<(string Label, XlsxCell Value)> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        List<XlsxCell[]> rows = [[new XlsxCell(XlsxCellKind.Text, title, 0, XlsxStyles.Title)], []];
        rows.AddRange(labels.Select(l => new[] { l.Label.Length == 0 ? XlsxCell.Empty : XlsxCell.Heading(l.Label), l.Value }));
        var widths = Widths(2, rows.Skip(2));
        AddSheet(name, widths, rows, frozenRows: 0, filterRows: null);
    }

    /// <summary>
    /// A table: the header row, then <paramref name="rows"/> (enumerated twice: once to fit the widths, once to write),
    /// then <paramref name="after"/> below a blank row, outside the filter (notes such as methods).
    /// </summary>
    public void Table(string name, IReadOnlyList<string> headings, IEnumerable<XlsxCell[]> rows, IReadOnlyList<XlsxCell[]>? after = null)
    {
        ArgumentNullException.ThrowIfNull(headings);
        ArgumentNullException.ThrowIfNull(rows);
        var widths = Widths(headings.Count, rows.Prepend([.. headings.Select(XlsxCell.Heading)]));
        var count = 0;
        IEnumerable<XlsxCell[]> All()
        {
            yield return [.. headings.Select(XlsxCell.Heading)];
            foreach (var row in rows)
            {
                count++;
                yield return row;
            }
            if (after is { Count: > 0 })
            {
                yield return [];
                foreach (var row in after)
                {
                    yield return row;
                }
            }
        }
        AddSheet(name, widths, All(), frozenRows: 1, filterRows: () => 1 + count);
    }

    /// <summary>Writes the shared strings and the workbook, and closes the package.</summary>
    public void Save()
    {
        using (var xml = XmlWriter.Create(workbookPart.AddNewPart<SharedStringTablePart>().GetStream(FileMode.Create), XmlSettings))
        {
            xml.WriteStartElement(Prefix, "sst", Namespace);
            xml.WriteAttributeString("count", stringCells.ToString(CultureInfo.InvariantCulture));
            xml.WriteAttributeString("uniqueCount", strings.Count.ToString(CultureInfo.InvariantCulture));
            foreach (var text in strings)
            {
                xml.WriteStartElement(Prefix, "si", Namespace);
                xml.WriteStartElement(Prefix, "t", Namespace);
                if (text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])))
                {
                    xml.WriteAttributeString("xml", "space", null, "preserve");
                }
                xml.WriteString(text);
                xml.WriteEndElement();
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        var workbook = new Workbook(new BookViews(new WorkbookView()), sheets);
        if (filters.HasChildren)
        {
            workbook.Append(filters);
        }
        workbookPart.Workbook = workbook;
        document.Dispose();
        saved = true;
        if (buffer is not null)
        {
            buffer.Position = 0;
            buffer.CopyTo(output);
        }
    }

    public void Dispose()
    {
        if (!saved)
        {
            document.Dispose();
        }
        buffer?.Dispose();
    }

    private void AddSheet(string name, double[] widths, IEnumerable<XlsxCell[]> rows, int frozenRows, Func<int>? filterRows)
    {
        var part = workbookPart.AddNewPart<WorksheetPart>();
        var sheetIndex = (uint)sheets.ChildElements.Count;
        using (var xml = XmlWriter.Create(part.GetStream(FileMode.Create), XmlSettings))
        {
            xml.WriteStartElement(Prefix, "worksheet", Namespace);
            var view = new SheetView { WorkbookViewId = 0, TabSelected = sheetIndex == 0 ? true : null };
            if (frozenRows > 0)
            {
                var topLeft = "A" + (frozenRows + 1).ToString(CultureInfo.InvariantCulture);
                view.Append(
                    new Pane { VerticalSplit = frozenRows, TopLeftCell = topLeft, ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
                    new Selection { Pane = PaneValues.BottomLeft, ActiveCell = topLeft, SequenceOfReferences = new ListValue<StringValue> { InnerText = topLeft } });
            }
            new SheetViews(view).WriteTo(xml);
            var columns = new Columns();
            for (var i = 0; i < widths.Length; i++)
            {
                columns.Append(new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = widths[i], CustomWidth = true });
            }
            columns.WriteTo(xml);

            xml.WriteStartElement(Prefix, "sheetData", Namespace);
            var rowNumber = 0;
            foreach (var cells in rows)
            {
                WriteRow(xml, ++rowNumber, cells);
            }
            xml.WriteEndElement();

            if (filterRows is not null)
            {
                var last = ColumnNames[widths.Length - 1];
                var lastRow = filterRows().ToString(CultureInfo.InvariantCulture);
                new AutoFilter { Reference = $"A1:{last}{lastRow}" }.WriteTo(xml);
                // Excel keeps a sheet's filter range in this hidden name too.
                filters.Append(new DefinedName($"'{name.Replace("'", "''", StringComparison.Ordinal)}'!$A$1:${last}${lastRow}")
                    { Name = "_xlnm._FilterDatabase", LocalSheetId = sheetIndex, Hidden = true });
            }
            xml.WriteEndElement();
        }
        sheets.Append(new Sheet { Name = name, SheetId = sheetIndex + 1, Id = workbookPart.GetIdOfPart(part) });
    }

    /// <summary>Writes a row's cells, formatting references and numbers into one reused buffer.</summary>
    private void WriteRow(XmlWriter xml, int rowNumber, XlsxCell[] cells)
    {
        xml.WriteStartElement(Prefix, "row", Namespace);
        rowNumber.TryFormat(chars, out var rowLength, default, CultureInfo.InvariantCulture);
        WriteAttribute(xml, "r", rowLength);
        for (var i = 0; i < cells.Length; i++)
        {
            var content = cells[i];
            if (content.Kind == XlsxCellKind.Empty)
            {
                continue;
            }
            xml.WriteStartElement(Prefix, "c", Namespace);
            var column = ColumnNames[i];
            rowNumber.TryFormat(chars.AsSpan(column.Length), out _, default, CultureInfo.InvariantCulture);
            column.CopyTo(chars);
            WriteAttribute(xml, "r", column.Length + rowLength);
            if (content.Style != XlsxStyles.Normal)
            {
                content.Style.TryFormat(chars, out var styleLength, default, CultureInfo.InvariantCulture);
                WriteAttribute(xml, "s", styleLength);
            }
            int valueLength;
            if (content.Kind == XlsxCellKind.Number)
            {
                content.Number.TryFormat(chars, out valueLength, "R", CultureInfo.InvariantCulture);
            }
            else
            {
                xml.WriteAttributeString("t", "s");
                SharedString(content.Text!).TryFormat(chars, out valueLength, default, CultureInfo.InvariantCulture);
            }
            xml.WriteStartElement(Prefix, "v", Namespace);
            xml.WriteChars(chars, 0, valueLength);
            xml.WriteEndElement();
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }

    private void WriteAttribute(XmlWriter xml, string attribute, int length)
    {
        xml.WriteStartAttribute(attribute);
        xml.WriteChars(chars, 0, length);
        xml.WriteEndAttribute();
    }

    private int SharedString(string text)
    {
        stringCells++;
        var stored = XmlSafe(SpreadsheetText.Neutralise(text));
        if (!stringIndex.TryGetValue(stored, out var index))
        {
            index = strings.Count;
            strings.Add(stored);
            stringIndex.Add(stored, index);
        }
        return index;
    }

    /// <summary>
    /// Text as a spreadsheet string may hold it: characters XML cannot carry (a stray control character pasted from
    /// another program) are written as _xHHHH_, the escape spreadsheets read back, and a literal "_x" is escaped so it
    /// is not read as one.
    /// </summary>
    private static string XmlSafe(string text)
    {
        if (!text.Any(c => c < ' ' || char.IsSurrogate(c) || c is '_' or '\uFFFE' or '\uFFFF'))
        {
            return text;
        }
        var safe = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                safe.Append(c).Append(text[++i]);
            }
            else if ((c < ' ' && c is not ('\t' or '\n' or '\r')) || char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF')
            {
                safe.Append(CultureInfo.InvariantCulture, $"_x{(int)c:X4}_");
            }
            else if (c == '_' && LooksEscaped(text, i))
            {
                safe.Append("_x005F_");
            }
            else
            {
                safe.Append(c);
            }
        }
        return safe.ToString();
    }

    /// <summary>Whether the text at <paramref name="at"/> reads as an escape, "_x" then four hex digits and "_".</summary>
    private static bool LooksEscaped(string text, int at) =>
        at + 6 < text.Length && text[at + 1] == 'x' && text[at + 6] == '_' && text.AsSpan(at + 2, 4).ContainsAnyExcept(HexDigits) is false;

    /// <summary>Fits each column to its longest text (headings included), within limits; numbers get room for their figures.</summary>
    private static double[] Widths(int columns, IEnumerable<XlsxCell[]> rows)
    {
        var widths = Enumerable.Repeat(MinWidth, columns).ToArray();
        foreach (var row in rows)
        {
            for (var i = 0; i < Math.Min(columns, row.Length); i++)
            {
                var length = row[i].Kind switch
                {
                    XlsxCellKind.Text => row[i].Text!.Length + (row[i].Style == XlsxStyles.Heading ? 3 : 1),
                    XlsxCellKind.Number => 12,
                    _ => 0,
                };
                widths[i] = Math.Max(widths[i], Math.Min(MaxWidth, length + 1));
            }
        }
        return widths;
    }

    private static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }
        return name;
    }
}
