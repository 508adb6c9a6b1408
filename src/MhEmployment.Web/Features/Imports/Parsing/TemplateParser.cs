namespace MhEmployment.Web.Features.Imports.Parsing;

/// <summary>
/// The project's own long format for local data (docs/csv-formats.md): one row per indicator, area, period, sex
/// and age. Required columns: indicator_key, area_code, period_label, value; the rest are optional.
/// </summary>
public sealed class TemplateParser : ImportParser
{
    public static readonly string[] RequiredColumns = ["indicator_key", "area_code", "period_label", "value"];

    /// <summary>Every column of the template; any other is refused (a misspelt optional column would otherwise be ignored).</summary>
    public static readonly string[] Columns =
        [.. RequiredColumns, "indicator_name", "area_name", "period_start", "period_end", "sex", "age_band", .. MeasureColumns.Template.AllNames, "note"];

    public override ImportFormat Format => ImportFormat.Template;

    private protected override RowReader CreateRowReader(CsvSource source) => new TemplateRows(source);
}

internal sealed class TemplateRows(CsvSource source) : RowReader(source)
{
    private readonly Utf8Strings _strings = new();
    private readonly Dictionary<string, Period?> _labels = [];
    private readonly Ids<(string Key, string Sex, string Age)> _seriesIds = new();
    private readonly Ids<(string Label, DateOnly Start, DateOnly End)> _periodIds = new();
    private MeasureCells _measures = null!;
    private int _key, _indicatorName, _area, _areaName, _label, _start, _end, _sex, _age, _value, _note;

    public override ParseIssue? Start()
    {
        _key = Header.Find("indicator_key");
        _indicatorName = Header.Find("indicator_name");
        _area = Header.Find("area_code");
        _areaName = Header.Find("area_name");
        _label = Header.Find("period_label");
        _start = Header.Find("period_start");
        _end = Header.Find("period_end");
        _sex = Header.Find("sex");
        _age = Header.Find("age_band");
        _value = Header.Find("value");
        _note = Header.Find("note");
        _measures = MeasureCells.In(Header, MeasureColumns.Template);
        if ((CheckColumns("template", TemplateParser.Columns, unknownIsError: true) ?? MissingColumns("template", TemplateParser.RequiredColumns)) is { } wrong)
            return wrong;
        if ((_start < 0) != (_end < 0))
            return new ParseIssue(1, _start < 0 ? "period_start" : "period_end", null, IssueRules.MissingColumn,
                "The template has only one of period_start and period_end; give both or neither.");
        return null;
    }

    public override ParsedRecord? Read()
    {
        if (SkipsRow(out var skipped))
            return skipped;

        var key = Cell.Text(_key, "indicator_key", required: true, _strings);
        var indicatorName = Cell.Text(_indicatorName, "indicator_name", cache: _strings);
        var area = Cell.Text(_area, "area_code", required: true, _strings);
        var areaName = Cell.Text(_areaName, "area_name", cache: _strings);
        var period = ReadPeriod();
        var sexLabel = Cell.Text(_sex, "sex", cache: _strings);
        if (!SexNames.TryNormalise(sexLabel, out var sex))
            Issues.Add(new ParseIssue(Source.Line, "sex", sexLabel, IssueRules.UnrecognisedSex, $"The sex \"{sexLabel}\" is not Persons, Male or Female."));
        var age = Cell.Text(_age, "age_band", cache: _strings);
        if (age.Length == 0) age = "All ages";
        var value = Cell.Value(_value, "value", out var marker);
        var measures = Cell.Measures(_measures);
        var note = Cell.Text(_note, "note", cache: _strings);
        if (Issues.HasErrors || period is not { } p)
            return Issues.ToRecord(null);

        var observation = new SourceObservation(Source.Line, key, indicatorName.Length > 0 ? indicatorName : key, area, areaName, p, sex, age)
        {
            Value = value,
            ValueColumn = "value",
            SuppressionMarker = marker,
            Measures = measures,
            MeasureColumns = MeasureColumns.Template,
            Note = note.Length > 0 ? note : null,
        };
        return Issues.ToRecord(Deduplicated(_seriesIds.Of((key, sex, age)), _periodIds.Of((p.Label, p.Start, p.End)), observation));
    }

    private Period? ReadPeriod()
    {
        var label = Cell.Text(_label, "period_label", required: true, _strings);
        var hasDates = _start >= 0 && !(Cells.Trim(Source[_start]).IsEmpty && Cells.Trim(Source[_end]).IsEmpty);
        if (hasDates)
        {
            var start = Date(_start, "period_start");
            var end = Date(_end, "period_end");
            if (start is null || end is null)
                return null;
            if (end < start)
            {
                Issues.Add(new ParseIssue(Source.Line, "period_end", Cells.Text(Source[_end]), IssueRules.PeriodEndBeforeStart,
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
            Issues.Add(new ParseIssue(Source.Line, "period_label", label, IssueRules.UnrecognisedPeriod,
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
                Issues.Add(new ParseIssue(Source.Line, name, Cells.ForIssue(cell), IssueRules.ImpossibleDate,
                    $"The {name} \"{Cells.ForIssue(cell)}\" is not a real date."));
                return null;
            default:
                Issues.Add(new ParseIssue(Source.Line, name, Cells.ForIssue(cell), IssueRules.UnrecognisedDate,
                    $"The {name} \"{Cells.ForIssue(cell)}\" is not a date in the form yyyy-mm-dd."));
                return null;
        }
    }
}
