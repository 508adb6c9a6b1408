using MhEmployment.Web.Features.Imports.Parsing;

namespace MhEmployment.UnitTests.Imports;

public class FormatDetectorTests
{
    [Theory]
    [InlineData("nomis_api/lad.csv", ImportFormat.NomisApi)]
    [InlineData("nomis_api/8ab4eaa0-a426-3228-9150-38b4e682ebaf.csv", ImportFormat.NomisApi)]
    [InlineData("nomis_api/03f1baae-cefc-3d9e-9436-919cb1234585.csv", ImportFormat.NomisApi)]
    [InlineData("nomis_web/TS021_ethnic_group_lsoa11.csv", ImportFormat.NomisWeb)]
    [InlineData("mhsds/MHSDS%20Data_4WW_SepPerf_2024.csv", ImportFormat.Mhsds)]
    [InlineData("fingertips/indicators-CountyUA.data.csv", ImportFormat.Fingertips)]
    [InlineData("fingertips/unmet_alcohol.csv", ImportFormat.Fingertips)]
    [InlineData("fingertips/indicators-CountyUA.data london.csv", ImportFormat.Fingertips)]
    [InlineData("template/example.csv", ImportFormat.Template)]
    public void Detects_every_real_sample(string file, ImportFormat format)
    {
        var inspection = ImportFileReader.Open(ImportTestFiles.PathOf(file));

        inspection.Refusal.Should().BeNull();
        inspection.Format.Should().Be(format);
        inspection.DetectedFormat.Should().Be(format);
        inspection.Encoding.Should().Be(FileSniffer.Utf8);
    }

    [Fact]
    public void Nomis_api_with_only_DATE_is_detected()
    {
        FormatDetector.Detect("DATE,GEOGRAPHY_CODE,OBS_VALUE\n2021,E06000001,5\n").Format.Should().Be(ImportFormat.NomisApi);
    }

    [Fact]
    public void Unknown_header_gets_a_message_listing_every_format()
    {
        var problem = FormatDetector.Detect("Area,Year,Rate\nHartlepool,2021,5\n").Problem!;

        problem.Rule.Should().Be(IssueRules.UnknownFormat);
        problem.LineNumber.Should().Be(1);
        problem.Message.Should().Contain("GEOGRAPHY_CODE").And.Contain("Crown Copyright").And.Contain("MEASURE_ID")
            .And.Contain("Indicator ID").And.Contain("indicator_key").And.Contain("Area,Year,Rate");
    }

    [Fact]
    public void The_analyst_can_override_detection()
    {
        var inspection = ImportFileReader.Open(ImportTestFiles.PathOf("template/example.csv"), ImportFormat.Fingertips);

        inspection.Format.Should().Be(ImportFormat.Fingertips);
        inspection.DetectedFormat.Should().Be(ImportFormat.Template);
        var issues = inspection.ReadRecords().SelectMany(r => r.Issues).ToList();
        issues.Should().ContainSingle().Which.Rule.Should().Be(IssueRules.MissingColumn);
    }
}
