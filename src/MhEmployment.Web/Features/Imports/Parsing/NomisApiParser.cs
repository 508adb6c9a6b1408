using System.Text;
using System.Text.RegularExpressions;

namespace MhEmployment.Web.Features.Imports.Parsing;

/// <summary>
/// NOMIS API CSV for any dataset, full or a select= subset. The series is the file's *_NAME dimension columns other
/// than date, geography and OBS_* (in file order), plus the dataset id when the URN column gives it. An area listed
/// under two geography types collapses to one observation; a conflicting repeat is an error.
/// This is the hot path for million-row files: dimension values, periods and area names are looked up by their
/// bytes, so a typical row allocates only its observation and record.
/// </summary>
public sealed partial class NomisApiParser : ImportParser
{
    public override ImportFormat Format => ImportFormat.NomisApi;

    private protected override RowReader CreateRowReader(CsvSource source) => new NomisApiRows(source);

    internal static bool IsNomisColumn(string header) => header.Length > 0 && header.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    /// <summary>"Nm-2002d1d32336e0d..." names dataset NM_2002_1.</summary>
    internal static string? DatasetFromUrn(string urn)
    {
        var m = UrnPattern().Match(urn);
        return m.Success ? $"NM_{m.Groups[1].Value}_{m.Groups[2].Value}" : null;
    }

    [GeneratedRegex(@"^Nm-(\d+)d(\d+)d", RegexOptions.IgnoreCase)]
    private static partial Regex UrnPattern();
}

internal sealed class NomisApiRows(CsvSource source) : RowReader(source)
{
    private static readonly string[] SexDimensions = ["GENDER_NAME", "SEX_NAME", "C_SEX_NAME"];
    private static readonly string[] AgeDimensions = ["AGE_NAME", "C_AGE_NAME"];

    private readonly Utf8Cache<Series> _series = new(50_000);
    private readonly Utf8Cache<PeriodEntry> _periods = new(10_000);
    private readonly Utf8Strings _codes = new(200_000);
    private readonly Utf8Strings _names = new(200_000);
    private readonly Utf8Strings _statusNames = new(1_000);
    private byte[] _signature = new byte[256];
    private int _date, _code, _name, _value, _status, _statusName, _urn;
    private string _dateColumn = "DATE_NAME";
    private int[] _dimensions = [];
    private int _sexDimension = -1, _ageDimension = -1;
    private string? _dataset;
    private bool _datasetKnown;
    private int _seriesCount;
    private int _periodCount;

    private sealed record Series(int Id, string Key, string Name, string Sex, string Age, IReadOnlyDictionary<string, string> Facts, ParseIssue? Problem);

    private sealed record PeriodEntry(int Id, Period? Period, string Label);

    public override ParseIssue? Start()
    {
        _date = Header.Find("DATE_NAME");
        if (_date < 0)
        {
            _date = Header.Find("DATE");
            _dateColumn = "DATE";
        }
        _code = Header.Find("GEOGRAPHY_CODE");
        _name = Header.Find("GEOGRAPHY_NAME");
        _value = Header.Find("OBS_VALUE");
        _status = Header.Find("OBS_STATUS");
        _statusName = Header.Find("OBS_STATUS_NAME");
        _urn = Header.Find("URN");
        if (_date < 0 || _code < 0 || _value < 0)
            return MissingColumns("NOMIS API", "DATE_NAME", "GEOGRAPHY_CODE", "OBS_VALUE");
        // Every NOMIS column is a dimension or an attribute named like one (GENDER, GENDER_NAME, OBS_STATUS...); any other is not NOMIS's.
        if (CheckColumns("NOMIS API", [], unknownIsError: false, NomisApiParser.IsNomisColumn) is { } wrong)
            return wrong;

        var dimensions = new List<int>();
        for (var i = 0; i < Header.Count; i++)
        {
            var name = Header.NameAt(i).ToUpperInvariant();
            if (!name.EndsWith("_NAME", StringComparison.Ordinal) || name.StartsWith("DATE", StringComparison.Ordinal) ||
                name.StartsWith("GEOGRAPHY", StringComparison.Ordinal) || name.StartsWith("OBS_", StringComparison.Ordinal))
                continue;
            if (SexDimensions.Contains(name)) _sexDimension = dimensions.Count;
            if (AgeDimensions.Contains(name)) _ageDimension = dimensions.Count;
            dimensions.Add(i);
        }
        _dimensions = [.. dimensions];
        return null;
    }

    public override ParsedRecord? Read()
    {
        if (Source.FieldCount != Header.Count && CheckFieldCount(Header.Count) is { } ragged)
        {
            if (Source.IsBlankRecord()) return null;
            DataRows++;
            return Fail(ragged);
        }
        var codeCell = Source[_code];
        if (Cells.Trim(codeCell).IsEmpty)
        {
            if (Source.IsBlankRecord()) return null;
            DataRows++;
            Issues.Add(new ParseIssue(Source.Line, "GEOGRAPHY_CODE", "", IssueRules.MissingValue, "The GEOGRAPHY_CODE is empty; every row needs an area code."));
            return Issues.ToRecord(null);
        }
        DataRows++;
        if (!_datasetKnown)
        {
            _datasetKnown = true;
            _dataset = _urn >= 0 ? NomisApiParser.DatasetFromUrn(Cells.Text(Source[_urn])) : null;
        }

        var line = Source.Line;
        var series = SeriesOf();
        if (series.Problem is { } problem)
            Issues.Add(problem with { LineNumber = line });
        var period = PeriodOf();
        if (period.Period is null)
            Issues.Add(new ParseIssue(line, _dateColumn, period.Label, IssueRules.UnrecognisedPeriod,
                $"The date \"{period.Label}\" is not one the importer understands (such as 2021, August 2017, Jul 2016-Jun 2017, Oct-Dec 2017 or 2019-20)."));

        if (Cells.LooksLikeFormula(codeCell))
            Cell.CheckFormula(Cells.Text(codeCell), "GEOGRAPHY_CODE");
        var areaCode = _codes.Get(codeCell);
        string? areaName = null;
        if (_name >= 0)
        {
            var nameCell = Source[_name];
            if (Cells.LooksLikeFormula(nameCell))
                Cell.CheckFormula(Cells.Text(nameCell), "GEOGRAPHY_NAME");
            areaName = _names.Get(nameCell);
        }

        var (value, marker, note) = ReadValue();
        if (Issues.HasErrors || period.Period is not { } p)
            return Issues.ToRecord(null);

        var observation = new SourceObservation(line, series.Key, series.Name, areaCode, areaName, p, series.Sex, series.Age)
        {
            Value = value,
            ValueColumn = "OBS_VALUE",
            SuppressionMarker = marker,
            Note = note,
            SeriesFacts = series.Facts,
        };
        return Issues.ToRecord(Deduplicated(series.Id, period.Id, observation));
    }

    private (double? Value, string? Marker, string? Note) ReadValue()
    {
        var cell = Source[_value];
        string? note = null;
        var normal = true;
        if (_status >= 0)
        {
            var status = Cells.Trim(Source[_status]);
            normal = status.IsEmpty || (status.Length == 1 && status[0] == (byte)'A');
            if (!normal)
                note = _statusName >= 0 ? _statusNames.Get(Source[_statusName]) : Cells.Text(status);
        }
        else if (_statusName >= 0)
        {
            var statusName = Cells.Trim(Source[_statusName]);
            normal = statusName.IsEmpty || statusName.SequenceEqual("Normal Value"u8);
            if (!normal)
                note = _statusNames.Get(statusName);
        }
        if (Cells.TryNumber(cell, out var value) && Math.Abs(value) <= SourceObservation.MaxMagnitude)
            return (value, null, note);
        if (Cells.SuppressionMarker(cell) is { } marker)
        {
            // An empty OBS_VALUE takes its marker from OBS_STATUS when that is one (NOMIS puts "!", "*", "-" there).
            if (marker.Length == 0 && _status >= 0 && Cells.SuppressionMarker(Source[_status]) is { Length: > 0 } statusMarker)
                marker = statusMarker;
            Issues.Add(new ParseIssue(Source.Line, "OBS_VALUE", marker, IssueRules.Suppressed,
                marker.Length == 0 ? "The value is empty: kept as suppressed (missing), not as zero." : $"The value is suppressed (marked \"{marker}\"): kept as suppressed, not as zero.",
                IssueSeverity.Warning));
            return (null, marker, note);
        }
        Cell.Value(_value, "OBS_VALUE", out _);
        return (null, null, note);
    }

    private Series SeriesOf()
    {
        var length = 0;
        foreach (var column in _dimensions)
        {
            var cell = Source[column];
            if (length + cell.Length + 1 > _signature.Length)
                Array.Resize(ref _signature, Math.Max(_signature.Length * 2, length + cell.Length + 1));
            cell.CopyTo(_signature.AsSpan(length));
            length += cell.Length;
            _signature[length++] = 0x1F;
        }
        var signature = _signature.AsSpan(0, length);
        if (_series.TryGet(signature, out var series))
            return series;
        series = CreateSeries(_seriesCount++);
        _series.Add(signature, series);
        return series;
    }

    private Series CreateSeries(int id)
    {
        var key = new StringBuilder("nomis:");
        var name = new StringBuilder();
        var facts = new Dictionary<string, string>(StringComparer.Ordinal);
        if (_dataset is not null)
        {
            key.Append(_dataset);
            name.Append(_dataset).Append(": ");
            facts["dataset"] = _dataset;
        }
        ParseIssue? problem = null;
        var sex = SexNames.Persons;
        var age = "All ages";
        for (var d = 0; d < _dimensions.Length; d++)
        {
            var column = Header.NameAt(_dimensions[d]);
            var text = Cells.Text(Source[_dimensions[d]]);
            if (key.Length > "nomis:".Length) key.Append('|');
            key.Append(column).Append('=').Append(text);
            if (d > 0) name.Append(", ");
            name.Append(text);
            facts[column] = text;
            if (problem is null && Cells.LooksLikeFormula(text))
                problem = new ParseIssue(0, column, Cells.ForIssue(text), IssueRules.FormulaLikeCell,
                    $"The {column} starts with \"{text[0]}\" like a spreadsheet formula. Formulas are never run or stored.");
            if (d == _sexDimension && !SexNames.TryNormalise(text, out sex))
                problem ??= new ParseIssue(0, column, text, IssueRules.UnrecognisedSex, $"The sex \"{text}\" is not Persons, Male or Female (or Total).");
            if (d == _ageDimension && text.Length > 0)
                age = text;
        }
        if (key.Length == "nomis:".Length)
            key.Append("OBS_VALUE");
        return new Series(id, key.ToString(), name.Length > 0 ? name.ToString().TrimEnd(' ', ':') : "NOMIS value", sex, age, facts, problem);
    }

    private PeriodEntry PeriodOf()
    {
        var cell = Source[_date];
        if (_periods.TryGet(cell, out var entry))
            return entry;
        var label = Cells.Text(cell);
        entry = new PeriodEntry(_periodCount++, PeriodParser.TryParse(label, out var period) ? period : null, label);
        _periods.Add(cell, entry);
        return entry;
    }
}
