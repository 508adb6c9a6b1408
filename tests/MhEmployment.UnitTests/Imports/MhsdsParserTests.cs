using MhEmployment.Web.Features.Imports.Parsing;

namespace MhEmployment.UnitTests.Imports;

public class MhsdsParserTests
{
    private static readonly Lazy<ParseOutcome> Real = new(() => ImportTestFiles.ReadReal("mhsds/MHSDS%20Data_4WW_SepPerf_2024.csv"));

    [Fact]
    public void Four_week_waits_file_yields_every_breakdown_marked_for_the_workflow()
    {
        var result = Real.Value;

        result.Inspection!.Format.Should().Be(ImportFormat.Mhsds);
        result.Errors.Should().BeEmpty();
        // 18,942 rows: 44 England, 1,892 ICB (of which 44 for UNKNOWN, skipped), 17,006 provider.
        result.Observations.Should().HaveCount(18_898);
        var byBreakdown = result.Observations.GroupBy(o => o.SeriesFacts!["breakdown"]).ToDictionary(g => g.Key, g => g.Count());
        byBreakdown.Should().BeEquivalentTo(new Dictionary<string, int>
        {
            ["England"] = 44,
            ["ICB of GP Practice or Residence"] = 1_848,
            ["Provider"] = 17_006,
        });
        result.Observations.Where(o => o.SeriesFacts!["breakdown"] == "Provider")
            .Should().OnlyContain(o => o.SeriesFacts!["area-kind"] == MhsdsBreakdowns.Provider);
        result.Observations.Where(o => o.SeriesFacts!["breakdown"] == "ICB of GP Practice or Residence")
            .Select(o => o.AreaCode).Distinct().Should().HaveCount(42);

        var unknown = result.WithRule(IssueRules.UnallocatedRowsSkipped).Should().ContainSingle().Subject;
        unknown.Severity.Should().Be(IssueSeverity.Warning);
        unknown.Message.Should().StartWith("44 rows");
    }

    [Fact]
    public void Star_suppressions_are_kept_as_suppressed_with_one_warning_each()
    {
        var result = Real.Value;

        var suppressed = result.Observations.Where(o => o.SuppressionMarker == "*").ToList();
        suppressed.Should().OnlyContain(o => o.Value == null);
        // 11,660 rows hold "*"; those of the UNKNOWN ICB are skipped with their rows.
        suppressed.Count.Should().BeInRange(11_600, 11_660);
        result.WithRule(IssueRules.Suppressed).Should().HaveCount(suppressed.Count)
            .And.OnlyContain(i => i.Severity == IssueSeverity.Warning && i.Column == "MEASURE_VALUE" && i.Value == "*");
    }

    [Fact]
    public void England_values_month_and_quarter_periods_and_decimals()
    {
        var result = Real.Value;

        var mrs01 = result.Single(MhsdsBreakdowns.EnglandCode, "mhsds:MRS01");
        mrs01.Value.Should().Be(13706);
        mrs01.AreaName.Should().Be("England");
        mrs01.LineNumber.Should().Be(2);
        mrs01.PeriodLabel.Should().Be("Jul 2024-Sep 2024");
        (mrs01.PeriodStart, mrs01.PeriodEnd).Should().Be((new DateOnly(2024, 7, 1), new DateOnly(2024, 9, 30)));
        mrs01.SeriesFacts!["area-kind"].Should().Be(MhsdsBreakdowns.England);

        result.Single(MhsdsBreakdowns.EnglandCode, "mhsds:MRS01b").Value.Should().Be(8.375894);
        var mrs02 = result.Single(MhsdsBreakdowns.EnglandCode, "mhsds:MRS02");
        mrs02.Value.Should().Be(401057);
        mrs02.PeriodLabel.Should().Be("Sep 2024");
    }

    [Fact]
    public void Ascof_1F_numerator_and_denominator_pair_into_one_percentage()
    {
        const string csv = """
            REPORTING_PERIOD_START,REPORTING_PERIOD_END,STATUS,BREAKDOWN,PRIMARY_LEVEL,PRIMARY_LEVEL_DESCRIPTION,SECONDARY_LEVEL,SECONDARY_LEVEL_DESCRIPTION,MEASURE_ID,MEASURE_NAME,MEASURE_VALUE
            2023-04-01,2024-03-31,Final,CASSR,E06000001,Hartlepool,NONE,NONE,1F_NUMERATOR,People in paid employment,30
            2023-04-01,2024-03-31,Final,CASSR,E06000002,Middlesbrough,NONE,NONE,1F_NUMERATOR,People in paid employment,*
            2023-04-01,2024-03-31,Final,CASSR,E06000001,Hartlepool,NONE,NONE,DENOMINATOR,People in contact,600
            2023-04-01,2024-03-31,Final,CASSR,E06000002,Middlesbrough,NONE,NONE,DENOMINATOR,People in contact,500
            2023-04-01,2024-03-31,Final,CASSR,E06000003,Redcar and Cleveland,NONE,NONE,1F_NUMERATOR,People in paid employment,12
            2023-04-01,2024-03-31,Final,CASSR,E06000001,Hartlepool,NONE,NONE,MHS01,People in contact,1200
            """;

        var result = ImportTestFiles.Parse(ImportFormat.Mhsds, csv);

        var hartlepool = result.Single("E06000001", "mhsds:1F");
        (hartlepool.Count, hartlepool.Denominator, hartlepool.Value).Should().Be((30d, 600d, 5d));
        hartlepool.LineNumber.Should().Be(2);
        hartlepool.SeriesFacts!["area-kind"].Should().Be(MhsdsBreakdowns.LocalAuthority);
        (hartlepool.PeriodStart, hartlepool.PeriodEnd).Should().Be((new DateOnly(2023, 4, 1), new DateOnly(2024, 3, 31)));
        hartlepool.PeriodLabel.Should().Be("Apr 2023-Mar 2024");

        var middlesbrough = result.Single("E06000002", "mhsds:1F");
        middlesbrough.Value.Should().BeNull();
        middlesbrough.SuppressionMarker.Should().Be("*");
        middlesbrough.Denominator.Should().Be(500);

        result.Single("E06000003", "mhsds:1F_NUMERATOR").Value.Should().Be(12);
        result.WithRule(IssueRules.UnpairedAscof1F).Should().ContainSingle().Which.LineNumber.Should().Be(6);
        result.Single("E06000001", "mhsds:MHS01").Value.Should().Be(1200);
        result.Errors.Should().BeEmpty();
    }

    [Theory]
    [InlineData("England", MhsdsBreakdowns.England)]
    [InlineData("ICB of GP Practice or Residence", MhsdsBreakdowns.Icb)]
    [InlineData("Sub ICB of GP Practice or Residence", MhsdsBreakdowns.SubIcb)]
    [InlineData("CCG - GP Practice or Residence; Age Group", MhsdsBreakdowns.SubIcb)]
    [InlineData("Commissioning Region", MhsdsBreakdowns.Region)]
    [InlineData("Provider", MhsdsBreakdowns.Provider)]
    [InlineData("CASSR", MhsdsBreakdowns.LocalAuthority)]
    [InlineData("Local Authority of Residence", MhsdsBreakdowns.LocalAuthority)]
    [InlineData("Ethnicity", MhsdsBreakdowns.Other)]
    public void Breakdowns_are_classified_by_area_kind(string breakdown, string kind) =>
        MhsdsBreakdowns.AreaKind(breakdown).Should().Be(kind);
}
