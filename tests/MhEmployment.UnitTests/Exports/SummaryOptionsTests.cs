using MhEmployment.Web.Features.Exports;
using Microsoft.Net.Http.Headers;

namespace MhEmployment.UnitTests.Exports;

public sealed class SummaryOptionsTests
{
    [Fact]
    public void Sections_NoneGiven_AreAll()
    {
        var problems = new List<string>();

        SummarySections.Parse([], problems).Should().BeEquivalentTo(Enum.GetValues<SummarySection>());
        problems.Should().BeEmpty();
    }

    [Fact]
    public void Sections_AreReadByKey_WhateverTheCase_AndAMistypedOneIsAProblem()
    {
        var problems = new List<string>();

        SummarySections.Parse(["Red-Red, gaps", "tables"], problems).Should().BeEquivalentTo([SummarySection.RedRed, SummarySection.Gaps]);
        problems.Should().ContainSingle().Which.Should().StartWith("'tables' is not a section of the summary; the sections are headlines, narrative");
    }

    [Theory]
    [InlineData("docx", ExportFormat.Docx)]
    [InlineData(".XLSX", ExportFormat.Xlsx)]
    [InlineData("csv", ExportFormat.Csv)]
    [InlineData("pdf", ExportFormat.Pdf)]
    [InlineData("json", ExportFormat.Json)]
    [InlineData("odt", null)]
    [InlineData("1", null)]
    [InlineData(null, null)]
    public void Extension_NamesItsFormat(string? extension, ExportFormat? expected) =>
        ExportFormats.FromExtension(extension).Should().Be(expected);

    [Theory]
    [InlineData("", ExportFormat.Json)]
    [InlineData("*/*", ExportFormat.Json)]
    [InlineData("application/pdf", ExportFormat.Pdf)]
    [InlineData("text/csv;q=0.5, application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ExportFormat.Xlsx)]
    [InlineData("image/png, application/vnd.openxmlformats-officedocument.wordprocessingml.document;q=0.1", ExportFormat.Docx)]
    [InlineData("image/png", null)]
    [InlineData("application/pdf;q=0", null)]
    public void Accept_PrefersTheHighestQualityFormatItKnows(string accept, ExportFormat? expected)
    {
        var values = accept.Length == 0 ? [] : MediaTypeHeaderValue.ParseList([accept]);

        ExportFormats.FromAccept(values).Should().Be(expected);
    }

    [Fact]
    public void Numbers_ReadAsThePagesWriteThem()
    {
        var row = SummarySamples.Borough().Headlines[0];

        SummaryText.Value(row).Should().Be("31.3 per 1,000");
        SummaryText.Interval(row).Should().Be("30.1 to 32.4");
        SummaryText.Rank(row.Rank, row.RankOutOf).Should().Be("3 of 33");
        SummaryText.Value(SummarySamples.Borough().Headlines[2]).Should().Be("Suppressed", "a note that only says so is not repeated");
        SummaryText.Share(0.1875).Should().Be("19%");
        SummaryText.Share(null).Should().Be("–");
    }

    [Fact]
    public void FileName_IsSafe_WhateverTheAreasName()
    {
        var summary = SummarySamples.Hackney() with { BenchmarkName = "England" };
        var odd = summary with { Areas = [summary.Areas[0] with { Name = "../Ynys Môn \"\u202E\" <x>" }] };

        SummaryFiles.FileName(summary, ExportFormat.Docx).Should().Be("hackney-e09000012-needs-summary-vs-england.docx");
        SummaryFiles.FileName(odd, ExportFormat.Pdf).Should().Be("ynys-môn-x-e09000012-needs-summary-vs-england.pdf");
    }
}
