using MhEmployment.Web.Features.Imports.Parsing;

namespace MhEmployment.UnitTests.Imports;

/// <summary>
/// A header that names a column twice is an error in every format (which one to read is not clear); a column the
/// format does not know is an error in our own template, and a warning in the publishers' downloads, which gain columns.
/// </summary>
public class HeaderColumnsTests
{
    [Fact]
    public void Template_WithADuplicatedColumn_IsOneErrorNamingIt_AndReadsNothing()
    {
        var result = ImportTestFiles.Parse(ImportFormat.Template, "indicator_key,area_code,period_label,value,value\nlocal.x,E06000001,2023,5,6\n");

        result.Observations.Should().BeEmpty();
        var issue = result.Issues.Should().ContainSingle().Subject;
        (issue.Rule, issue.LineNumber, issue.Column, issue.Severity).Should().Be((IssueRules.DuplicateColumn, 1L, "value", IssueSeverity.Error));
        issue.Message.Should().Contain("\"value\" (columns 4 and 5)");
    }

    [Fact]
    public void Template_ColumnsSpeltDifferentlyButTheSame_CountAsADuplicate()
    {
        var result = ImportTestFiles.Parse(ImportFormat.Template, "indicator_key,area_code,period_label,value,Area Code\nlocal.x,E06000001,2023,5,E06000002\n");

        result.Errors.Should().ContainSingle(i => i.Rule == IssueRules.DuplicateColumn).Which.Message.Should().Contain("columns 2 and 5");
    }

    [Fact]
    public void Template_WithAnUnknownColumn_IsAnErrorNamingItAndTheColumnsItHas()
    {
        var result = ImportTestFiles.Parse(ImportFormat.Template, "indicator_key,area_code,period_label,value,notes,comments\nlocal.x,E06000001,2023,5,a,1\n");

        result.Observations.Should().BeEmpty();
        var issue = result.Issues.Should().ContainSingle().Subject;
        (issue.Rule, issue.Column, issue.Severity).Should().Be((IssueRules.UnknownColumn, "notes", IssueSeverity.Error));
        issue.Message.Should().Contain("\"notes\", \"comments\"").And.Contain("lower_95").And.Contain("note");
    }

    [Fact]
    public void Template_BlankHeaderCellsFromSpreadsheetPadding_AreNotColumns()
    {
        var result = ImportTestFiles.Parse(ImportFormat.Template, "indicator_key,area_code,period_label,value,,\nlocal.x,E06000001,2023,5,,\n");

        result.Errors.Should().BeEmpty();
        result.Observations.Should().ContainSingle();
    }

    [Fact]
    public void Fingertips_AColumnItDoesNotKnow_IsOneWarning_AndTheFileIsRead()
    {
        var header = File.ReadLines(ImportTestFiles.PathOf("fingertips/unmet_alcohol.csv")).First();
        var row = File.ReadLines(ImportTestFiles.PathOf("fingertips/unmet_alcohol.csv")).Skip(1).First();

        var result = ImportTestFiles.Parse(ImportFormat.Fingertips, $"{header},Compared to ICB value or percentiles,Analyst's remark\n{row},Similar,checked\n");

        result.Errors.Should().BeEmpty();
        result.Observations.Should().ContainSingle();
        var warning = result.Warnings.Should().ContainSingle(w => w.Rule == IssueRules.UnknownColumn).Subject;
        (warning.LineNumber, warning.Column).Should().Be((1L, "Analyst's remark"));
        warning.Message.Should().Contain("not part of the Fingertips layout").And.NotContain("Compared to ICB");
    }

    [Fact]
    public void Mhsds_AColumnItDoesNotKnow_IsAWarning_ADuplicatedOneAnError()
    {
        const string header = "REPORTING_PERIOD_START,REPORTING_PERIOD_END,STATUS,BREAKDOWN,PRIMARY_LEVEL,PRIMARY_LEVEL_DESCRIPTION,SECONDARY_LEVEL,SECONDARY_LEVEL_DESCRIPTION,MEASURE_ID,MEASURE_NAME,MEASURE_VALUE";
        const string row = "01/09/2024,30/09/2024,Performance,England,England,England,NONE,NONE,MHS01,People in contact,10";

        var extra = ImportTestFiles.Parse(ImportFormat.Mhsds, $"{header},PUBLICATION_NOTE\n{row},x\n");
        var twice = ImportTestFiles.Parse(ImportFormat.Mhsds, $"{header},MEASURE_ID\n{row},MHS02\n");

        extra.Observations.Should().ContainSingle();
        extra.Warnings.Should().ContainSingle(w => w.Rule == IssueRules.UnknownColumn && w.Column == "PUBLICATION_NOTE");
        twice.Observations.Should().BeEmpty();
        twice.Errors.Should().ContainSingle(e => e.Rule == IssueRules.DuplicateColumn && e.Column == "MEASURE_ID");
    }

    [Fact]
    public void NomisApi_ANonNomisColumn_IsAWarning_ADuplicatedOneAnError()
    {
        const string header = "\"DATE_NAME\",\"GEOGRAPHY_NAME\",\"GEOGRAPHY_CODE\",\"MEASURES_NAME\",\"SEX_NAME\",\"OBS_VALUE\"";
        const string row = "\"August 2017\",\"City of London\",\"E09000001\",\"Value\",\"Total\",140";

        var extra = ImportTestFiles.Parse(ImportFormat.NomisApi, $"{header},\"my notes\"\n{row},\"ok\"\n");
        var twice = ImportTestFiles.Parse(ImportFormat.NomisApi, $"{header},\"GEOGRAPHY_CODE\"\n{row},\"E09000002\"\n");

        extra.Observations.Should().ContainSingle();
        extra.Warnings.Should().ContainSingle(w => w.Rule == IssueRules.UnknownColumn && w.Column == "my notes");
        twice.Errors.Should().ContainSingle(e => e.Rule == IssueRules.DuplicateColumn && e.Column == "GEOGRAPHY_CODE");
    }

    [Fact]
    public void NomisWeb_ATableWithTwoColumnsOfOneName_IsAnErrorOnItsHeaderLine()
    {
        var result = ImportTestFiles.Read(MalformedCorpus.PathOf("duplicate-column-nomis-web.csv"));

        result.Observations.Should().BeEmpty();
        result.Errors.Should().ContainSingle(e => e.Rule == IssueRules.DuplicateColumn).Which.Should().BeEquivalentTo(new { LineNumber = 7L, Column = "Total" });
    }

    [Theory]
    [InlineData("fingertips/unmet_alcohol.csv")]
    [InlineData("fingertips/indicators-CountyUA.data.csv")]
    [InlineData("fingertips/indicators-CountyUA.data london.csv")]
    [InlineData("nomis_api/lad.csv")]
    [InlineData("nomis_api/8ab4eaa0-a426-3228-9150-38b4e682ebaf.csv")]
    [InlineData("nomis_api/03f1baae-cefc-3d9e-9436-919cb1234585.csv")]
    [InlineData("nomis_web/TS021_ethnic_group_lsoa11.csv")]
    [InlineData("mhsds/MHSDS%20Data_4WW_SepPerf_2024.csv")]
    [InlineData("template/example.csv")]
    public void RealDownloads_HaveNoColumnIssues(string file)
    {
        var result = ImportTestFiles.ReadReal(file);

        result.Observations.Should().NotBeEmpty();
        result.Issues.Should().NotContain(i => i.Rule == IssueRules.DuplicateColumn || i.Rule == IssueRules.UnknownColumn);
    }
}
