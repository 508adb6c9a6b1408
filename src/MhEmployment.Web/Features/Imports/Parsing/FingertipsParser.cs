namespace MhEmployment.Web.Features.Imports.Parsing;

/// <summary>
/// Fingertips "data download" CSV: the 26-column layout, the newer 27-column one ("Column not used", "Time period
/// range") and user-renamed headers ("IndicatorID", "Lower_CI_95.0_limit"). One observation per area row;
/// category rows (IMD deciles and the like) are not area values and are skipped with one warning.
/// </summary>
public sealed class FingertipsParser : ImportParser
{
    public override ImportFormat Format => ImportFormat.Fingertips;

    private protected override RowReader CreateRowReader(CsvSource source) => new FingertipsRows(source);
}

internal sealed class FingertipsRows(CsvSource source) : RowReader(source)
{
    private static readonly double[] Multipliers = [100, 1000, 10_000, 100_000, 1];

    private readonly RowIssues _issues = new();
    private readonly Utf8Strings _strings = new();
    private readonly Dictionary<string, Period?> _periods = [];
    private readonly Dictionary<(string Id, string Name, string Sex, string Age, double Multiplier), IReadOnlyDictionary<string, string>> _facts = [];
    private readonly Utf8Cache<string> _names = new(10_000);
    private readonly Ids<(string Id, string Sex, string Age)> _seriesIds = new();
    private readonly Ids<string> _periodIds = new();
    private CellReader _cells = null!;
    private HeaderNames _header = null!;
    private int _id, _name, _areaCode, _areaName, _sex, _age, _categoryType, _period, _sortable, _value;
    private int _lower95, _upper95, _lower998, _upper998, _count, _denominator, _note, _compared;
    private long _categoryRows, _firstCategoryLine;

    public override ParseIssue? Start()
    {
        _header = new HeaderNames(Source.Headers);
        _cells = new CellReader(Source, _issues);
        _id = _header.Find("Indicator ID");
        _name = _header.Find("Indicator Name");
        _areaCode = _header.Find("Area Code");
        _areaName = _header.Find("Area Name");
        _sex = _header.Find("Sex");
        _age = _header.Find("Age");
        _categoryType = _header.Find("Category Type");
        _period = _header.Find("Time period");
        _sortable = _header.Find("Time period Sortable");
        _value = _header.Find("Value");
        _lower95 = _header.Find("Lower CI 95.0 limit", "Lower CI 95 limit");
        _upper95 = _header.Find("Upper CI 95.0 limit", "Upper CI 95 limit");
        _lower998 = _header.Find("Lower CI 99.8 limit");
        _upper998 = _header.Find("Upper CI 99.8 limit");
        _count = _header.Find("Count");
        _denominator = _header.Find("Denominator");
        _note = _header.Find("Value note");
        _compared = _header.Find("Compared to England value or percentiles");
        return _id < 0 || _areaCode < 0 || _period < 0 || _value < 0
            ? MissingColumns(_header, "Fingertips", "Indicator ID", "Area Code", "Time period", "Value")
            : null;
    }

    public override ParsedRecord? Read()
    {
        if (Source.IsBlankRecord())
            return null;
        DataRows++;
        // Fingertips exports leave off the last (empty) "Compared to goal" field on every row.
        if (CheckFieldCount(_header.Count, missingTrailingAllowed: 1) is { } ragged)
            return Fail(ragged);
        if (_categoryType >= 0 && !Cells.Trim(Source[_categoryType]).IsEmpty)
        {
            if (_categoryRows++ == 0)
                _firstCategoryLine = Source.Line;
            return null;
        }

        var line = Source.Line;
        var id = _cells.Text(_id, "Indicator ID", required: true, _strings);
        var areaCode = _cells.Text(_areaCode, "Area Code", required: true, _strings);
        var areaName = _cells.Text(_areaName, "Area Name", cache: _strings);
        var sexLabel = _cells.Text(_sex, "Sex", cache: _strings);
        if (!SexNames.TryNormalise(sexLabel, out var sex))
            _issues.Add(new ParseIssue(line, "Sex", sexLabel, IssueRules.UnrecognisedSex, $"The sex \"{sexLabel}\" is not Persons, Male or Female."));
        var age = _cells.Text(_age, "Age", cache: _strings);
        if (age.Length == 0) age = "All ages";
        var period = ReadPeriod();
        var name = IndicatorName(id);

        var value = _cells.Value(_value, "Value", out var marker);
        var count = _cells.Optional(_count, "Count", mustNotBeNegative: true);
        var denominator = _cells.Optional(_denominator, "Denominator", mustNotBeNegative: true);
        _cells.CheckCountWithinDenominator(count, denominator, "Count");
        var note = _cells.Text(_note, "Value note", cache: _strings);
        var compared = _cells.Text(_compared, "Compared to England value or percentiles", cache: _strings);
        var lower95 = _cells.Optional(_lower95, "Lower CI 95.0 limit");
        var upper95 = _cells.Optional(_upper95, "Upper CI 95.0 limit");
        var lower998 = _cells.Optional(_lower998, "Lower CI 99.8 limit");
        var upper998 = _cells.Optional(_upper998, "Upper CI 99.8 limit");

        if (_issues.HasErrors || period is null)
            return _issues.ToRecord(null);

        var observation = new SourceObservation
        {
            LineNumber = line,
            SeriesKey = "fingertips:" + id,
            SeriesName = name,
            AreaCode = areaCode,
            AreaName = areaName.Length > 0 ? areaName : null,
            PeriodLabel = period.Value.Label,
            PeriodStart = period.Value.Start,
            PeriodEnd = period.Value.End,
            Sex = sex,
            AgeBand = age,
            Value = value,
            ValueColumn = "Value",
            Count = count,
            Denominator = denominator,
            Lower95 = lower95,
            Upper95 = upper95,
            Lower998 = lower998,
            Upper998 = upper998,
            SuppressionMarker = marker,
            Note = note.Length > 0 ? note : null,
            PublishedComparison = compared.Length > 0 ? compared : null,
            SeriesFacts = Facts(id, name, sex, age, Multiplier(value, count, denominator)),
        };
        var series = _seriesIds.Of((id, sex, age));
        switch (Duplicates.Check(series, _periodIds.Of(period.Value.Label), areaCode, observation, out var firstLine))
        {
            case DuplicateKeys.Outcome.Repeat:
                return _issues.ToRecord(null);
            case DuplicateKeys.Outcome.Conflict:
                _issues.Add(new ParseIssue(line, "Value", Cells.ForIssue(Source[_value]), IssueRules.DuplicateKeyConflict,
                    $"Indicator {id} for {areaCode}, {period.Value.Label}, {sex}, {age} is also on line {firstLine} with a different value."));
                break;
        }
        return _issues.ToRecord(observation);
    }

    public override IEnumerable<ParsedRecord> Finish()
    {
        if (_categoryRows > 0)
            yield return new ParsedRecord(null, [new ParseIssue(_firstCategoryLine, "Category Type", null, IssueRules.CategoryRowsSkipped,
                $"{_categoryRows} rows break areas down by a category (such as deprivation deciles) rather than giving an area's value; they were skipped.",
                IssueSeverity.Warning)]);
    }

    private Period? ReadPeriod()
    {
        var label = _cells.Text(_period, "Time period", required: true, _strings);
        if (label.Length == 0)
            return null;
        if (!_periods.TryGetValue(label, out var period))
        {
            period = PeriodParser.TryParse(label, out var parsed) ? parsed : FromSortable(label);
            _periods[label] = period;
        }
        if (period is null)
            _issues.Add(new ParseIssue(Source.Line, "Time period", label, IssueRules.UnrecognisedPeriod,
                $"The time period \"{label}\" is not one the importer understands (such as 2019, 2019/20, 2015 - 17 or 2019/20 Q1)."));
        return period;
    }

    /// <summary>"Time period Sortable" is yyyy then four digits (20150000): at least the year is certain.</summary>
    private Period? FromSortable(string label)
    {
        if (_sortable < 0)
            return null;
        var sortable = Source[_sortable];
        if (sortable.Length != 8 || !int.TryParse(sortable[..4], out var year) || year is < 1900 or > 2200)
            return null;
        return new Period(label, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
    }

    /// <summary>Fingertips names can end with a space or a quoted line break: trimmed, breaks made spaces.</summary>
    private string IndicatorName(string id)
    {
        if (_name < 0)
            return "Fingertips indicator " + id;
        var cell = Source[_name];
        if (_names.TryGet(cell, out var name))
            return name;
        name = string.Join(' ', Cells.Text(cell).Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        _cells.CheckFormula(name, "Indicator Name");
        _names.Add(cell, name);
        return name.Length > 0 ? name : "Fingertips indicator " + id;
    }

    /// <summary>value ≈ count / denominator × m: 100 means a percentage, 1,000 or 100,000 a crude rate. 0 when unknown.</summary>
    private static double Multiplier(double? value, double? count, double? denominator)
    {
        if (value is not { } v || count is not { } c || denominator is not { } d || c <= 0 || d <= 0 || v <= 0)
            return 0;
        var ratio = v / (c / d);
        foreach (var m in Multipliers)
            if (Math.Abs(ratio - m) <= m * 0.005)
                return m;
        return 0;
    }

    private IReadOnlyDictionary<string, string> Facts(string id, string name, string sex, string age, double multiplier)
    {
        var key = (id, name, sex, age, multiplier);
        if (_facts.TryGetValue(key, out var facts))
            return facts;
        var map = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["indicator-id"] = id,
            ["indicator-name"] = name,
            ["sex"] = sex,
            ["age"] = age,
        };
        if (multiplier > 0)
        {
            map["value-multiplier"] = multiplier.ToString(System.Globalization.CultureInfo.InvariantCulture);
            map["value-type"] = multiplier switch
            {
                1 => "proportion",
                100 => "proportion-percent",
                _ => "crude-rate",
            };
        }
        _facts[key] = map;
        return map;
    }
}
