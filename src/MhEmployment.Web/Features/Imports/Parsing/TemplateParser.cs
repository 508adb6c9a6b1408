namespace MhEmployment.Web.Features.Imports.Parsing;

/// <summary>
/// The project's own long format for local data (docs/csv-formats.md): one row per indicator, area, period, sex
/// and age. Required columns: indicator_key, area_code, period_label, value; the rest are optional.
/// </summary>
public sealed class TemplateParser : ImportParser
{
    public static readonly string[] RequiredColumns = ["indicator_key", "area_code", "period_label", "value"];

    public override ImportFormat Format => ImportFormat.Template;

    private protected override RowReader CreateRowReader(CsvSource source) => new TemplateRows(source);
}

internal sealed class TemplateRows(CsvSource source) : RowReader(source)
{
    private readonly RowIssues _issues = new();
    private readonly Utf8Strings _strings = new();
    private readonly Dictionary<string, Period?> _labels = [];
    private readonly Ids<(string Key, string Sex, string Age)> _seriesIds = new();
    private readonly Ids<(string Label, DateOnly Start, DateOnly End)> _periodIds = new();
    private CellReader _cells = null!;
    private HeaderNames _header = null!;
    private int _key, _indicatorName, _area, _areaName, _label, _start, _end, _sex, _age, _value;
    private int _count, _denominator, _lower95, _upper95, _lower998, _upper998, _note;

    public override ParseIssue? Start()
    {
        _header = new HeaderNames(Source.Headers);
        _cells = new CellReader(Source, _issues);
        _key = _header.Find("indicator_key");
        _indicatorName = _header.Find("indicator_name");
        _area = _header.Find("area_code");
        _areaName = _header.Find("area_name");
        _label = _header.Find("period_label");
        _start = _header.Find("period_start");
        _end = _header.Find("period_end");
        _sex = _header.Find("sex");
        _age = _header.Find("age_band");
        _value = _header.Find("value");
        _count = _header.Find("count");
        _denominator = _header.Find("denominator");
        _lower95 = _header.Find("lower_95");
        _upper95 = _header.Find("upper_95");
        _lower998 = _header.Find("lower_998");
        _upper998 = _header.Find("upper_998");
        _note = _header.Find("note");
        if (_key < 0 || _area < 0 || _label < 0 || _value < 0)
            return MissingColumns(_header, "template", TemplateParser.RequiredColumns);
        if ((_start < 0) != (_end < 0))
            return new ParseIssue(1, _start < 0 ? "period_start" : "period_end", null, IssueRules.MissingColumn,
                "The template has only one of period_start and period_end; give both or neither.");
        return null;
    }

    public override ParsedRecord? Read()
    {
        if (Source.IsBlankRecord())
            return null;
        DataRows++;
        if (CheckFieldCount(_header.Count) is { } ragged)
            return Fail(ragged);

        var line = Source.Line;
        var key = _cells.Text(_key, "indicator_key", required: true, _strings);
        var indicatorName = _cells.Text(_indicatorName, "indicator_name", cache: _strings);
        var area = _cells.Text(_area, "area_code", required: true, _strings);
        var areaName = _cells.Text(_areaName, "area_name", cache: _strings);
        var period = ReadPeriod();
        var sexLabel = _cells.Text(_sex, "sex", cache: _strings);
        if (!SexNames.TryNormalise(sexLabel, out var sex))
            _issues.Add(new ParseIssue(line, "sex", sexLabel, IssueRules.UnrecognisedSex, $"The sex \"{sexLabel}\" is not Persons, Male or Female."));
        var age = _cells.Text(_age, "age_band", cache: _strings);
        if (age.Length == 0) age = "All ages";
        var value = _cells.Value(_value, "value", out var marker);
        var count = _cells.Optional(_count, "count", mustNotBeNegative: true);
        var denominator = _cells.Optional(_denominator, "denominator", mustNotBeNegative: true);
        _cells.CheckCountWithinDenominator(count, denominator, "count");
        var lower95 = _cells.Optional(_lower95, "lower_95");
        var upper95 = _cells.Optional(_upper95, "upper_95");
        var lower998 = _cells.Optional(_lower998, "lower_998");
        var upper998 = _cells.Optional(_upper998, "upper_998");
        var note = _cells.Text(_note, "note", cache: _strings);
        if (_issues.HasErrors || period is not { } p)
            return _issues.ToRecord(null);

        var observation = new SourceObservation
        {
            LineNumber = line,
            SeriesKey = key,
            SeriesName = indicatorName.Length > 0 ? indicatorName : key,
            AreaCode = area,
            AreaName = areaName.Length > 0 ? areaName : null,
            PeriodLabel = p.Label,
            PeriodStart = p.Start,
            PeriodEnd = p.End,
            Sex = sex,
            AgeBand = age,
            Value = value,
            ValueColumn = "value",
            Count = count,
            Denominator = denominator,
            Lower95 = lower95,
            Upper95 = upper95,
            Lower998 = lower998,
            Upper998 = upper998,
            SuppressionMarker = marker,
            Note = note.Length > 0 ? note : null,
        };
        switch (Duplicates.Check(_seriesIds.Of((key, sex, age)), _periodIds.Of((p.Label, p.Start, p.End)), area, observation, out var firstLine))
        {
            case DuplicateKeys.Outcome.Repeat:
                return _issues.ToRecord(null);
            case DuplicateKeys.Outcome.Conflict:
                _issues.Add(new ParseIssue(line, "value", Cells.ForIssue(Source[_value]), IssueRules.DuplicateKeyConflict,
                    $"{key} for {area}, {p.Label}, {sex}, {age} is also on line {firstLine} with a different value."));
                break;
        }
        return _issues.ToRecord(observation);
    }

    private Period? ReadPeriod()
    {
        var label = _cells.Text(_label, "period_label", required: true, _strings);
        var hasDates = _start >= 0 && !(Cells.Trim(Source[_start]).IsEmpty && Cells.Trim(Source[_end]).IsEmpty);
        if (hasDates)
        {
            var start = Date(_start, "period_start");
            var end = Date(_end, "period_end");
            if (start is null || end is null)
                return null;
            if (end < start)
            {
                _issues.Add(new ParseIssue(Source.Line, "period_end", Cells.Text(Source[_end]), IssueRules.PeriodEndBeforeStart,
                    $"The period ends ({end:yyyy-MM-dd}) before it starts ({start:yyyy-MM-dd})."));
                return null;
            }
            return label.Length == 0 ? null : new Period(label, start.Value, end.Value);
        }
        if (label.Length == 0)
            return null;
        if (!_labels.TryGetValue(label, out var period))
            _labels[label] = period = PeriodParser.TryParse(label, out var parsed) ? parsed : null;
        if (period is null)
            _issues.Add(new ParseIssue(Source.Line, "period_label", label, IssueRules.UnrecognisedPeriod,
                $"The period \"{label}\" is not one the importer can date by itself; add period_start and period_end (yyyy-mm-dd)."));
        return period;
    }

    private DateOnly? Date(int column, string name)
    {
        var cell = Source[column];
        switch (DateCells.TryParse(cell, out var date, isoOnly: true))
        {
            case DateCells.Outcome.Ok:
                return date;
            case DateCells.Outcome.Impossible:
                _issues.Add(new ParseIssue(Source.Line, name, Cells.ForIssue(cell), IssueRules.ImpossibleDate,
                    $"The {name} \"{Cells.ForIssue(cell)}\" is not a real date."));
                return null;
            default:
                _issues.Add(new ParseIssue(Source.Line, name, Cells.ForIssue(cell), IssueRules.UnrecognisedDate,
                    $"The {name} \"{Cells.ForIssue(cell)}\" is not a date in the form yyyy-mm-dd."));
                return null;
        }
    }
}
