using System.Globalization;

namespace MhEmployment.Web.Features.Imports.Parsing;

/// <summary>
/// MHSDS / MHMDS long CSV: one observation per row, series "mhsds:" + MEASURE_ID, area PRIMARY_LEVEL ("England"
/// becomes E92000001). Every breakdown is yielded, with SeriesFacts["breakdown"] and ["area-kind"] so the workflow
/// can skip the kinds it does not hold (providers) with one warning. Rows for an "UNKNOWN" level are not areas and
/// are skipped with one warning. ASCOF 1F numerator and denominator rows pair into one "mhsds:1F" observation.
/// </summary>
public sealed class MhsdsParser : ImportParser
{
    public override ImportFormat Format => ImportFormat.Mhsds;

    /// <summary>The columns of NHS England's MHSDS and MHMDS CSVs; others are reported as not read.</summary>
    internal static readonly string[] Columns =
    [
        "REPORTING_PERIOD_START", "REPORTING_PERIOD_END", "STATUS", "BREAKDOWN", "PRIMARY_LEVEL", "PRIMARY_LEVEL_DESCRIPTION",
        "SECONDARY_LEVEL", "SECONDARY_LEVEL_DESCRIPTION", "MEASURE_ID", "MEASURE_NAME", "MEASURE_VALUE",
    ];

    private protected override RowReader CreateRowReader(CsvSource source) => new MhsdsRows(source);
}

internal sealed class MhsdsRows(CsvSource source) : RowReader(source)
{
    /// <summary>Unpaired ASCOF halves held at most; beyond that they are reported unpaired at once.</summary>
    private const int MaxBufferedHalves = 100_000;

    private readonly Utf8Strings _strings = new();
    private readonly Utf8Cache<(DateCells.Outcome Outcome, DateOnly Date)> _dates = new(10_000);
    private readonly Dictionary<(DateOnly Start, DateOnly End), (int Id, Period Period)> _periods = [];
    private readonly Dictionary<(string Measure, string Name, string Breakdown, string Secondary), IReadOnlyDictionary<string, string>> _facts = [];
    private readonly Ids<(string Series, string Breakdown)> _seriesIds = new();
    private readonly Dictionary<(int Period, string Breakdown, string Area, string Secondary), AscofHalf> _halves = [];
    private readonly List<ParsedRecord> _unpaired = [];
    private int _start, _end, _status, _breakdown, _level, _levelName, _secondary, _secondaryName, _measure, _measureName, _value;
    private long _unknownRows, _firstUnknownLine, _unpairedCount, _firstUnpairedLine;

    private sealed record AscofHalf(bool IsNumerator, SourceObservation Observation, bool Valid);

    public override ParseIssue? Start()
    {
        _start = Header.Find("REPORTING_PERIOD_START");
        _end = Header.Find("REPORTING_PERIOD_END");
        _status = Header.Find("STATUS");
        _breakdown = Header.Find("BREAKDOWN");
        _level = Header.Find("PRIMARY_LEVEL");
        _levelName = Header.Find("PRIMARY_LEVEL_DESCRIPTION");
        _secondary = Header.Find("SECONDARY_LEVEL");
        _secondaryName = Header.Find("SECONDARY_LEVEL_DESCRIPTION");
        _measure = Header.Find("MEASURE_ID");
        _measureName = Header.Find("MEASURE_NAME");
        _value = Header.Find("MEASURE_VALUE");
        return CheckColumns("MHSDS", MhsdsParser.Columns, unknownIsError: false)
            ?? MissingColumns("MHSDS", "REPORTING_PERIOD_START", "REPORTING_PERIOD_END", "PRIMARY_LEVEL", "MEASURE_ID", "MEASURE_VALUE");
    }

    public override ParsedRecord? Read()
    {
        if (SkipsRow(out var skipped))
            return skipped;

        var line = Source.Line;
        var level = Cell.Text(_level, "PRIMARY_LEVEL", required: true, _strings);
        if (level.Equals("UNKNOWN", StringComparison.OrdinalIgnoreCase) || level.Equals("UNK", StringComparison.OrdinalIgnoreCase))
        {
            if (_unknownRows++ == 0) _firstUnknownLine = line;
            Issues.Take();
            return null;
        }
        var breakdown = Cell.Text(_breakdown, "BREAKDOWN", cache: _strings);
        var areaKind = MhsdsBreakdowns.AreaKind(breakdown);
        var areaCode = level.Equals("England", StringComparison.OrdinalIgnoreCase) ? MhsdsBreakdowns.EnglandCode : level;
        var areaName = Cell.Text(_levelName, "PRIMARY_LEVEL_DESCRIPTION", cache: _strings);
        var secondary = Cell.Text(_secondary, "SECONDARY_LEVEL", cache: _strings);
        if (secondary.Equals("NONE", StringComparison.OrdinalIgnoreCase)) secondary = "";
        var secondaryName = secondary.Length > 0 ? Cell.Text(_secondaryName, "SECONDARY_LEVEL_DESCRIPTION", cache: _strings) : "";
        var measure = Cell.Text(_measure, "MEASURE_ID", required: true, _strings);
        var measureName = Cell.Text(_measureName, "MEASURE_NAME", cache: _strings);
        var period = ReadPeriod();
        var value = Cell.Value(_value, "MEASURE_VALUE", out var marker);

        var (sex, age) = SexAndAge(breakdown, secondaryName);
        var seriesKey = "mhsds:" + measure + (secondary.Length > 0 ? "|" + secondary : "");
        var half = AscofHalfKind(measure);
        if (half is not null && value < 0)
            Issues.Add(new ParseIssue(line, "MEASURE_VALUE", value.Value.ToString(CultureInfo.InvariantCulture),
                half == true ? IssueRules.NegativeCount : IssueRules.NegativeDenominator,
                $"The ASCOF 1F {(half == true ? "numerator" : "denominator")} is negative; a count cannot be below zero."));
        if (period is not { } p || (Issues.HasErrors && half is null))
            return Issues.ToRecord(null);

        var observation = new SourceObservation(line, seriesKey, measureName.Length > 0 ? measureName : measure, areaCode, areaName, p.Period, sex, age)
        {
            Value = value,
            ValueColumn = "MEASURE_VALUE",
            SuppressionMarker = marker,
            SeriesFacts = Facts(measure, measureName, breakdown, areaKind, secondaryName),
        };
        if (half is { } isNumerator)
        {
            Pair(new AscofHalf(isNumerator, observation, !Issues.HasErrors), p.Id, breakdown, secondary);
            return Issues.ToRecord(null);
        }
        return Issues.ToRecord(Deduplicated(_seriesIds.Of((seriesKey, breakdown)), p.Id, observation));
    }

    public override IEnumerable<ParsedRecord> Finish()
    {
        foreach (var half in _halves.Values)
            Unpaired(half);
        _halves.Clear();
        foreach (var record in _unpaired)
            yield return record;
        if (_unpairedCount > 0)
            yield return Fail(new ParseIssue(_firstUnpairedLine, "MEASURE_ID", null, IssueRules.UnpairedAscof1F,
                _unpairedCount == 1
                    ? "1 ASCOF 1F numerator or denominator row had no partner for the same area and period; it was kept as a separate measure, without a combined 1F value."
                    : $"{Counted.Of(_unpairedCount, "ASCOF 1F numerator or denominator row")} had no partner for the same area and period; they were kept as separate measures, without a combined 1F value.",
                IssueSeverity.Warning));
        if (_unknownRows > 0)
            yield return Fail(new ParseIssue(_firstUnknownLine, "PRIMARY_LEVEL", "UNKNOWN", IssueRules.UnallocatedRowsSkipped,
                _unknownRows == 1
                    ? "1 row is for an UNKNOWN organisation (activity not allocated to an area); it was skipped."
                    : $"{Counted.Of(_unknownRows, "row")} are for an UNKNOWN organisation (activity not allocated to an area); they were skipped.",
                IssueSeverity.Warning));
    }

    /// <summary>true for a 1F numerator, false for its denominator, null for any other measure.</summary>
    private static bool? AscofHalfKind(string measure)
    {
        var m = measure.ToUpperInvariant().Replace("ASCOF", "", StringComparison.Ordinal).Trim('_', ' ');
        if (m is "1F_NUMERATOR" or "1F NUMERATOR" or "1FNUMERATOR") return true;
        if (m is "DENOMINATOR" or "1F_DENOMINATOR" or "1F DENOMINATOR" or "1FDENOMINATOR") return false;
        return null;
    }

    private void Pair(AscofHalf half, int periodId, string breakdown, string secondary)
    {
        var key = (periodId, breakdown, half.Observation.AreaCode, secondary);
        if (!_halves.Remove(key, out var other) || other.IsNumerator == half.IsNumerator)
        {
            if (other is not null) Unpaired(other);
            if (_halves.Count < MaxBufferedHalves) _halves[key] = half;
            else Unpaired(half);
            return;
        }
        var (numerator, denominator) = half.IsNumerator ? (half, other) : (other, half);
        if (!numerator.Valid || !denominator.Valid)
            return;
        var n = numerator.Observation;
        var d = denominator.Observation;
        var line = Math.Min(n.LineNumber, d.LineNumber);
        if (n.Value > d.Value)
            Issues.Add(new ParseIssue(n.LineNumber, "MEASURE_VALUE", n.Value.Value.ToString(CultureInfo.InvariantCulture), IssueRules.CountExceedsDenominator,
                $"The ASCOF 1F numerator ({n.Value}) is larger than its denominator ({d.Value}, line {d.LineNumber}): impossible for a proportion.",
                IssueSeverity.Warning));
        var combined = n with
        {
            LineNumber = line,
            SeriesKey = "mhsds:1F",
            SeriesName = "ASCOF 1F: adults in contact with secondary mental health services in paid employment (%)",
            Count = n.Value,
            Denominator = d.Value,
            MeasureColumns = MeasureColumns.Mhsds,
            Value = n.Value is { } num && d.Value is { } den && den > 0 ? 100 * num / den : null,
            SuppressionMarker = n.SuppressionMarker ?? d.SuppressionMarker,
            SeriesFacts = new Dictionary<string, string>(n.SeriesFacts!) { ["measure-id"] = "1F", ["value-type"] = "proportion-percent" },
        };
        Release(Issues.ToRecord(Deduplicated(_seriesIds.Of((combined.SeriesKey, breakdown)), periodId, combined)));
    }

    private void Unpaired(AscofHalf half)
    {
        if (_unpairedCount++ == 0) _firstUnpairedLine = half.Observation.LineNumber;
        if (half.Valid)
            _unpaired.Add(new ParsedRecord(half.Observation, []));
    }

    private (int Id, Period Period)? ReadPeriod()
    {
        var start = Date(_start, "REPORTING_PERIOD_START");
        var end = Date(_end, "REPORTING_PERIOD_END");
        if (start is not { } s || end is not { } e)
            return null;
        if (e < s)
        {
            Issues.Add(new ParseIssue(Source.Line, "REPORTING_PERIOD_END", Cells.Text(Source[_end]), IssueRules.PeriodEndBeforeStart,
                $"The reporting period ends ({e:dd/MM/yyyy}) before it starts ({s:dd/MM/yyyy})."));
            return null;
        }
        if (!_periods.TryGetValue((s, e), out var period))
            _periods[(s, e)] = period = (_periods.Count, new Period(Label(s, e), s, e));
        return period;
    }

    /// <summary>"Sep 2024" for a calendar month, "Jul 2024-Sep 2024" for whole months, else the dates.</summary>
    private static string Label(DateOnly start, DateOnly end)
    {
        var wholeMonths = start.Day == 1 && end.AddDays(1).Day == 1;
        if (!wholeMonths)
            return string.Create(CultureInfo.InvariantCulture, $"{start:dd/MM/yyyy}-{end:dd/MM/yyyy}");
        return start.Year == end.Year && start.Month == end.Month
            ? start.ToString("MMM yyyy", CultureInfo.InvariantCulture)
            : string.Create(CultureInfo.InvariantCulture, $"{start:MMM yyyy}-{end:MMM yyyy}");
    }

    private DateOnly? Date(int column, string name)
    {
        var cell = Source[column];
        if (!_dates.TryGet(cell, out var parsed))
        {
            parsed.Outcome = DateCells.TryParse(cell, out parsed.Date);
            _dates.Add(cell, parsed);
        }
        if (parsed.Outcome == DateCells.Outcome.Ok)
            return parsed.Date;
        var shown = Cells.ForIssue(Cells.Trim(cell));
        Issues.Add(parsed.Outcome == DateCells.Outcome.Impossible
            ? new ParseIssue(Source.Line, name, shown, IssueRules.ImpossibleDate, $"The {name} \"{shown}\" is not a real date.")
            : new ParseIssue(Source.Line, name, shown, IssueRules.UnrecognisedDate, $"The {name} \"{shown}\" is not a date in the form dd/mm/yyyy or yyyy-mm-dd."));
        return null;
    }

    /// <summary>A secondary breakdown by age or gender says the row's age band or sex; otherwise all persons, all ages.</summary>
    private static (string Sex, string Age) SexAndAge(string breakdown, string secondaryName)
    {
        if (secondaryName.Length == 0)
            return (SexNames.Persons, "All ages");
        var secondaryPart = breakdown.Contains(';', StringComparison.Ordinal) ? breakdown[(breakdown.IndexOf(';', StringComparison.Ordinal) + 1)..] : "";
        if (secondaryPart.Contains("Age", StringComparison.OrdinalIgnoreCase))
            return (SexNames.Persons, secondaryName);
        if ((secondaryPart.Contains("Gender", StringComparison.OrdinalIgnoreCase) || secondaryPart.Contains("Sex", StringComparison.OrdinalIgnoreCase)) &&
            SexNames.TryNormalise(secondaryName, out var sex))
            return (sex, "All ages");
        return (SexNames.Persons, "All ages");
    }

    private IReadOnlyDictionary<string, string> Facts(string measure, string measureName, string breakdown, string areaKind, string secondaryName)
    {
        var key = (measure, measureName, breakdown, secondaryName);
        if (_facts.TryGetValue(key, out var facts))
            return facts;
        var map = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["measure-id"] = measure,
            ["measure-name"] = measureName,
            ["breakdown"] = breakdown,
            ["area-kind"] = areaKind,
        };
        if (secondaryName.Length > 0)
            map["secondary-level"] = secondaryName;
        _facts[key] = map;
        return map;
    }
}
