using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Exports;
using MhEmployment.Web.Features.Exports.Bulk;

namespace MhEmployment.UnitTests.Exports;

public sealed class BulkExportRulesTests
{
    private static readonly BulkExportChoices Choices = new([("E12000007", "London"), ("E12000001", "North East")], ["Default", "ESA only"], true, "");

    [Fact]
    public void Check_AFilledInForm_GivesTheOrder_WithTheRegionAsBenchmarkWhenChosen()
    {
        var form = new BulkExportForm { Region = "e12000007", Format = "DOCX", Benchmark = "region", Scheme = "esa ONLY", Sections = ["red-red", "headlines"] };

        var (order, problems) = BulkExportRules.Check(form, Choices);

        problems.Should().BeEmpty();
        order.Should().BeEquivalentTo(new
        {
            RegionCode = "E12000007", RegionName = "London", Format = ExportFormat.Docx, Benchmark = "E12000007", Scheme = "ESA only",
            SectionKeys = "headlines,red-red",
        });
    }

    [Fact]
    public void Check_TheInitialForm_AsksForEnglandTheDefaultSchemeAndEverySection()
    {
        var form = BulkExportForm.Initial();
        form.Region = "E12000001";
        form.Format = "csv";

        var (order, _) = BulkExportRules.Check(form, Choices);

        order!.Benchmark.Should().Be("E92000001");
        order.Scheme.Should().Be(WeightingScheme.DefaultName);
        order.Sections.Should().BeEquivalentTo(Enum.GetValues<SummarySection>());
    }

    [Fact]
    public void Check_AnEmptyForm_NamesEveryFieldToFillIn()
    {
        var (order, problems) = BulkExportRules.Check(new BulkExportForm { Benchmark = null }, Choices);

        order.Should().BeNull();
        problems.Should().BeEquivalentTo(new[]
        {
            ("Region", "Choose a region."),
            ("Format", "Choose a format."),
            ("Benchmark", "Choose England or the region as the benchmark."),
            ("Sections", "Choose at least one section."),
        });
    }

    [Fact]
    public void Check_ValuesNotOnOffer_AreRefusedWithWhatToChooseInstead()
    {
        var form = new BulkExportForm { Region = "E09000012", Format = "json", Benchmark = "wales", Scheme = "Mine", Sections = ["headlines", "charts"] };

        var (order, problems) = BulkExportRules.Check(form, Choices);

        order.Should().BeNull();
        problems.Should().BeEquivalentTo(new[]
        {
            ("Region", "'E09000012' is not an English region's code; choose a region from the list."),
            ("Format", "'json' is not a format of the export; choose Word, Excel, CSV or PDF."),
            ("Benchmark", "Choose England or the region as the benchmark."),
            ("Scheme", "There is no weighting scheme 'Mine'; choose one from the list."),
            ("Sections", "'charts' is not a section of the summary; the sections are headlines, narrative, spine-chart, key-charts, red-red, assets, rag-analysis, gaps, priorities."),
        });
    }

    [Fact]
    public void Check_PdfWithoutLibreOffice_SaysWhatToInstall()
    {
        var noPdf = Choices with { PdfAvailable = false, PdfInstallHint = "Install LibreOffice Writer (apt-get install libreoffice-writer-nogui)." };
        var form = new BulkExportForm { Region = "E12000007", Format = "pdf", Sections = ["headlines"] };

        var (order, problems) = BulkExportRules.Check(form, noPdf);

        order.Should().BeNull();
        problems.Should().Equal(("Format", "PDF is not available on this server. Install LibreOffice Writer (apt-get install libreoffice-writer-nogui)."));
    }

    [Theory]
    [InlineData(ExportJobStatus.Queued, 0, 0, null, false, "Waiting to start.")]
    [InlineData(ExportJobStatus.Running, 12, 33, "Hackney", false, "12 of 33 boroughs: now Hackney")]
    [InlineData(ExportJobStatus.Running, 12, 33, "Hackney", true, "12 of 33 boroughs: now Hackney. Stopping as you asked.")]
    [InlineData(ExportJobStatus.Done, 33, 33, null, false, "All 33 boroughs done.")]
    [InlineData(ExportJobStatus.Cancelled, 12, 33, null, true, "Cancelled after 12 of 33 boroughs.")]
    public void Progress_SaysHowFarTheJobHasGone(ExportJobStatus status, int done, int total, string? area, bool cancel, string expected)
    {
        var job = new ExportJob
        {
            RegionCode = "E12000007", RegionName = "London", Benchmark = "E92000001", Scheme = "Default", Sections = "headlines",
            RequestedBy = "officer", RequestedByUserId = "1", Status = status, Done = done, Total = total, CurrentArea = area, CancelRequested = cancel,
        };

        BulkExportText.Progress(job).Should().Be(expected);
    }
}
