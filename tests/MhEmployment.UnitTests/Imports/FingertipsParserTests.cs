using MhEmployment.Web.Features.Imports.Parsing;

namespace MhEmployment.UnitTests.Imports;

public class FingertipsParserTests
{
    private static SourceObservation AllAges(ParseOutcome result, string area, string period) =>
        result.Observations.Single(o => o.AreaCode == area && o.PeriodLabel == period && o.AgeBand == "All ages");

    [Fact]
    public void Old_26_column_export_with_quoted_line_breaks_and_CRLF_reads_every_area_row()
    {
        var result = ImportTestFiles.ReadReal("fingertips/indicators-CountyUA.data.csv");

        result.Inspection!.Format.Should().Be(ImportFormat.Fingertips);
        result.Errors.Should().BeEmpty();
        // 852 records: 60 IMD-decile category rows are skipped with one warning, 792 area rows remain.
        result.Observations.Should().HaveCount(792);
        var skipped = result.WithRule(IssueRules.CategoryRowsSkipped).Should().ContainSingle().Subject;
        skipped.Severity.Should().Be(IssueSeverity.Warning);
        skipped.Message.Should().StartWith("60 rows");

        var hartlepool = AllAges(result, "E06000001", "2015");
        hartlepool.SeriesKey.Should().Be("fingertips:93356");
        hartlepool.SeriesName.Should().Be("Campylobacter incidence rate/100,000");
        hartlepool.Value.Should().BeApproximately(142.713502643443, 1e-9);
        hartlepool.Count.Should().Be(132);
        hartlepool.Denominator.Should().Be(92493);
        hartlepool.PeriodStart.Should().Be(new DateOnly(2015, 1, 1));
        hartlepool.PeriodEnd.Should().Be(new DateOnly(2015, 12, 31));
        hartlepool.Sex.Should().Be("Persons");
        hartlepool.AgeBand.Should().Be("All ages");
        hartlepool.LineNumber.Should().BeGreaterThan(2);
        hartlepool.SeriesFacts!["value-multiplier"].Should().Be("100000");
        hartlepool.SeriesFacts["value-type"].Should().Be("crude-rate");

        var westminster = AllAges(result, "E09000033", "2015");
        westminster.Value.Should().BeApproximately(40.0331821427245, 1e-9);
        (westminster.Count, westminster.Denominator).Should().Be((97d, 242299d));
    }

    [Fact]
    public void City_of_London_empty_value_is_suppressed_not_zero()
    {
        var result = ImportTestFiles.ReadReal("fingertips/indicators-CountyUA.data.csv");

        var city = result.Observations.Where(o => o.AreaCode == "E09000001").ToList();
        city.Should().NotBeEmpty().And.OnlyContain(o => o.Value == null && o.SuppressionMarker == "");
        result.WithRule(IssueRules.Suppressed).Should().OnlyContain(i => i.Severity == IssueSeverity.Warning && i.Column == "Value");
    }

    [Fact]
    public void England_rows_with_empty_parent_columns_are_read()
    {
        var result = ImportTestFiles.ReadReal("fingertips/indicators-CountyUA.data.csv");

        var england = AllAges(result, "E92000001", "2015");
        england.LineNumber.Should().Be(2);
        england.Value.Should().BeApproximately(94.7261896202678, 1e-9);
        england.Lower95.Should().BeApproximately(93.9129396546008, 1e-9);
        england.PublishedComparison.Should().Be("Not compared");
    }

    [Fact]
    public void New_27_column_layout_keeps_decimal_counts_and_infers_a_percentage()
    {
        var result = ImportTestFiles.ReadReal("fingertips/unmet_alcohol.csv");

        result.Issues.Should().BeEmpty();
        result.Observations.Should().HaveCount(17);
        var warwickshire = result.Single("E10000031", period: "2018/19");
        warwickshire.Count.Should().Be(4018.333333);
        warwickshire.Denominator.Should().Be(5029.333333);
        warwickshire.PeriodStart.Should().Be(new DateOnly(2018, 4, 1));
        warwickshire.PeriodEnd.Should().Be(new DateOnly(2019, 3, 31));
        warwickshire.AgeBand.Should().Be("18+ yrs");
        warwickshire.SeriesFacts!["value-type"].Should().Be("proportion-percent");
        result.Observations.Select(o => o.AreaCode).Should().Contain("E06000001");
    }

    [Fact]
    public void Renamed_header_london_file_reads_five_suicide_indicators()
    {
        var result = ImportTestFiles.ReadReal("fingertips/indicators-CountyUA.data london.csv");

        result.Inspection!.Format.Should().Be(ImportFormat.Fingertips);
        result.Errors.Should().BeEmpty();
        result.Observations.Should().HaveCount(175);
        result.Observations.GroupBy(o => o.SeriesKey).Should().HaveCount(5).And.OnlyContain(g => g.Count() == 35);

        var barking = result.Single("E09000002", "fingertips:41001");
        barking.Value.Should().BeApproximately(11.5726971320053, 1e-9);
        barking.Sex.Should().Be("Male");
        barking.AgeBand.Should().Be("10+ yrs");
        barking.PeriodLabel.Should().Be("2015 - 17");
        barking.PeriodStart.Should().Be(new DateOnly(2015, 1, 1));
        barking.PeriodEnd.Should().Be(new DateOnly(2017, 12, 31));

        var yll = result.Observations.First(o => o.SeriesKey == "fingertips:91404");
        yll.PeriodLabel.Should().Be("2012 - 14");
        yll.AgeBand.Should().Be("15-74 yrs");
        yll.Sex.Should().Be("Persons");
        result.Observations.Should().OnlyContain(o => o.SeriesName == o.SeriesName.Trim() && !o.SeriesName.Contains('\n'));
    }

    [Fact]
    public void Published_limits_comparison_and_value_note_are_kept()
    {
        const string csv = """
            Indicator ID,Indicator Name,Parent Code,Parent Name,Area Code,Area Name,Area Type,Sex,Age,Category Type,Category,Time period,Value,Lower CI 95.0 limit,Upper CI 95.0 limit,Lower CI 99.8 limit,Upper CI 99.8 limit,Count,Denominator,Value note,Recent Trend,Compared to England value or percentiles,Compared to Region value or percentiles,Time period Sortable,New data,Compared to goal
            90000,"Employment gap ",E12000007,London region,E09000002,Barking and Dagenham,UA,Female,18-64 yrs,,,2019/20 Q1,60.5,55.1,65.7,53.2,67.4,110,200,Aggregated from all known lower geography values,,Worse,Similar,20190100,,
            """;

        var o = ImportTestFiles.Parse(ImportFormat.Fingertips, csv).Observations.Should().ContainSingle().Subject;

        o.SeriesName.Should().Be("Employment gap");
        o.Sex.Should().Be("Female");
        (o.Lower95, o.Upper95, o.Lower998, o.Upper998).Should().Be((55.1, 65.7, 53.2, 67.4));
        o.Note.Should().Be("Aggregated from all known lower geography values");
        o.PublishedComparison.Should().Be("Worse");
        o.PeriodStart.Should().Be(new DateOnly(2019, 4, 1));
        o.PeriodEnd.Should().Be(new DateOnly(2019, 6, 30));
        o.SeriesFacts!["indicator-name"].Should().Be("Employment gap");
        o.SeriesFacts.Should().NotContainKey("value-multiplier", "60.5 is not 110/200 times a power of ten");
    }
}
