namespace MhEmployment.Web.Features.Imports.Parsing;

/// <summary>
/// Fingertips "data download" CSV: the 26-column layout, the newer 27-column one ("Column not used", "Time period
/// range") and user-renamed headers ("IndicatorID", "Lower_CI_95.0_limit"). One observation per area row;
/// category rows (IMD deciles and the like) are not area values and are skipped with one warning.
/// </summary>
public sealed class FingertipsParser : ImportParser
{
    public override ImportFormat Format => ImportFormat.Fingertips;

    /// <summary>
    /// The columns of Fingertips' data downloads, old and new layouts; others are reported as not read, as Fingertips
    /// adds columns from time to time ("Compared to &lt;parent&gt; value or percentiles" varies with the area type).
    /// </summary>
    internal static readonly string[] Columns =
    [
        "Indicator ID", "Indicator Name", "Parent Code", "Parent Name", "Area Code", "Area Name", "Area Type", "Sex", "Age",
        "Category Type", "Category", "Time period", "Value", .. MeasureColumns.Fingertips.AllNames, "Value note", "Recent Trend",
        "Column not used", "Time period Sortable", "New data", "Compared to goal", "Time period range",
    ];

    internal static bool IsComparisonColumn(string header) =>
        HeaderNames.Normalise(header).StartsWith("comparedto", StringComparison.Ordinal);

    private protected override RowReader CreateRowReader(CsvSource source) => new FingertipsRows(source);
}

internal sealed class FingertipsRows(CsvSource source) : RowReader(source)
{
    private static readonly double[] Multipliers = [100, 1000, 10_000, 100_000, 1];

    private readonly Utf8Strings _strings = new();
    private readonly Dictionary<string, Period?> _periods = [];
    private readonly Dictionary<(string Id, string Name, string Sex, string Age, double Multiplier), IReadOnlyDictionary<string, string>> _facts = [];
    private readonly Utf8Cache<string> _names = new(10_000);
    private readonly Ids<(string Id, string Sex, string Age)> _seriesIds = new();
    private readonly Ids<string> _periodIds = new();
    private MeasureCells _measures = null!;
    private int _id, _name, _areaCode, _areaName, _sex, _age, _categoryType, _period, _sortable, _value, _note, _compared;
    private long _categoryRows, _firstCategoryLine;

    public override ParseIssue? Start()
    {
        _id = Header.Find("Indicator ID");
        _name = Header.Find("Indicator Name");
        _areaCode = Header.Find("Area Code");
        _areaName = Header.Find("Area Name");
        _sex = Header.Find("Sex");
        _age = Header.Find("Age");
        _categoryType = Header.Find("Category Type");
        _period = Header.Find("Time period");
        _sortable = Header.Find("Time period Sortable");
        _value = Header.Find("Value");
        _note = Header.Find("Value note");
        _compared = Header.Find("Compared to England value or percentiles");
        _measures = MeasureCells.In(Header, MeasureColumns.Fingertips);
        return CheckColumns("Fingertips", FingertipsParser.Columns, unknownIsError: false, FingertipsParser.IsComparisonColumn)
            ?? MissingColumns("Fingertips", "Indicator ID", "Area Code", "Time period", "Value");
    }

    public override ParsedRecord? Read()
    {
        // Fingertips exports leave off the last (empty) "Compared to goal" field on every row.
        if (SkipsRow(out var skipped, missingTrailingAllowed: 1))
            return skipped;
        if (_categoryType >= 0 && !Cells.Trim(Source[_categoryType]).IsEmpty)
        {
            if (_categoryRows++ == 0)
                _firstCategoryLine = Source.Line;
            return null;
        }

        var id = Cell.Text(_id, "Indicator ID", required: true, _strings);
        var areaCode = Cell.Text(_areaCode, "Area Code", required: true, _strings);
        var areaName = Cell.Text(_areaName, "Area Name", cache: _strings);
        var sexLabel = Cell.Text(_sex, "Sex", cache: _strings);
        if (!SexNames.TryNormalise(sexLabel, out var sex))
            Issues.Add(new ParseIssue(Source.Line, "Sex", sexLabel, IssueRules.UnrecognisedSex, $"The sex \"{sexLabel}\" is not Persons, Male or Female."));
        var age = Cell.Text(_age, "Age", cache: _strings);
        if (age.Length == 0) age = "All ages";
        var period = ReadPeriod();
        var name = IndicatorName(id);

        var value = Cell.Value(_value, "Value", out var marker);
        var measures = Cell.Measures(_measures);
        var note = Cell.Text(_note, "Value note", cache: _strings);
        var compared = Cell.Text(_compared, "Compared to England value or percentiles", cache: _strings);
        if (Issues.HasErrors || period is not { } p)
            return Issues.ToRecord(null);

        var observation = new SourceObservation(Source.Line, "fingertips:" + id, name, areaCode, areaName, p, sex, age)
        {
            Value = value,
            ValueColumn = "Value",
            SuppressionMarker = marker,
            Measures = measures,
            MeasureColumns = MeasureColumns.Fingertips,
            Note = note.Length > 0 ? note : null,
            PublishedComparison = compared.Length > 0 ? compared : null,
            SeriesFacts = Facts(id, name, sex, age, Multiplier(value, measures.Count, measures.Denominator)),
        };
        return Issues.ToRecord(Deduplicated(_seriesIds.Of((id, sex, age)), _periodIds.Of(p.Label), observation));
    }

    public override IEnumerable<ParsedRecord> Finish()
    {
        if (_categoryRows > 0)
            yield return new ParsedRecord(null, [new ParseIssue(_firstCategoryLine, "Category Type", null, IssueRules.CategoryRowsSkipped,
                _categoryRows == 1
                    ? "1 row breaks an area down by a category (such as deprivation deciles) rather than giving its value; it was skipped."
                    : $"{Counted.Of(_categoryRows, "row")} break areas down by a category (such as deprivation deciles) rather than giving an area's value; they were skipped.",
                IssueSeverity.Warning)]);
    }

    private Period? ReadPeriod()
    {
        var label = Cell.Text(_period, "Time period", required: true, _strings);
        if (label.Length == 0)
            return null;
        if (!_periods.TryGetValue(label, out var period))
        {
            period = PeriodParser.TryParse(label, out var parsed) ? parsed : FromSortable(label);
            _periods[label] = period;
        }
        if (period is null)
            Issues.Add(new ParseIssue(Source.Line, "Time period", label, IssueRules.UnrecognisedPeriod,
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
        Cell.CheckFormula(name, "Indicator Name");
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
