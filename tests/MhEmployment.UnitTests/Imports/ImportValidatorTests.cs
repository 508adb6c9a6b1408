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

    private static ReferenceData Reference()
    {
        Area[] areas =
        [
            new() { Code = "E92000001", Name = "England", Kind = AreaKind.Country },
            new() { Code = "E09000012", Name = "Hackney", Kind = AreaKind.LondonBorough },
            new() { Code = "E10000006", Name = "Cumbria", Kind = AreaKind.County, ValidTo = new DateOnly(2023, 3, 31) },
            new() { Code = "E54000029", Name = "NHS North East London ICB", Kind = AreaKind.IntegratedCareBoard, OdsCode = "QMF" },
        ];
        return new ReferenceData
        {
            AreasByCode = areas.ToDictionary(a => a.Code, StringComparer.OrdinalIgnoreCase),
            CodeByOds = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["QMF"] = "E54000029" },
            IndicatorsByKey = new Dictionary<string, Indicator>(StringComparer.OrdinalIgnoreCase) { [Depression.Key] = Depression, [EsaRate.Key] = EsaRate },
            IndicatorsByFingertipsId = new Dictionary<int, Indicator>(),
            IndicatorsById = new Dictionary<int, Indicator> { [1] = Depression, [2] = EsaRate },
            RememberedMappings = new Dictionary<string, int>(),
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

    public void Dispose() => File.Delete(_issuesPath);
}
