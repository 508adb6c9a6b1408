using MhEmployment.Web.Features.Imports.Parsing;

namespace MhEmployment.UnitTests.Imports;

public class TemplateParserTests
{
    [Fact]
    public void Documented_example_reads_as_described()
    {
        var result = ImportTestFiles.ReadReal("template/example.csv");

        result.Inspection!.Format.Should().Be(ImportFormat.Template);
        result.Errors.Should().BeEmpty();
        result.Observations.Should().HaveCount(5);

        var hartlepool = result.Single("E06000001");
        hartlepool.SeriesKey.Should().Be("local.ips-referrals-employed");
        hartlepool.AreaName.Should().Be("Hartlepool");
        (hartlepool.Value, hartlepool.Count, hartlepool.Denominator).Should().Be((41.2, 89d, 216d));
        (hartlepool.Lower95, hartlepool.Upper95).Should().Be((34.9, 47.8));
        (hartlepool.PeriodStart, hartlepool.PeriodEnd).Should().Be((new DateOnly(2023, 4, 1), new DateOnly(2024, 3, 31)));
        hartlepool.AgeBand.Should().Be("18-64");
        hartlepool.Note.Should().Be("IPS service returns");

        var middlesbrough = result.Single("E06000002");
        middlesbrough.Value.Should().BeNull();
        middlesbrough.SuppressionMarker.Should().Be("*");

        // No dates: dated from the label (a financial year).
        var redcar = result.Single("E06000003");
        (redcar.PeriodStart, redcar.PeriodEnd).Should().Be((new DateOnly(2023, 4, 1), new DateOnly(2024, 3, 31)));

        var leeds = result.Observations.Where(o => o.AreaCode == "E08000035").ToList();
        leeds.Select(o => o.Sex).Should().BeEquivalentTo(["Female", "Male"]);
        leeds.Single(o => o.Sex == "Female").Note.Should().Be("Survey estimate, weighted");
        leeds.Single(o => o.Sex == "Male").SuppressionMarker.Should().Be("..");
        result.WithRule(IssueRules.Suppressed).Should().HaveCount(2);
    }

    [Fact]
    public void Minimal_template_defaults_sex_and_age()
    {
        const string csv = """
            indicator_key,area_code,period_label,value
            local.x,E06000001,2022,5
            """;

        var o = ImportTestFiles.Parse(ImportFormat.Template, csv).Observations.Should().ContainSingle().Subject;

        (o.Sex, o.AgeBand, o.SeriesName).Should().Be(("Persons", "All ages", "local.x"));
        (o.PeriodStart, o.PeriodEnd).Should().Be((new DateOnly(2022, 1, 1), new DateOnly(2022, 12, 31)));
    }

    [Fact]
    public void Exact_repeats_collapse_silently()
    {
        const string csv = """
            indicator_key,area_code,period_label,value
            local.x,E06000001,2022,5
            local.x,E06000001,2022,5
            """;

        var result = ImportTestFiles.Parse(ImportFormat.Template, csv);

        result.Observations.Should().ContainSingle();
        result.Issues.Should().BeEmpty();
    }

    [Fact]
    public void ValuesCountsAndLimitsOfAnAbsurdMagnitude_AreErrorsWithTheCell()
    {
        var result = ImportTestFiles.Parse(ImportFormat.Template,
            "indicator_key,area_code,period_label,value,count,denominator,lower_95\n" +
            "local.x,E06000001,2023,1.8E+308,,,\n" +
            "local.x,E06000002,2023,5,25000000000000,,\n" +
            "local.x,E06000003,2023,5,1,10,-2e13\n" +
            "local.x,E06000004,2023,999999999999,1,1000000000000,\n");

        result.Observations.Select(o => o.AreaCode).Should().Equal("E06000004");
        result.Errors.Select(e => (e.Rule, e.LineNumber, e.Column, e.Value)).Should().Equal(
            (IssueRules.ImplausibleMagnitude, 2L, "value", "1.8E+308"),
            (IssueRules.ImplausibleMagnitude, 3L, "count", "25000000000000"),
            (IssueRules.ImplausibleMagnitude, 4L, "lower_95", "-2e13"));
        result.Errors.First().Message.Should().Contain("implausibly large");
    }
}
