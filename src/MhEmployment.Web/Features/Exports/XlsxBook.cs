using System.Buffers;
using System.Globalization;
using System.Security;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;
using MhEmployment.Web.Infrastructure;

namespace MhEmployment.Web.Features.Exports;

/// <summary>
/// Writes a workbook's parts a sheet at a time, each to a stream of its own (compressed as it closes, to be put into a
/// zip by <see cref="ZipWriter"/>). A table sheet has a bold header row that stays frozen, a filter on every column and
/// widths fitted to its text. Text is stored as shared strings (inline on title pages; never formulas) after
/// <see cref="SpreadsheetText.Neutralise"/>, and numbers as numbers with their number format.
/// </summary>
/// <remarks>
/// The package's parts (content types, relationships, properties, workbook) are written here rather than by the
/// OpenXml SDK's package: the SDK opens its zip for update, which holds every part in a growing buffer and compresses
/// it again on closing, and that was about half of a download's processor time (docs/benchmarks.md, load). The SDK's
/// elements still write the stylesheet and each sheet's views, columns and filter. Rows and shared strings go straight
/// to the part's XmlWriter, because the SDK's OpenXmlWriter measured five times slower per cell. Both write the
/// SpreadsheetML namespace with the SDK's "x" prefix.
/// </remarks>
public sealed class XlsxBook
{
    private const string Prefix = "x";
    private const string Namespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string RelationshipsNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string PackageRelationshipsNamespace = "http://schemas.openxmlformats.org/package/2006/relationships";
    private const string RelationshipType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
    private const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.";
    private const string CorePropertiesPart = "docProps/core.xml";
    private const double MinWidth = 8;
    private const double MaxWidth = 60;
    private static readonly XmlWriterSettings XmlSettings = new() { Encoding = new UTF8Encoding(false), CloseOutput = true };
    private static readonly string[] ColumnNames = [.. Enumerable.Range(0, 26 * 27).Select(ColumnName)];
    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789abcdefABCDEF");

    private readonly Func<string, Stream> openPart;
    private readonly string title;
    private readonly string author;
    private readonly DateTime createdUtc;
    private readonly List<string> sheetNames = [];
    private readonly DefinedNames filters = new();
    private readonly Dictionary<string, int> stringIndex = new(StringComparer.Ordinal);
    private readonly List<string> strings = [];
    private char[] rowChars = new char[4096];
    private int rowLength;
    private int stringCells;

    /// <param name="openPart">Opens the stream a part (named by its path in the package) is written to; the book closes it.</param>
    public XlsxBook(Func<string, Stream> openPart, string title, string author, DateTime createdUtc)
    {
        this.openPart = openPart;
        this.title = title;
        this.author = author;
        this.createdUtc = createdUtc;
    }

    /// <summary>
    /// A sheet of label and value pairs under a title, such as a title page; an empty label leaves a blank line. Its text
    /// is written in the sheet itself (inline strings), not in the shared strings, so that the rest of the book does not
    /// depend on it: a title page that names its reader can change while the other parts are kept.
    /// </summary>
    public void Details(string name, string title, IEnumerable<(string Label, XlsxCell Value)> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        List<XlsxCell[]> rows = [[new XlsxCell(XlsxCellKind.Text, title, 0, XlsxStyles.Title)], []];
        rows.AddRange(labels.Select(l => new[] { l.Label.Length == 0 ? XlsxCell.Empty : XlsxCell.Heading(l.Label), l.Value }));
        var widths = Widths(2, rows.Skip(2));
        AddSheet(name, widths, rows, frozenRows: 0, filterRows: null, inlineText: true);
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
        AddSheet(name, widths, All(), frozenRows: 1, filterRows: () => 1 + count, inlineText: false);
    }

    /// <summary>Writes the shared strings, the styles, the workbook and the package's parts.</summary>
    public void Save()
    {
        using (var xml = Part("xl/sharedStrings.xml"))
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
        using (var xml = Part("xl/styles.xml"))
        {
            XlsxStyles.Stylesheet().WriteTo(xml);
        }
        WriteWorkbook();
        WritePackageParts();
    }

    private XmlWriter Part(string name) => XmlWriter.Create(openPart(name), XmlSettings);

    private void WriteWorkbook()
    {
        using (var xml = Part("xl/workbook.xml"))
        {
            xml.WriteStartElement(Prefix, "workbook", Namespace);
            xml.WriteAttributeString("xmlns", "r", null, RelationshipsNamespace);
            new BookViews(new WorkbookView()).WriteTo(xml);
            xml.WriteStartElement(Prefix, "sheets", Namespace);
            for (var i = 0; i < sheetNames.Count; i++)
            {
                xml.WriteStartElement(Prefix, "sheet", Namespace);
                xml.WriteAttributeString("name", sheetNames[i]);
                xml.WriteAttributeString("sheetId", (i + 1).ToString(CultureInfo.InvariantCulture));
                xml.WriteAttributeString("r", "id", RelationshipsNamespace, SheetRelationship(i));
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
            if (filters.HasChildren)
            {
                filters.WriteTo(xml);
            }
            xml.WriteEndElement();
        }
        using (var xml = Part("xl/_rels/workbook.xml.rels"))
        {
            xml.WriteStartElement("Relationships", PackageRelationshipsNamespace);
            for (var i = 0; i < sheetNames.Count; i++)
            {
                Relationship(xml, SheetRelationship(i), "worksheet", SheetPart(i));
            }
            Relationship(xml, "rIdStyles", "styles", "styles.xml");
            Relationship(xml, "rIdStrings", "sharedStrings", "sharedStrings.xml");
            xml.WriteEndElement();
        }
    }

    /// <summary>Writes the book's title, author and time of creation (<see cref="Save"/> writes them too).</summary>
    public void CoreProperties()
    {
        using (var xml = Part(CorePropertiesPart))
        {
            const string dc = "http://purl.org/dc/elements/1.1/", terms = "http://purl.org/dc/terms/";
            xml.WriteStartElement("cp", "coreProperties", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties");
            xml.WriteAttributeString("xmlns", "dc", null, dc);
            xml.WriteAttributeString("xmlns", "dcterms", null, terms);
            xml.WriteAttributeString("xmlns", "xsi", null, "http://www.w3.org/2001/XMLSchema-instance");
            xml.WriteElementString("dc", "title", dc, title);
            xml.WriteElementString("dc", "creator", dc, author);
            xml.WriteStartElement("dcterms", "created", terms);
            xml.WriteAttributeString("xsi", "type", null, "dcterms:W3CDTF");
            xml.WriteString(createdUtc.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            xml.WriteEndElement();
            xml.WriteEndElement();
        }
    }

    private void WritePackageParts()
    {
        CoreProperties();
        using (var xml = Part("_rels/.rels"))
        {
            xml.WriteStartElement("Relationships", PackageRelationshipsNamespace);
            Relationship(xml, "rIdBook", RelationshipType + "officeDocument", "xl/workbook.xml", typePrefixed: true);
            Relationship(xml, "rIdCore", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", CorePropertiesPart, typePrefixed: true);
            xml.WriteEndElement();
        }
        using (var xml = Part("[Content_Types].xml"))
        {
            const string types = "http://schemas.openxmlformats.org/package/2006/content-types";
            xml.WriteStartElement("Types", types);
            void Default(string extension, string type)
            {
                xml.WriteStartElement("Default", types);
                xml.WriteAttributeString("Extension", extension);
                xml.WriteAttributeString("ContentType", type);
                xml.WriteEndElement();
            }
            void Override(string part, string type)
            {
                xml.WriteStartElement("Override", types);
                xml.WriteAttributeString("PartName", "/" + part);
                xml.WriteAttributeString("ContentType", type);
                xml.WriteEndElement();
            }
            Default("rels", "application/vnd.openxmlformats-package.relationships+xml");
            Default("xml", "application/xml");
            Override("xl/workbook.xml", ContentType + "sheet.main+xml");
            for (var i = 0; i < sheetNames.Count; i++)
            {
                Override("xl/" + SheetPart(i), ContentType + "worksheet+xml");
            }
            Override("xl/styles.xml", ContentType + "styles+xml");
            Override("xl/sharedStrings.xml", ContentType + "sharedStrings+xml");
            Override(CorePropertiesPart, "application/vnd.openxmlformats-package.core-properties+xml");
            xml.WriteEndElement();
        }
    }

    private static void Relationship(XmlWriter xml, string id, string type, string target, bool typePrefixed = false)
    {
        xml.WriteStartElement("Relationship", PackageRelationshipsNamespace);
        xml.WriteAttributeString("Id", id);
        xml.WriteAttributeString("Type", typePrefixed ? type : RelationshipType + type);
        xml.WriteAttributeString("Target", target);
        xml.WriteEndElement();
    }

    private static string SheetPart(int index) => $"worksheets/sheet{(index + 1).ToString(CultureInfo.InvariantCulture)}.xml";

    private static string SheetRelationship(int index) => "rIdSheet" + (index + 1).ToString(CultureInfo.InvariantCulture);

    private void AddSheet(string name, double[] widths, IEnumerable<XlsxCell[]> rows, int frozenRows, Func<int>? filterRows, bool inlineText)
    {
        var sheetIndex = (uint)sheetNames.Count;
        using (var xml = Part("xl/" + SheetPart(sheetNames.Count)))
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
                WriteRow(xml, ++rowNumber, cells, inlineText);
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
        sheetNames.Add(name);
    }

    /// <summary>
    /// Writes a row's cells as one piece of raw XML built in a reused buffer: a cell holds only its reference, style,
    /// type and a number or a shared string's index, none of which needs escaping (a title page's inline text is escaped
    /// here), and element by element through the XmlWriter cost four times as much.
    /// </summary>
    private void WriteRow(XmlWriter xml, int rowNumber, XlsxCell[] cells, bool inlineText)
    {
        rowLength = 0;
        Append("<x:row r=\"");
        AppendNumber(rowNumber);
        Append("\">");
        for (var i = 0; i < cells.Length; i++)
        {
            var content = cells[i];
            if (content.Kind == XlsxCellKind.Empty)
            {
                continue;
            }
            Append("<x:c r=\"");
            Append(ColumnNames[i]);
            AppendNumber(rowNumber);
            if (content.Style != XlsxStyles.Normal)
            {
                Append("\" s=\"");
                AppendNumber(content.Style);
            }
            if (content.Kind == XlsxCellKind.Number)
            {
                Append("\"><x:v>");
                Reserve(32);
                content.Number.TryFormat(rowChars.AsSpan(rowLength), out var written, "R", CultureInfo.InvariantCulture);
                rowLength += written;
            }
            else if (inlineText)
            {
                Append("\" t=\"inlineStr\"><x:is><x:t xml:space=\"preserve\">");
                Append(SecurityElement.Escape(XmlSafe(SpreadsheetText.Neutralise(content.Text!))));
                Append("</x:t></x:is></x:c>");
                continue;
            }
            else
            {
                Append("\" t=\"s\"><x:v>");
                AppendNumber(SharedString(content.Text!));
            }
            Append("</x:v></x:c>");
        }
        Append("</x:row>");
        xml.WriteRaw(rowChars, 0, rowLength);
    }

    private void Append(string text)
    {
        Reserve(text.Length);
        text.CopyTo(rowChars.AsSpan(rowLength));
        rowLength += text.Length;
    }

    private void AppendNumber(long number)
    {
        Reserve(20);
        number.TryFormat(rowChars.AsSpan(rowLength), out var written, default, CultureInfo.InvariantCulture);
        rowLength += written;
    }

    private void Reserve(int more)
    {
        if (rowLength + more > rowChars.Length)
        {
            Array.Resize(ref rowChars, Math.Max(rowChars.Length * 2, rowLength + more));
        }
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
