using MhEmployment.Web.Features.Imports.Parsing;

namespace MhEmployment.UnitTests.Imports;

public class NomisApiParserTests
{
    private const string LadSeries = "nomis:NM_2002_1|GENDER_NAME=Total|C_AGE_NAME=All Ages|MEASURES_NAME=Value";

    [Fact]
    public void Full_column_population_file_collapses_areas_listed_under_two_geography_types()
    {
        var result = ImportTestFiles.ReadReal("nomis_api/lad.csv");

        result.Inspection!.Format.Should().Be(ImportFormat.NomisApi);
        result.Issues.Should().BeEmpty("the 193 repeated codes have equal values, so they collapse silently");
        // 621 rows, 193 codes listed twice: 428 distinct areas.
        result.Observations.Should().HaveCount(428);
        result.Observations.Select(o => o.AreaCode).Should().OnlyHaveUniqueItems();
        result.Observations.Should().OnlyContain(o => o.SeriesKey == LadSeries && o.Sex == "Persons" && o.AgeBand == "All Ages");

        result.Single("E09000001").Value.Should().Be(8618);
        result.Single("E09000033").Value.Should().Be(205087);
        result.Single("E06000001").Value.Should().Be(92571);
        result.Single("E08000035").Value.Should().Be(809036);
        result.Single("E10000003").Value.Should().Be(680407);
        result.Single("E07000026").Value.Should().Be(96384);

        var northEast = result.Single("E12000001");
        northEast.Value.Should().Be(2646772);
        northEast.AreaName.Should().Be("North East");
        northEast.LineNumber.Should().Be(2);
        northEast.PeriodLabel.Should().Be("2021");
        (northEast.PeriodStart, northEast.PeriodEnd).Should().Be((new DateOnly(2021, 1, 1), new DateOnly(2021, 12, 31)));
        northEast.Note.Should().BeNull("OBS_STATUS is A, a normal value");
        northEast.SeriesFacts!["dataset"].Should().Be("NM_2002_1");
    }

    [Fact]
    public void Select_subset_of_ESA_claimants_reads_month_and_sex()
    {
        var result = ImportTestFiles.ReadReal("nomis_api/8ab4eaa0-a426-3228-9150-38b4e682ebaf.csv");

        result.Issues.Should().BeEmpty();
        result.Observations.Should().HaveCount(2);
        var city = result.Single("E09000001");
        city.SeriesKey.Should().Be("nomis:MEASURES_NAME=Value|DURATION_NAME=total|SEX_NAME=Total");
        city.Value.Should().Be(140);
        city.Sex.Should().Be("Persons");
        city.PeriodLabel.Should().Be("August 2017");
        (city.PeriodStart, city.PeriodEnd).Should().Be((new DateOnly(2017, 8, 1), new DateOnly(2017, 8, 31)));
        result.Single("E09000002").Value.Should().Be(7550);
    }

    [Fact]
    public void Unquoted_CRLF_file_without_final_newline_reads_rolling_year_periods()
    {
        var result = ImportTestFiles.ReadReal("nomis_api/03f1baae-cefc-3d9e-9436-919cb1234585.csv");

        result.Issues.Should().BeEmpty();
        result.Observations.Should().HaveCount(2);
        var first = result.Single("E09000002", period: "Jul 2016-Jun 2017");
        first.Value.Should().Be(67.3);
        first.SeriesKey.Should().Be("nomis:VARIABLE_NAME=Employment rate - aged 16-64|MEASURES_NAME=Variable");
        (first.PeriodStart, first.PeriodEnd).Should().Be((new DateOnly(2016, 7, 1), new DateOnly(2017, 6, 30)));
        var last = result.Single("E09000002", period: "Oct 2016-Sep 2017");
        last.Value.Should().Be(67);
        last.LineNumber.Should().Be(3);
    }

    [Fact]
    public void Abnormal_status_becomes_a_note_and_an_empty_value_takes_the_status_marker()
    {
        const string csv = """
            DATE_NAME,GEOGRAPHY_CODE,GEOGRAPHY_NAME,C_SEX_NAME,OBS_VALUE,OBS_STATUS,OBS_STATUS_NAME
            Apr 2019-Mar 2020,E06000001,Hartlepool,Females,71.2,A,Normal Value
            Apr 2019-Mar 2020,E06000002,Middlesbrough,Females,,!,Estimate and confidence interval not available since the group sample size is zero or disclosive (0-2)
            Apr 2019-Mar 2020,E06000003,Redcar and Cleveland,Females,65.1,~,Estimate is less than 500
            """;

        var result = ImportTestFiles.Parse(ImportFormat.NomisApi, csv);

        result.Observations.Should().HaveCount(3);
        result.Single("E06000001").Note.Should().BeNull();
        result.Single("E06000001").Sex.Should().Be("Female");
        var suppressed = result.Single("E06000002");
        suppressed.Value.Should().BeNull();
        suppressed.SuppressionMarker.Should().Be("!");
        suppressed.Note.Should().StartWith("Estimate and confidence interval not available");
        result.Single("E06000003").Note.Should().Be("Estimate is less than 500");
        result.WithRule(IssueRules.Suppressed).Should().ContainSingle().Which.LineNumber.Should().Be(3);
        (suppressed.PeriodStart, suppressed.PeriodEnd).Should().Be((new DateOnly(2019, 4, 1), new DateOnly(2020, 3, 31)));
    }

    [Fact]
    public void Urn_names_the_dataset()
    {
        NomisApiParser.DatasetFromUrn("Nm-2002d1d32336e0d2013265921d0d200d20100").Should().Be("NM_2002_1");
        NomisApiParser.DatasetFromUrn("Nm-134d1d50080e0d").Should().Be("NM_134_1");
        NomisApiParser.DatasetFromUrn("something else").Should().BeNull();
    }

    [Fact]
    public void Progress_reports_bytes_read()
    {
        var path = ImportTestFiles.PathOf("nomis_api/lad.csv");
        var inspection = ImportFileReader.Open(path);
        var progress = new ParseProgress();

        var count = inspection.ReadRecords(progress).Count();

        count.Should().Be(428);
        progress.RecordsRead.Should().Be(621);
        progress.FractionOf(inspection.Length).Should().BeGreaterThan(0.99);
    }

    [Fact]
    public void Cancellation_stops_reading()
    {
        using var cancel = new CancellationTokenSource();
        var inspection = ImportFileReader.Open(ImportTestFiles.PathOf("nomis_api/lad.csv"));

        var read = () =>
        {
            foreach (var _ in inspection.ReadRecords(cancellationToken: cancel.Token))
                cancel.Cancel();
        };

        read.Should().Throw<OperationCanceledException>();
    }
}
