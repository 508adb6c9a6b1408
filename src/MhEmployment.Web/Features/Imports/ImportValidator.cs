using System.Globalization;
using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Imports.Parsing;

namespace MhEmployment.Web.Features.Imports;

/// <summary>
/// Checks parsed observations against the catalogue and the areas, and turns the good ones into staged rows.
/// Per-row problems go to the issue log; warnings about many rows at once (suppressed values, skipped providers,
/// historical areas, small counts) are counted into one note each. Enumerating <see cref="Validate"/> does the work.
/// </summary>
public sealed class ImportValidator(ReferenceData reference, IReadOnlyDictionary<string, string> choices, IssueLog issues)
{
    public const string Skip = "skip";
    public const string New = "new";
    public const string AnySeries = "*";

    // Rules whose warnings are counted rather than listed row by row.
    private static readonly HashSet<string> AggregatedRules = new(StringComparer.Ordinal) { "suppressed", "category-row", "duplicate-row" };

    private readonly Dictionary<string, Series> _series = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Message, long Rows)> _notes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _areas = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _unresolvedAreas = new(StringComparer.Ordinal);
    private readonly Dictionary<SeriesSummary, int> _unresolvedIds = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<(Sex, string), int> _sexAges = [];
    private readonly Dictionary<(int Indicator, int Start, int End), int> _seriesPeriods = [];
    private readonly ValueKeys _keys = new();
    private (Sex Sex, string Age, int Id) _lastSexAge = (default, "", -1);
    private (int Indicator, int Start, int End, int Id) _lastSeriesPeriod = (0, 0, 0, -1);
    private (Dictionary<string, int>? Areas, string Code, int Id) _lastArea = (null, "", -1);
    private (string? Raw, string Code) _lastCurrentArea = (null, "");
    private (string Text, Sex Sex, bool Known) _lastSex = ("", default, false);
    private DateOnly? _lastPeriod;
    private Series? _lastSeries;
    private int _newIndicators;
    private readonly HashSet<string> _historical = new(StringComparer.Ordinal);
    private readonly SortedDictionary<DateOnly, string> _periods = [];
    private long _skipped;
    private long _unmapped;

    public ImportSummary Summary()
    {
        var summary = new ImportSummary
        {
            AreaCount = _areas.Count,
            PeriodCount = _periods.Count,
            SkippedRows = _skipped,
            UnmappedRows = _unmapped,
        };
        summary.Series.AddRange(_series.Values.Select(s => s.Summary));
        summary.HistoricalAreas.AddRange(_historical.Order(StringComparer.Ordinal));
        summary.Periods.AddRange(_periods.Values.Take(100));
        summary.Notes.AddRange(_notes.Select(n => new AggregateNote(n.Key.Split('|')[0], n.Value.Message, n.Value.Rows)));
        return summary;
    }

    public IEnumerable<StagedValue> Validate(IEnumerable<ParsedRecord> records)
    {
        foreach (var record in records)
        {
            foreach (var issue in record.Issues)
            {
                Report(issue);
            }
            if (record.Observation is { } observation && Check(observation) is { } staged)
            {
                yield return staged;
            }
        }
    }

    private void Report(ParseIssue issue)
    {
        if (issue.Severity == IssueSeverity.Warning && AggregatedRules.Contains(issue.Rule))
        {
            Note(issue.Rule, issue.Rule switch
            {
                "suppressed" => "Suppressed or missing values, kept as suppressed (never as zero)",
                "category-row" => "Rows for categories such as deprivation deciles, not areas: skipped",
                _ => DuplicateRowNote,
            });
            return;
        }
        // A count above its denominator is an error only for a proportion: the validator decides, with the indicator known.
        if (issue.Rule != "count-exceeds-denominator")
        {
            issues.Add(issue);
        }
    }

    private StagedValue? Check(SourceObservation o)
    {
        var current = SeriesFor(o);
        var series = current.Summary;
        series.Rows++;
        switch (series.Resolution)
        {
            case SeriesResolution.Skipped:
                _skipped++;
                return null;
            case SeriesResolution.Unmapped:
                _unmapped++;
                CheckUnresolvedKey(series, o);
                return null;
            case SeriesResolution.UnknownIndicator:
                issues.Add(new ParseIssue(o.LineNumber, "indicator_key", series.Key, "unknown-indicator",
                    $"'{series.Key}' is not an indicator key in the catalogue. Use a key from the indicator catalogue, or add the indicator first."));
                CheckUnresolvedKey(series, o);
                return null;
        }

        var areaCode = AreaCodeFor(o);
        if (areaCode is null)
        {
            return null;
        }
        if (!string.Equals(o.Sex, _lastSex.Text, StringComparison.Ordinal))
        {
            var known = TryParseSex(o.Sex, out var parsed);
            _lastSex = (o.Sex, parsed, known);
        }
        var sex = _lastSex.Sex;
        if (!_lastSex.Known)
        {
            issues.Add(new ParseIssue(o.LineNumber, "sex", o.Sex, "unknown-sex", $"'{o.Sex}' is not a sex this app records; use Persons, Male or Female."));
            return null;
        }

        var indicator = current.Indicator;
        if (o.Count is { } count && o.Denominator is { } denominator && count > denominator)
        {
            var proportion = indicator?.ValueType == IndicatorValueType.Proportion || (indicator is null && series.InferredMultiplier == 100);
            issues.Add(new ParseIssue(o.LineNumber, o.MeasureColumns?.Count ?? "count", count.ToString(CultureInfo.InvariantCulture), "count-exceeds-denominator",
                $"The count {count:G} is larger than its denominator {denominator:G}" +
                (proportion ? ", which a proportion cannot be." : "; for a rate this is possible but worth checking."),
                proportion ? IssueSeverity.Error : IssueSeverity.Warning));
            if (proportion)
            {
                return null;
            }
        }
        if (!IsInRange(o, current.Range))
        {
            return null;
        }
        if (o.Count is > 0 and < 5)
        {
            Note("small-count", "Counts below 5: their intervals are wide, and the figures may need suppressing before publication");
        }

        var staged = ToStaged(o, indicator?.Id ?? series.PlaceholderId!.Value, areaCode, sex);
        if (!IsFirstWithKey(staged, o.ValueColumn, _areas))
        {
            return null;
        }
        Observe(series, o);
        if (o.PeriodStart != _lastPeriod)
        {
            _periods.TryAdd(o.PeriodStart, o.PeriodLabel);
            _lastPeriod = o.PeriodStart;
        }
        return staged;
    }

    /// <summary>
    /// One value per indicator, area, period, sex and age band, checked after mapping (two series or two spellings of
    /// an area can land on the same key): an exact repeat is read once, a different value is an error naming both lines.
    /// Held in memory as one packed 64-bit id, a fingerprint and a line per key (see <see cref="ValueKeys"/>), so the database never sorts the file.
    /// </summary>
    private bool IsFirstWithKey(StagedValue v, string? valueColumn, Dictionary<string, int> areas)
    {
        // Files hold runs of rows for one area, one period and one sex and age: each id is looked up once a run.
        if (!ReferenceEquals(areas, _lastArea.Areas) || !string.Equals(v.AreaCode, _lastArea.Code, StringComparison.Ordinal))
        {
            if (!areas.TryGetValue(v.AreaCode, out var id))
            {
                areas.Add(v.AreaCode, id = areas.Count);
            }
            _lastArea = (areas, v.AreaCode, id);
        }
        if (v.Sex != _lastSexAge.Sex || !ReferenceEquals(v.AgeBand, _lastSexAge.Age))
        {
            if (!_sexAges.TryGetValue((v.Sex, v.AgeBand), out var id))
            {
                _sexAges.Add((v.Sex, v.AgeBand), id = _sexAges.Count);
            }
            _lastSexAge = (v.Sex, v.AgeBand, id);
        }
        var (start, end) = (v.PeriodStart.DayNumber, v.PeriodEnd.DayNumber);
        if (v.IndicatorId != _lastSeriesPeriod.Indicator || start != _lastSeriesPeriod.Start || end != _lastSeriesPeriod.End || _lastSeriesPeriod.Id < 0)
        {
            if (!_seriesPeriods.TryGetValue((v.IndicatorId, start, end), out var id))
            {
                _seriesPeriods.Add((v.IndicatorId, start, end), id = _seriesPeriods.Count);
            }
            _lastSeriesPeriod = (v.IndicatorId, start, end, id);
        }
        var key = new ValueKeys.Key(_lastSeriesPeriod.Id, _lastArea.Id, _lastSexAge.Id);
        var fingerprint = Fingerprint(v);
        if (_keys.TryAdd(key, fingerprint, (int)Math.Min(v.LineNumber, int.MaxValue), out var first))
        {
            return true;
        }
        if (first.Fingerprint == fingerprint)
        {
            Note("duplicate-row", DuplicateRowNote);
            return false;
        }
        issues.Add(new ParseIssue(v.LineNumber, valueColumn, ValueText(v), IssueRules.DuplicateKeyConflict,
            $"Lines {first.Line} and {v.LineNumber} give different values for the same indicator, area ({v.AreaCode}), period ({v.PeriodStart:yyyy-MM-dd} to {v.PeriodEnd:yyyy-MM-dd}), sex and age."));
        return false;
    }

    /// <summary>
    /// Rows of a series not matched to the catalogue (yet) are not staged, but the file must still not give one key two
    /// values: checked under a stand-in indicator id per series and the area code as written.
    /// </summary>
    private void CheckUnresolvedKey(SeriesSummary series, SourceObservation o)
    {
        if (!TryParseSex(o.Sex, out var sex))
        {
            return;
        }
        if (!_unresolvedIds.TryGetValue(series, out var standIn))
        {
            _unresolvedIds.Add(series, standIn = int.MinValue + _unresolvedIds.Count);
        }
        IsFirstWithKey(ToStaged(o, standIn, o.AreaCode.Trim().ToUpperInvariant(), sex), o.ValueColumn, _unresolvedAreas);
    }

    private static StagedValue ToStaged(SourceObservation o, int indicatorId, string areaCode, Sex sex) => new()
    {
        LineNumber = o.LineNumber,
        IndicatorId = indicatorId,
        AreaCode = areaCode,
        PeriodStart = o.PeriodStart,
        PeriodEnd = o.PeriodEnd,
        PeriodLabel = Truncate(o.PeriodLabel, 100),
        Sex = sex,
        AgeBand = Truncate(o.AgeBand, 50),
        Value = o.Value,
        Count = o.Count,
        Denominator = o.Denominator,
        Lower95 = o.Lower95,
        Upper95 = o.Upper95,
        Lower998 = o.Lower998,
        Upper998 = o.Upper998,
        Note = TruncateOrNull(o.SuppressionMarker is { } marker ? $"Suppressed ({(marker.Length == 0 ? "blank" : marker)})" + (o.Note is null ? "" : "; " + o.Note) : o.Note, 500),
    };

    private static string ValueText(StagedValue v) =>
        v.Value is { } value ? value.ToString("G", CultureInfo.InvariantCulture) : v.Note ?? "";

    private static int Fingerprint(StagedValue v)
    {
        var hash = new HashCode();
        hash.Add(v.Value);
        hash.Add(v.Count);
        hash.Add(v.Denominator);
        hash.Add(v.Lower95);
        hash.Add(v.Upper95);
        hash.Add(v.Lower998);
        hash.Add(v.Upper998);
        hash.Add(v.Note, StringComparer.Ordinal);
        hash.Add(v.PeriodLabel, StringComparer.Ordinal);
        return hash.ToHashCode();
    }

    private string? AreaCodeFor(SourceObservation o)
    {
        // Runs of rows for one current area resolve it once. Other rows are looked at one by one: their notes count rows.
        if (string.Equals(o.AreaCode, _lastCurrentArea.Raw, StringComparison.Ordinal))
        {
            return _lastCurrentArea.Code;
        }
        var resolved = ResolveAreaCode(o);
        if (resolved is not null && reference.AreasByCode[resolved].ValidTo is null)
        {
            _lastCurrentArea = (o.AreaCode, resolved);
        }
        return resolved;
    }

    private string? ResolveAreaCode(SourceObservation o)
    {
        var code = o.AreaCode.Trim().ToUpperInvariant();
        if (reference.AreasByCode.TryGetValue(code, out var area) || (reference.CodeByOds.TryGetValue(code, out var mapped) && reference.AreasByCode.TryGetValue(mapped, out area)))
        {
            if (area.ValidTo is { } ended && _historical.Add(area.Code))
            {
                Note("historical-area|" + area.Code, HistoricalAreaNote(area, ended));
            }
            else if (area.ValidTo is not null)
            {
                Note("historical-area|" + area.Code, "");
            }
            return area.Code;
        }
        var breakdown = o.SeriesFacts?.GetValueOrDefault("breakdown");
        if (breakdown is not null && !IsAreaBreakdown(breakdown))
        {
            _skipped++;
            Note("breakdown-skipped|" + breakdown, $"Rows of the '{breakdown}' breakdown: skipped, as the app holds areas (England, regions, councils, ICBs), not these");
            return null;
        }
        if (code is "UNKNOWN" or "")
        {
            _skipped++;
            Note("unknown-level", "Rows that give no area (UNKNOWN): skipped");
            return null;
        }
        if (AreaCodes.LooksLikeGssCode(code) && AreaCodes.KindOf(code) is null)
        {
            _skipped++;
            Note("area-kind-skipped|" + code[..3], $"Rows for {code[..3]}… areas, a kind of geography the app does not hold: skipped");
            return null;
        }
        issues.Add(new ParseIssue(o.LineNumber, "area", o.AreaCode, "unknown-area",
            AreaCodes.LooksLikeGssCode(code)
                ? $"'{o.AreaCode}' is not a known {AreaKindText(code)} code; check it against the ONS code list (abolished areas are known too)."
                : $"'{o.AreaCode}' is not a GSS or ODS area code the app knows."));
        return null;
    }

    private static bool IsAreaBreakdown(string breakdown) =>
        breakdown.Contains("England", StringComparison.OrdinalIgnoreCase) || breakdown.Contains("ICB", StringComparison.OrdinalIgnoreCase)
        || breakdown.Contains("Region", StringComparison.OrdinalIgnoreCase) || breakdown.Contains("CASSR", StringComparison.OrdinalIgnoreCase)
        || breakdown.Contains("Local Authority", StringComparison.OrdinalIgnoreCase) || breakdown.Contains("Council", StringComparison.OrdinalIgnoreCase);

    private static string AreaKindText(string code) => AreaCodes.KindOf(code) is { } kind ? Areas.AreaKindNames.Singular(kind).ToLowerInvariant() : "area";

    /// <summary>The row's series, its indicator and the range of its values, looked up once a run of rows of one series.</summary>
    private Series SeriesFor(SourceObservation o)
    {
        if (_lastSeries is not null && string.Equals(o.SeriesKey, _lastSeries.Summary.Key, StringComparison.Ordinal))
        {
            return _lastSeries;
        }
        if (!_series.TryGetValue(o.SeriesKey, out var series))
        {
            var summary = new SeriesSummary { Key = o.SeriesKey, Name = o.SeriesName, Facts = o.SeriesFacts is null ? [] : new(o.SeriesFacts) };
            var indicator = Resolve(summary);
            series = new Series(summary, indicator, indicator is null ? ValueRange.Any : ValueRange.For(indicator));
            _series.Add(o.SeriesKey, series);
            if (summary.Resolution == SeriesResolution.New && ++_newIndicators == NewIndicatorLimits.Max + 1)
            {
                issues.Add(new ParseIssue(o.LineNumber, null, summary.Key, IssueRules.TooManyNewIndicators,
                    $"This file would add more than {NewIndicatorLimits.Max} indicators to the catalogue ('{summary.Name}' here is number {NewIndicatorLimits.Max + 1}); " +
                    $"one file may add at most {NewIndicatorLimits.Max}. Check that it is the file you meant; keep only the indicators you need, " +
                    "or add them to the catalogue first, then upload it again."));
            }
        }
        return _lastSeries = series;
    }

    /// <summary>A series of the file with the catalogue indicator it goes to (null for any other outcome) and the range of its values.</summary>
    private sealed record Series(SeriesSummary Summary, Indicator? Indicator, ValueRange Range);

    /// <summary>
    /// The value and any confidence limits lie in the indicator's range (a percentage within 0 to 100, a count or rate
    /// not negative); each one outside is an error on its own column.
    /// </summary>
    private bool IsInRange(SourceObservation o, ValueRange range)
    {
        var inRange = true;
        if (o.Value is { } value && !range.Contains(value))
        {
            OutOfRange(o, o.ValueColumn ?? "value", "value", value, range);
            inRange = false;
        }
        if (o.Lower95 is null && o.Upper95 is null && o.Lower998 is null && o.Upper998 is null)
        {
            return inRange;
        }
        var columns = o.MeasureColumns;
        inRange &= LimitInRange(o, o.Lower95, columns?.Lower95 ?? "lower 95% limit", range);
        inRange &= LimitInRange(o, o.Upper95, columns?.Upper95 ?? "upper 95% limit", range);
        inRange &= LimitInRange(o, o.Lower998, columns?.Lower998 ?? "lower 99.8% limit", range);
        inRange &= LimitInRange(o, o.Upper998, columns?.Upper998 ?? "upper 99.8% limit", range);
        return inRange;
    }

    private bool LimitInRange(SourceObservation o, double? limit, string column, ValueRange range)
    {
        if (limit is not { } l || range.Contains(l))
        {
            return true;
        }
        OutOfRange(o, column, "confidence limit", l, range);
        return false;
    }

    private void OutOfRange(SourceObservation o, string column, string what, double value, ValueRange range)
    {
        var text = value.ToString("G", CultureInfo.InvariantCulture);
        issues.Add(new ParseIssue(o.LineNumber, column, text, IssueRules.ValueOutOfRange,
            $"The {what} {text} ({column}) is not possible here: it must be {range.Describes}."));
    }

    /// <summary>Decides what the series goes to; the catalogue indicator, or null for any other outcome.</summary>
    private Indicator? Resolve(SeriesSummary series)
    {
        Indicator? indicator = null;
        // "*" is the choice for every series the mapping does not name, for scripts that load one kind of file.
        if (choices.TryGetValue(series.Key, out var choice) || (SeriesKeys.NeedsAnalystMapping(series.Key) && choices.TryGetValue(AnySeries, out choice)))
        {
            if (choice == Skip)
            {
                series.Resolution = SeriesResolution.Skipped;
                return null;
            }
            if (choice == New)
            {
                MarkNew(series);
                return null;
            }
            reference.IndicatorsByKey.TryGetValue(choice, out indicator);
        }
        if (indicator is null && reference.RememberedMappings.TryGetValue(series.Key, out var remembered))
        {
            reference.IndicatorsById.TryGetValue(remembered, out indicator);
        }
        if (indicator is null && SeriesKeys.FingertipsId(series.Key) is { } fingertipsId)
        {
            reference.IndicatorsByFingertipsId.TryGetValue(fingertipsId, out indicator);
        }
        if (indicator is null && !SeriesKeys.IsTemplateKey(series.Key) && !SeriesKeys.NeedsAnalystMapping(series.Key))
        {
            reference.IndicatorsByKey.TryGetValue(SeriesKeys.NewIndicatorKey(series.Key), out indicator);
        }
        if (indicator is null && SeriesKeys.IsTemplateKey(series.Key))
        {
            reference.IndicatorsByKey.TryGetValue(series.Key, out indicator);
        }

        if (indicator is not null)
        {
            series.Resolution = SeriesResolution.Mapped;
            series.IndicatorKey = indicator.Key;
            series.IndicatorName = indicator.Name;
        }
        else if (SeriesKeys.IsTemplateKey(series.Key))
        {
            series.Resolution = SeriesResolution.UnknownIndicator;
        }
        else if (SeriesKeys.NeedsAnalystMapping(series.Key))
        {
            series.Resolution = SeriesResolution.Unmapped;
        }
        else
        {
            MarkNew(series);
        }
        return indicator;
    }

    private void MarkNew(SeriesSummary series)
    {
        series.Resolution = SeriesResolution.New;
        series.PlaceholderId = -(_newIndicators + 1);
        series.IndicatorKey = SeriesKeys.NewIndicatorKey(series.Key);
    }

    /// <summary>Remembers what a new series looks like, so commit can describe the indicator it adds.</summary>
    private static void Observe(SeriesSummary series, SourceObservation o)
    {
        series.Sex ??= o.Sex;
        series.AgeBand ??= o.AgeBand;
        series.FirstPeriodStart ??= o.PeriodStart;
        series.FirstPeriodEnd ??= o.PeriodEnd;
        if (series.InferredMultiplier is null && o is { Value: { } value, Count: { } count, Denominator: > 0 })
        {
            var ratio = value / (count / o.Denominator.Value);
            foreach (var multiplier in new double[] { 100, 1000, 100_000 })
            {
                if (Math.Abs(ratio - multiplier) / multiplier < 0.001)
                {
                    series.InferredMultiplier = multiplier;
                }
            }
        }
    }

    private const string DuplicateRowNote = "Exact repeats of another row: read once";

    /// <summary>Which kind of change ended an area's code: the same place recoded, or an area abolished (merged, split).</summary>
    private string HistoricalAreaNote(Area area, DateOnly ended)
    {
        var successions = reference.SuccessionsOf(area.Code);
        var since = ended.AddDays(1).ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
        if (successions is [{ Kind: SuccessionKind.Recode } recode])
        {
            return $"Rows for {area.Name} under its old code {area.Code}: the same area, recoded, has had the code {recode.SuccessorCode} since {since}. Kept under the code the file gives";
        }
        var successors = string.Join(", ", successions.Select(s => reference.AreasByCode.TryGetValue(s.SuccessorCode, out var successor) ? successor.Name : s.SuccessorCode));
        var how = successions switch
        {
            [] => "",
            [{ Kind: SuccessionKind.Split }, ..] => $", split between {successors}",
            _ => $", merged into {successors}",
        };
        return $"Rows for {area.Name} ({area.Code}), abolished on {since}{how}. Kept under its own code";
    }

    private void Note(string key, string message)
    {
        _notes[key] = _notes.TryGetValue(key, out var note) ? (note.Message.Length > 0 ? note.Message : message, note.Rows + 1) : (message, 1);
    }

    private static bool TryParseSex(string text, out Sex sex) => Enum.TryParse(text, ignoreCase: true, out sex) && Enum.IsDefined(sex);

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];

    private static string? TruncateOrNull(string? text, int length) => text is null ? null : Truncate(text, length);
}
