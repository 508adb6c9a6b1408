using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Imports;
using MhEmployment.Web.Features.Imports.Parsing;

namespace MhEmployment.UnitTests.Imports;

public sealed class ImportValidatorTests : IDisposable
{
    private readonly string _issuesPath = Path.GetTempFileName();

    private static readonly Indicator Depression = new()
    {
        Id = 1, Key = "depression-qof-prevalence", Name = "Depression", Definition = "d", Source = "s", Age = "18+",
        ValueType = IndicatorValueType.Proportion, Multiplier = 100,
    };

    private static readonly Indicator EsaRate = new()
    {
        Id = 2, Key = "esa-mental-behavioural-rate", Name = "ESA rate", Definition = "d", Source = "s", Age = "16-64",
        ValueType = IndicatorValueType.CrudeRate, Multiplier = 1000,
    };

    private static readonly Indicator EmploymentGap = new()
    {
        Id = 3, Key = "phof-secondary-mh-employment-gap", Name = "Gap", Definition = "d", Source = "s", Age = "18-69",
        ValueType = IndicatorValueType.Difference, Unit = IndicatorUnit.PercentagePoints, Multiplier = 1,
    };

    private static ReferenceData Reference()
    {
        Area[] areas =
        [
            new() { Code = "E92000001", Name = "England", Kind = AreaKind.Country },
            new() { Code = "E09000012", Name = "Hackney", Kind = AreaKind.LondonBorough },
            new() { Code = "E10000006", Name = "Cumbria", Kind = AreaKind.County, ValidTo = new DateOnly(2023, 3, 31) },
            new() { Code = "E06000063", Name = "Cumberland", Kind = AreaKind.UnitaryAuthority },
            new() { Code = "E06000064", Name = "Westmorland and Furness", Kind = AreaKind.UnitaryAuthority },
            new() { Code = "E08000016", Name = "Barnsley", Kind = AreaKind.MetropolitanDistrict, ValidTo = new DateOnly(2025, 3, 31) },
            new() { Code = "E08000038", Name = "Barnsley", Kind = AreaKind.MetropolitanDistrict },
            new() { Code = "E54000029", Name = "NHS North East London ICB", Kind = AreaKind.IntegratedCareBoard, OdsCode = "QMF" },
        ];
        Indicator[] indicators = [Depression, EsaRate, EmploymentGap];
        return new ReferenceData
        {
            AreasByCode = areas.ToDictionary(a => a.Code, StringComparer.OrdinalIgnoreCase),
            CodeByOds = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["QMF"] = "E54000029" },
            IndicatorsByKey = indicators.ToDictionary(i => i.Key, StringComparer.OrdinalIgnoreCase),
            IndicatorsByFingertipsId = new Dictionary<int, Indicator>(),
            IndicatorsById = indicators.ToDictionary(i => i.Id),
            RememberedMappings = new Dictionary<string, int>(),
            Successions = new Dictionary<string, List<AreaSuccession>>(StringComparer.OrdinalIgnoreCase)
            {
                ["E08000016"] = [new() { PredecessorCode = "E08000016", SuccessorCode = "E08000038", Kind = SuccessionKind.Recode, EffectiveFrom = new DateOnly(2025, 4, 1) }],
                ["E10000006"] =
                [
                    new() { PredecessorCode = "E10000006", SuccessorCode = "E06000063", Kind = SuccessionKind.Split, EffectiveFrom = new DateOnly(2023, 4, 1) },
                    new() { PredecessorCode = "E10000006", SuccessorCode = "E06000064", Kind = SuccessionKind.Split, EffectiveFrom = new DateOnly(2023, 4, 1) },
                ],
            },
        };
    }

    private static ParsedRecord Row(long line, string series, string area, double? value = 10, double? count = 10, double? denominator = 100,
        IReadOnlyDictionary<string, string>? facts = null, params ParseIssue[] issues) =>
        new(new SourceObservation
        {
            LineNumber = line, SeriesKey = series, SeriesName = series, AreaCode = area, PeriodLabel = "2023/24",
            PeriodStart = new DateOnly(2023, 4, 1), PeriodEnd = new DateOnly(2024, 3, 31), Sex = "Persons", AgeBand = "18+ yrs",
            Value = value, ValueColumn = "Value", Count = count, Denominator = denominator, SeriesFacts = facts,
        }, issues);

    private (List<StagedValue> Staged, ImportSummary Summary, List<ParseIssue> Issues) Run(IReadOnlyDictionary<string, string>? choices, params ParsedRecord[] records)
    {
        List<StagedValue> staged;
        ImportSummary summary;
        using (var log = new IssueLog(_issuesPath))
        {
            var validator = new ImportValidator(Reference(), choices ?? new Dictionary<string, string>(), log);
            staged = [.. validator.Validate(records)];
            summary = validator.Summary();
        }
        return (staged, summary, IssueLog.ReadFirst(_issuesPath, 1000));
    }

    [Fact]
    public void KnownAreasAndIcbOdsCodes_AreStaged_UnknownCodesOfAKnownKindAreErrors()
    {
        var (staged, _, issues) = Run(null,
            Row(2, Depression.Key, "E09000012"),
            Row(3, Depression.Key, "QMF"),
            Row(4, Depression.Key, "E09999999"));

        staged.Select(s => s.AreaCode).Should().Equal("E09000012", "E54000029");
        issues.Should().ContainSingle().Which.Should().BeEquivalentTo(new { LineNumber = 4L, Rule = "unknown-area", Severity = IssueSeverity.Error });
        issues[0].Message.Should().Contain("london borough");
    }

    [Fact]
    public void HistoricalAreas_AreKeptUnderTheirOwnCode_WithOneNoteEach()
    {
        var (staged, summary, issues) = Run(null, Row(2, Depression.Key, "E10000006"), Row(3, Depression.Key, "e10000006"));

        // Both spellings land on one key with the same value: read once.
        staged.Should().ContainSingle().Which.AreaCode.Should().Be("E10000006");
        issues.Should().BeEmpty();
        summary.HistoricalAreas.Should().Equal("E10000006");
        summary.Notes.Should().ContainSingle(n => n.Rule == "historical-area").Which.Rows.Should().Be(2);
        summary.Notes.Should().ContainSingle(n => n.Rule == "duplicate-row").Which.Rows.Should().Be(1);
    }

    [Fact]
    public void TwoRowsMappedToTheSameKey_WithDifferentValues_AreAnErrorNamingBothLines()
    {
        // An ODS code and its GSS code are the same ICB: after mapping, one key with two values.
        var (staged, _, issues) = Run(null, Row(2, Depression.Key, "E54000029", value: 10), Row(7, Depression.Key, "QMF", value: 12));

        staged.Should().ContainSingle().Which.LineNumber.Should().Be(2);
        var issue = issues.Should().ContainSingle().Subject;
        issue.Rule.Should().Be(IssueRules.DuplicateKeyConflict);
        issue.LineNumber.Should().Be(7);
        (issue.Column, issue.Value).Should().Be(("Value", "12"));
        issue.Message.Should().Contain("Lines 2 and 7").And.Contain("E54000029").And.Contain("2023-04-01 to 2024-03-31");
    }

    [Fact]
    public void ProvidersAndAreasOfKindsNotHeld_AreSkippedInOneWarning_NeverInventedIntoAreas()
    {
        var provider = new Dictionary<string, string> { ["breakdown"] = "Provider" };
        var (staged, summary, issues) = Run(null,
            Row(2, "mhsds:MRS01", "RAT", facts: provider), Row(3, "mhsds:MRS01", "RWK", facts: provider),
            Row(4, Depression.Key, "E01000001"), Row(5, Depression.Key, "E01000002"));

        staged.Should().BeEmpty();
        issues.Should().BeEmpty();
        summary.SkippedRows.Should().Be(4);
        summary.Notes.Should().Contain(n => n.Rule == "breakdown-skipped" && n.Rows == 2 && n.Message.Contains("Provider"));
        summary.Notes.Should().Contain(n => n.Rule == "area-kind-skipped" && n.Rows == 2 && n.Message.Contains("E01"));
    }

    [Fact]
    public void CountAboveDenominator_IsAnErrorForAProportion_AndAWarningForARate()
    {
        var (staged, _, issues) = Run(null, Row(2, Depression.Key, "E09000012", 150, 150, 100), Row(3, EsaRate.Key, "E09000012", 1500, 150, 100));

        staged.Should().ContainSingle().Which.IndicatorId.Should().Be(EsaRate.Id);
        issues.Should().HaveCount(2);
        issues.Single(i => i.LineNumber == 2).Severity.Should().Be(IssueSeverity.Error);
        issues.Single(i => i.LineNumber == 3).Severity.Should().Be(IssueSeverity.Warning);
    }

    [Fact]
    public void NomisSeries_WaitForTheAnalyst_AndFollowTheirChoice()
    {
        const string series = "nomis:VARIABLE_NAME=Employment rate - aged 16-64|MEASURES_NAME=Variable";

        var unmapped = Run(null, Row(2, series, "E09000012"));
        var mapped = Run(new Dictionary<string, string> { [series] = Depression.Key }, Row(2, series, "E09000012"));
        var skipped = Run(new Dictionary<string, string> { [series] = ImportValidator.Skip }, Row(2, series, "E09000012"));

        unmapped.Staged.Should().BeEmpty();
        unmapped.Summary.NeedsMapping.Should().BeTrue();
        unmapped.Summary.UnmappedRows.Should().Be(1);
        mapped.Staged.Should().ContainSingle().Which.IndicatorId.Should().Be(Depression.Id);
        skipped.Staged.Should().BeEmpty();
        skipped.Summary.NeedsMapping.Should().BeFalse();
    }

    [Fact]
    public void AStarChoice_MapsEveryNomisSeriesTheMappingDoesNotName()
    {
        var choices = new Dictionary<string, string> { [ImportValidator.AnySeries] = EsaRate.Key, ["nomis:A=2"] = ImportValidator.Skip };

        var (staged, summary, _) = Run(choices, Row(2, "nomis:A=1", "E09000012"), Row(3, "nomis:A=2", "E09000012"), Row(4, Depression.Key, "E09000012"));

        staged.Select(s => s.IndicatorId).Should().Equal(EsaRate.Id, Depression.Id);
        summary.Series.Single(s => s.Key == "nomis:A=2").Resolution.Should().Be(SeriesResolution.Skipped);
    }

    [Fact]
    public void NewFingertipsIndicator_GetsAPlaceholder_AndItsUnitIsInferredFromTheRows()
    {
        var (staged, summary, _) = Run(null, Row(2, "fingertips:93532", "E09000012", value: 25, count: 25, denominator: 100));

        staged.Single().IndicatorId.Should().Be(-1);
        var series = summary.Series.Single();
        series.Resolution.Should().Be(SeriesResolution.New);
        series.IndicatorKey.Should().Be("fingertips-93532");
        series.InferredMultiplier.Should().Be(100);
        NewIndicators.From(series, new Import { Id = 7, FileName = "f.csv", Sha256 = "x", Format = "Fingertips" })
            .Should().BeEquivalentTo(new { ValueType = IndicatorValueType.Proportion, Unit = IndicatorUnit.Percent, FingertipsId = 93532, NeedsReview = true, CreatedByImportId = 7 });
    }

    [Fact]
    public void TemplateRow_WithAnUnknownIndicatorKey_IsAnError()
    {
        var (staged, _, issues) = Run(null, Row(2, "not-in-the-catalogue", "E09000012"));

        staged.Should().BeEmpty();
        issues.Single().Rule.Should().Be("unknown-indicator");
    }

    [Fact]
    public void SuppressedValues_AreCountedInOneNote_AndStagedAsSuppressedNeverZero()
    {
        var suppressed = new ParsedRecord(Row(2, Depression.Key, "E09000012", value: null, count: null, denominator: null).Observation! with { SuppressionMarker = "*" },
            [new ParseIssue(2, "value", "*", "suppressed", "suppressed", IssueSeverity.Warning)]);

        var (staged, summary, issues) = Run(null, suppressed);

        staged.Single().Value.Should().BeNull();
        staged.Single().Note.Should().Be("Suppressed (*)");
        issues.Should().BeEmpty();
        summary.Notes.Single(n => n.Rule == "suppressed").Rows.Should().Be(1);
    }

    [Fact]
    public void AKeySeenAgain_AfterOtherAreasAndPeriods_IsStillCaught()
    {
        // The validator looks up each run of rows' series, area and period once: a key coming back after the runs
        // have moved on must still be recognised, as a repeat or as a conflict.
        static ParsedRecord InYear(ParsedRecord row, int year) => new(row.Observation! with
        {
            PeriodStart = new DateOnly(year, 4, 1), PeriodEnd = new DateOnly(year + 1, 3, 31), PeriodLabel = $"{year}/{year % 100 + 1}",
        }, []);

        var (staged, summary, issues) = Run(null,
            Row(2, Depression.Key, "E09000012", value: 10),
            Row(3, Depression.Key, "E92000001", value: 11),
            InYear(Row(4, Depression.Key, "E09000012", value: 12), 2024),
            Row(5, EsaRate.Key, "E09000012", value: 13),
            Row(6, Depression.Key, "E09000012", value: 10),
            Row(7, Depression.Key, "E92000001", value: 99));

        staged.Select(s => s.LineNumber).Should().Equal(2, 3, 4, 5);
        summary.Notes.Should().ContainSingle(n => n.Rule == "duplicate-row").Which.Rows.Should().Be(1);
        issues.Should().ContainSingle().Which.Should().BeEquivalentTo(new { LineNumber = 7L, Rule = IssueRules.DuplicateKeyConflict });
        issues[0].Message.Should().Contain("Lines 3 and 7");
    }

    [Fact]
    public void ARunOfRowsForAnAbolishedArea_CountsEveryRowInItsNote()
    {
        static ParsedRecord Aged(ParsedRecord row, string age) => new(row.Observation! with { AgeBand = age }, []);

        var (staged, summary, _) = Run(null,
            Aged(Row(2, Depression.Key, "E10000006"), "18-64"), Aged(Row(3, Depression.Key, "E10000006"), "65+"), Row(4, Depression.Key, "E10000006"));

        staged.Should().HaveCount(3);
        summary.Notes.Should().ContainSingle(n => n.Rule == "historical-area").Which.Rows.Should().Be(3);
    }

    [Fact]
    public void APercentageOutside0To100_ANegativeRate_AndAGapBeyond100Points_AreErrorsOnTheirRowAndColumn()
    {
        var (staged, _, issues) = Run(null,
            Row(2, Depression.Key, "E09000012", value: 250, count: null, denominator: null),
            Row(3, Depression.Key, "E92000001", value: -50, count: null, denominator: null),
            Row(4, Depression.Key, "E10000006", value: 100, count: null, denominator: null),
            Row(5, EsaRate.Key, "E09000012", value: -3, count: null, denominator: null),
            Row(6, EsaRate.Key, "E92000001", value: 4500, count: null, denominator: null),
            Row(7, EmploymentGap.Key, "E09000012", value: -67.5, count: null, denominator: null),
            Row(8, EmploymentGap.Key, "E92000001", value: -120, count: null, denominator: null));

        staged.Select(s => s.LineNumber).Should().Equal(4, 6, 7);
        issues.Should().OnlyContain(i => i.Rule == IssueRules.ValueOutOfRange && i.Severity == IssueSeverity.Error && i.Column == "Value");
        issues.Select(i => (i.LineNumber, i.Value)).Should().Equal((2L, "250"), (3L, "-50"), (5L, "-3"), (8L, "-120"));
        issues[0].Message.Should().Contain("0 to 100").And.Contain(Depression.Key);
        issues[2].Message.Should().Contain("0 or more").And.Contain("rate");
        issues[3].Message.Should().Contain("-100 to 100").And.Contain("percentage points");
    }

    [Fact]
    public void ConfidenceLimitsOutsideTheRange_AreErrorsNamingTheFilesOwnColumn()
    {
        var row = Row(2, Depression.Key, "E09000012", value: 99);
        var observation = row.Observation! with { Lower95 = 97.5, Upper95 = 100.4, Lower998 = -0.2, MeasureColumns = MeasureColumns.Fingertips };

        var (staged, _, issues) = Run(null, new ParsedRecord(observation, []));

        staged.Should().BeEmpty();
        issues.Select(i => (i.Column, i.Value)).Should().BeEquivalentTo([("Upper CI 95.0 limit", "100.4"), ("Lower CI 99.8 limit", "-0.2")]);
        issues.Should().OnlyContain(i => i.Rule == IssueRules.ValueOutOfRange && i.LineNumber == 2 && i.Message.Contains("confidence limit"));
    }

    [Fact]
    public void ASeriesNewToTheCatalogue_IsCheckedOnlyForAnAbsurdMagnitude()
    {
        var (staged, _, issues) = Run(null,
            Row(2, "fingertips:90001", "E09000012", value: -12, count: null, denominator: null),
            Row(3, "fingertips:90001", "E92000001", value: 3e12, count: null, denominator: null));

        staged.Should().ContainSingle().Which.LineNumber.Should().Be(2, "a new indicator may be a difference, which can be negative");
        issues.Should().ContainSingle().Which.Should().BeEquivalentTo(new { LineNumber = 3L, Rule = IssueRules.ValueOutOfRange });
    }

    [Fact]
    public void MoreThan50NewIndicators_IsOneErrorAtTheFirstRowOfThe51st_ExplainingWhatToDo()
    {
        var rows = Enumerable.Range(0, 60).Select(i => Row(2 + i, $"fingertips:{80_000 + i}", "E09000012")).ToArray();

        var (_, summary, issues) = Run(null, rows);

        summary.NewIndicatorCount.Should().Be(60);
        var issue = issues.Should().ContainSingle().Subject;
        (issue.Rule, issue.LineNumber, issue.Value, issue.Severity).Should().Be((IssueRules.TooManyNewIndicators, 52L, "fingertips:80050", IssueSeverity.Error));
        issue.Message.Should().Contain("at most 50").And.Contain("add them to the catalogue first");
        summary.Series.Select(s => s.PlaceholderId).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void ARecodedArea_IsCalledRecoded_AndAnAbolishedOneAbolished_WithWhatBecameOfIt()
    {
        var (staged, summary, _) = Run(null, Row(2, Depression.Key, "E08000016"), Row(3, Depression.Key, "E10000006"));

        staged.Should().HaveCount(2);
        var barnsley = summary.Notes.Single(n => n.Message.Contains("Barnsley", StringComparison.Ordinal)).Message;
        barnsley.Should().Contain("recoded").And.Contain("E08000038").And.Contain("1 April 2025").And.NotContain("abolished");
        var cumbria = summary.Notes.Single(n => n.Message.Contains("Cumbria", StringComparison.Ordinal)).Message;
        cumbria.Should().Contain("abolished on 1 April 2023").And.Contain("split between Cumberland, Westmorland and Furness");
    }

    [Fact]
    public void ANoteAboutOneRow_SaysRowInTheSingular()
    {
        var (_, summary, _) = Run(null, Row(2, Depression.Key, "E10000006"), Row(3, Depression.Key, "E09000012", value: 2, count: 2, denominator: 100));

        summary.Notes.Should().OnlyContain(n => n.Rows == 1 && n.RowsText == "1 row");
        new AggregateNote("suppressed", "Suppressed values", 11_660).RowsText.Should().Be("11,660 rows");
    }

    public void Dispose() => File.Delete(_issuesPath);
}
