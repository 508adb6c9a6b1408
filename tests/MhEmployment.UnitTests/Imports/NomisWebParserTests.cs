using MhEmployment.Web.Features.Imports.Parsing;

namespace MhEmployment.UnitTests.Imports;

public class NomisWebParserTests
{
    [Fact]
    public void Census_LSOA_download_yields_six_series_for_every_area()
    {
        // The whole real file (1.9 MB, 35,672 LSOAs x 6 columns) reads in well under a second.
        var result = ImportTestFiles.ReadReal("nomis_web/TS021_ethnic_group_lsoa11.csv");

        result.Inspection!.Format.Should().Be(ImportFormat.NomisWeb);
        result.Issues.Should().BeEmpty("the preamble, blank lines and footnotes are skipped");
        result.Observations.Should().HaveCount(35_672 * 6);
        result.Observations.Select(o => o.AreaCode).Distinct().Should().HaveCount(35_672);
        result.Observations.Count(o => o.AreaCode.StartsWith('W')).Should().Be(1_917 * 6);

        const string total = "nomisweb:TS021 - Ethnic group|Total: All usual residents";
        var city = result.Single("E01000001", total);
        city.Value.Should().Be(1474);
        city.AreaName.Should().Be("City of London 001A");
        city.PeriodLabel.Should().Be("2021");
        (city.PeriodStart, city.PeriodEnd).Should().Be((new DateOnly(2021, 1, 1), new DateOnly(2021, 12, 31)));
        city.SeriesFacts!["units"].Should().Be("Persons");
        city.SeriesFacts["population"].Should().Be("All usual residents");
        city.SeriesFacts["column"].Should().Be("Total: All usual residents");
        result.Single("E01000001", "nomisweb:TS021 - Ethnic group|Asian, Asian British or Asian Welsh").Value.Should().Be(158);
        result.Single("E01000001", "nomisweb:TS021 - Ethnic group|Black, Black British, Black Welsh, Caribbean or African").Value.Should().Be(11);
        result.Single("E01000001", "nomisweb:TS021 - Ethnic group|Mixed or Multiple ethnic groups").Value.Should().Be(56);
        result.Single("E01000001", "nomisweb:TS021 - Ethnic group|White").Value.Should().Be(1181);
        result.Single("E01000001", "nomisweb:TS021 - Ethnic group|Other ethnic group").Value.Should().Be(68);

        var hartlepool = result.Single("E01011954", total);
        hartlepool.Value.Should().Be(2284);
        hartlepool.LineNumber.Should().Be(10, "line 1 is blank, 2-6 the preamble, 8 the header, 9 blank");
    }

    [Fact]
    public void Code_colon_name_cells_markers_and_preamble_sex_and_age()
    {
        const string csv = """

            "Claimant count by sex and age"
            "ONS Crown Copyright Reserved [from Nomis on 3 May 2024]"
            "Gender     :","Female"
            "Age        :","Aged 16-64"
            "Units      :","Persons"
            "Date       :","Oct-Dec 2017"

            "local authority: district / unitary (as of April 2023)","Claimants","Rate"
            "E06000001 : Hartlepool",1500,4.2
            "E06000002 : Middlesbrough",!,-
            "E06000003",900,3.1


            "","Figures may not sum because of rounding."
            """;

        var result = ImportTestFiles.Parse(ImportFormat.NomisWeb, csv);

        result.Errors.Should().BeEmpty();
        result.Observations.Should().HaveCount(6);
        var hartlepool = result.Single("E06000001", "nomisweb:Claimant count by sex and age|Claimants");
        hartlepool.AreaName.Should().Be("Hartlepool");
        hartlepool.Value.Should().Be(1500);
        hartlepool.Sex.Should().Be("Female");
        hartlepool.AgeBand.Should().Be("Aged 16-64");
        (hartlepool.PeriodStart, hartlepool.PeriodEnd).Should().Be((new DateOnly(2017, 10, 1), new DateOnly(2017, 12, 31)));
        result.Single("E06000002", "nomisweb:Claimant count by sex and age|Claimants").SuppressionMarker.Should().Be("!");
        result.Single("E06000002", "nomisweb:Claimant count by sex and age|Rate").SuppressionMarker.Should().Be("-");
        result.Single("E06000003", "nomisweb:Claimant count by sex and age|Rate").Value.Should().Be(3.1);
        result.WithRule(IssueRules.Suppressed).Should().HaveCount(2);
    }
}
