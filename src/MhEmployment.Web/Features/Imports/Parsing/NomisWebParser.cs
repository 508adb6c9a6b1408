namespace MhEmployment.Web.Features.Imports.Parsing;

/// <summary>
/// NOMIS web-interface download: a preamble (title, "ONS Crown Copyright Reserved", "Units :", "Date :" and other
/// "label :" lines), a table with one row per area and one column per series, then footnotes. Area cells are
/// "E09000001", "E09000001 : City of London", or a name with the code in a "mnemonic" column. Each value column is a
/// series "nomisweb:&lt;title&gt;|&lt;column header&gt;"; the date comes from the "Date :" line.
/// </summary>
public sealed class NomisWebParser : ImportParser
{
    public override ImportFormat Format => ImportFormat.NomisWeb;

    private protected override bool HasHeaderRow => false;

    private protected override RowReader CreateRowReader(CsvSource source) => new NomisWebRows(source);
}

internal sealed class NomisWebRows(CsvSource source) : RowReader(source)
{
    private enum Part { Preamble, Table, Footer }

    private readonly Utf8Strings _strings = new(200_000);
    private readonly Dictionary<string, string> _preamble = new(StringComparer.Ordinal);
    private Part _part = Part.Preamble;
    private string? _title;
    private Period? _period;
    private string _sex = SexNames.Persons;
    private string _age = "All ages";
    private string[] _columns = [];
    private int _codeColumn;
    private int _firstValueColumn;
    private string[] _seriesKeys = [];
    private string[] _seriesNames = [];
    private IReadOnlyDictionary<string, string>[] _facts = [];

    public override ParseIssue? Start() => null;

    public override ParsedRecord? Read() => _part switch
    {
        Part.Preamble => ReadPreamble(),
        Part.Table => ReadRow(),
        _ => null,
    };

    private ParsedRecord? ReadPreamble()
    {
        var first = Source.Text(0);
        var second = Source.FieldCount > 1 ? Source.Text(1) : "";
        if (Source.FieldCount == 1 || (second.Length == 0 && Source.IsBlankFrom(1)))
        {
            if (first.Contains("Crown Copyright", StringComparison.OrdinalIgnoreCase))
                _preamble["copyright"] = first;
            else if (_title is null && first.Length > 0)
                _title = first;
            return null;
        }
        if (first.EndsWith(':'))
        {
            var label = first.TrimEnd(':').Trim();
            _preamble[label.ToLowerInvariant()] = second;
            if (label.Equals("Date", StringComparison.OrdinalIgnoreCase))
                return ReadDate(second);
            if ((label.Equals("Gender", StringComparison.OrdinalIgnoreCase) || label.Equals("Sex", StringComparison.OrdinalIgnoreCase)) &&
                !SexNames.TryNormalise(second, out _sex))
                return Fail(new ParseIssue(Source.Line, label, second, IssueRules.UnrecognisedSex, $"The {label} \"{second}\" is not Persons, Male or Female."));
            if (label.Equals("Age", StringComparison.OrdinalIgnoreCase) && second.Length > 0)
                _age = second;
            return null;
        }
        return StartTable();
    }

    private ParsedRecord? ReadDate(string label)
    {
        if (PeriodParser.TryParse(label, out var period))
        {
            _period = period;
            return null;
        }
        return Fail(new ParseIssue(Source.Line, "Date", label, IssueRules.UnrecognisedPeriod,
            $"The date \"{label}\" is not one the importer understands (such as 2021, August 2017 or Jul 2016-Jun 2017)."));
    }

    private ParsedRecord? StartTable()
    {
        _columns = new string[Source.FieldCount];
        for (var i = 0; i < _columns.Length; i++)
            _columns[i] = Source.Text(i);
        var hasMnemonic = _columns.Length > 2 && _columns[1].Equals("mnemonic", StringComparison.OrdinalIgnoreCase);
        _codeColumn = hasMnemonic ? 1 : 0;
        _firstValueColumn = hasMnemonic ? 2 : 1;
        _part = Part.Table;
        if (_period is null)
        {
            _part = Part.Footer;
            return Fail(new ParseIssue(Source.Line, "Date", null, IssueRules.UnrecognisedPeriod,
                "The table has no \"Date :\" line above it, so the period of its values is not known. Download it again from NOMIS with the date shown."));
        }
        if (DuplicateColumns(new HeaderNames(_columns), Source.Line) is { } duplicated)
        {
            _part = Part.Footer;
            return Fail(duplicated);
        }
        var title = _title ?? "NOMIS table";
        var count = _columns.Length - _firstValueColumn;
        _seriesKeys = new string[count];
        _seriesNames = new string[count];
        _facts = new IReadOnlyDictionary<string, string>[count];
        for (var s = 0; s < count; s++)
        {
            var column = _columns[_firstValueColumn + s];
            _seriesKeys[s] = $"nomisweb:{title}|{column}";
            _seriesNames[s] = $"{title}: {column}";
            var facts = new Dictionary<string, string>(_preamble, StringComparer.Ordinal) { ["title"] = title, ["column"] = column };
            _facts[s] = facts;
            Cell.CheckFormula(column, "column header");
        }
        return Issues.IsEmpty ? null : Issues.ToRecord(null);
    }

    private ParsedRecord? ReadRow()
    {
        // Footnotes start with an empty first cell; a lone cell after the table is a note too.
        if (Cells.Trim(Source[0]).IsEmpty || Source.FieldCount == 1)
        {
            _part = Part.Footer;
            return null;
        }
        DataRows++;
        if (CheckFieldCount(_columns.Length) is { } ragged)
            return Fail(ragged);
        var line = Source.Line;
        if (!TryArea(out var code, out var name))
            return Issues.ToRecord(null);

        var period = _period!.Value;
        for (var s = 0; s < _seriesKeys.Length; s++)
        {
            var column = _firstValueColumn + s;
            var value = Cell.Value(column, _columns[column], out var marker);
            if (Issues.HasErrors)
            {
                Release(Issues.ToRecord(null));
                continue;
            }
            var observation = new SourceObservation(line, _seriesKeys[s], _seriesNames[s], code, name, period, _sex, _age)
            {
                Value = value,
                ValueColumn = _columns[column],
                SuppressionMarker = marker,
                SeriesFacts = _facts[s],
            };
            Release(Issues.ToRecord(Deduplicated(s, 0, observation)));
        }
        return null;
    }

    /// <summary>The area code (and name) from "E09000001 : City of London", "E09000001", or a mnemonic column.</summary>
    private bool TryArea(out string code, out string? name)
    {
        name = null;
        if (_codeColumn == 1)
        {
            code = Cell.Text(1, _columns[1], required: true, _strings);
            var areaName = Cell.Text(0, _columns[0], cache: _strings);
            name = areaName.Length > 0 ? areaName : null;
            return !Issues.HasErrors;
        }
        var cell = Cell.Text(0, _columns[0], required: true, _strings);
        var separator = cell.IndexOf(':', StringComparison.Ordinal);
        code = separator >= 0 ? cell[..separator].Trim() : cell;
        if (separator >= 0)
            name = cell[(separator + 1)..].Trim();
        if (!Issues.HasErrors && !LooksLikeCode(code))
            Issues.Add(new ParseIssue(Source.Line, _columns[0], Cells.ForIssue(cell), IssueRules.MissingValue,
                $"The area \"{Cells.ForIssue(cell)}\" has no code. In NOMIS, choose to show areas as codes (or \"code : name\") and download again."));
        return !Issues.HasErrors;
    }

    /// <summary>GSS and ODS codes are letters and digits with at least one digit; a bare name is not a code.</summary>
    private static bool LooksLikeCode(string code) =>
        code.Length > 0 && code.All(char.IsAsciiLetterOrDigit) && code.Any(char.IsAsciiDigit);
}
