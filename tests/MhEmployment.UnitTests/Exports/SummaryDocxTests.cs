using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using MhEmployment.Web.Features.Exports;
using SkiaSharp;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;

namespace MhEmployment.UnitTests.Exports;

public sealed class SummaryDocxTests
{
    private static byte[] Docx(NeedsSummary summary)
    {
        using var stream = new MemoryStream();
        SummaryDocx.Write(summary, stream);
        return stream.ToArray();
    }

    private static WordprocessingDocument Open(byte[] docx) => WordprocessingDocument.Open(new MemoryStream(docx), false);

    private static Body BodyOf(WordprocessingDocument document) => document.MainDocumentPart!.Document.Body!;

    private static List<string> Headings(WordprocessingDocument document, string styleId) =>
        [.. BodyOf(document).Descendants<Paragraph>().Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == styleId).Select(p => p.InnerText)];

    /// <summary>The first table after the (single) heading with this text.</summary>
    private static Table TableAfter(WordprocessingDocument document, string heading) =>
        BodyOf(document).Elements<Paragraph>().Single(p => p.InnerText == heading && p.ParagraphProperties?.ParagraphStyleId?.Val?.Value is { } style
            && style.StartsWith("Heading", StringComparison.Ordinal)).ElementsAfter().OfType<Table>().First();

    /// <summary>Each row's cells as text; a cell's first paragraph only (its second line is a grey hint).</summary>
    private static List<List<string>> Rows(Table table) =>
        [.. table.Elements<TableRow>().Select(r => r.Elements<TableCell>().Select(c => c.Elements<Paragraph>().First().InnerText).ToList())];

    private static string Text(WordprocessingDocument document) => string.Join("\n", BodyOf(document).Descendants<Paragraph>().Select(p => p.InnerText));

    private static void ShouldBeValid(byte[] docx)
    {
        using var document = Open(docx);
        // Word 2007's schema (the validator's default) and a recent one.
        foreach (var version in new[] { DocumentFormat.OpenXml.FileFormatVersions.Office2007, DocumentFormat.OpenXml.FileFormatVersions.Microsoft365 })
        {
            var errors = new OpenXmlValidator(version).Validate(document).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();
            errors.Should().BeEmpty(version.ToString());
        }
    }

    [Fact]
    public void Write_Hackney_IsValidOpenXml()
    {
        ShouldBeValid(Docx(SummarySamples.Hackney()));
    }

    [Fact]
    public void Write_AreaWithNoValuesAndNoAssets_IsValidAndSaysSoInWords()
    {
        var docx = Docx(SummarySamples.Empty());

        ShouldBeValid(docx);
        using var document = Open(docx);
        var text = Text(document);
        text.Should().Contain("No indicator has values for Nowhere yet.")
            .And.Contain("No asset on the register serves Nowhere")
            .And.Contain("No RAG analysis has been recorded for Nowhere.")
            .And.Contain("No priority or next step has been agreed for Nowhere yet.")
            .And.Contain("There is no chart for Nowhere");
        BodyOf(document).Descendants<Table>().Should().OnlyContain(t => t.Elements<TableRow>().Count() > 1, "an empty list is a sentence, never an empty table");
        BodyOf(document).Descendants<Drawing>().Should().BeEmpty();
    }

    [Fact]
    public void Write_AreaWithNothing_SaysSoOnce_AndEvenWithEverySectionLeftOut()
    {
        using var full = Open(Docx(SummarySamples.Empty()));
        using var bare = Open(Docx(SummarySamples.Empty() with { Sections = new HashSet<SummarySection>() }));

        Text(full).Split('\n').Count(p => p == "No indicator has values for Nowhere yet.").Should().Be(1);
        Text(bare).Should().Contain("No indicator has values for Nowhere yet.").And.Contain("No asset on the register serves Nowhere.");
        Headings(bare, "Heading2").Should().Equal("Sources", "Methods", "About this summary");
    }

    [Fact]
    public void Write_TwoAreas_IsValid_WithEachAreaAChapterOnANewPage()
    {
        var docx = Docx(SummarySamples.Of(SummarySamples.Borough(), SummarySamples.Nothing()));

        ShouldBeValid(docx);
        using var document = Open(docx);
        Headings(document, "Heading1").Should().Equal("Hackney", "Nowhere", "Sources and methods");
        var heading1 = document.MainDocumentPart!.StyleDefinitionsPart!.Styles!.Elements<Style>().Single(s => s.StyleId == "Heading1");
        heading1.StyleParagraphProperties!.PageBreakBefore.Should().NotBeNull("each chapter starts a page");
        Text(document).Should().Contain("Areas: Hackney (E09000012), Nowhere (E09000099)");
    }

    [Fact]
    public void Write_Hackney_HasEverySectionAsAHeadingInWordsHeadingStyles()
    {
        using var document = Open(Docx(SummarySamples.Hackney()));

        Headings(document, "Title").Should().Equal("Needs summary: Hackney");
        Headings(document, "Heading1").Should().Equal("Hackney", "Sources and methods");
        Headings(document, "Heading2").Should().Equal(
            "Headline indicators", "What the figures say", "Charts", "Worse than England and getting worse", "Asset coverage by domain",
            "Latest RAG analysis", "Gaps", "Priorities and next steps", "Sources", "Methods", "About this summary");
        Headings(document, "Heading3").Should().Equal("Benefits", "Employment", "Prevalence", "ESA claimants with mental and behavioural disorders, Hackney and England");
    }

    [Fact]
    public void Styles_DefineHeadingsWithOutlineLevels_SoTheNavigationPaneAndContentsFindThem()
    {
        using var document = Open(Docx(SummarySamples.Hackney()));

        var styles = document.MainDocumentPart!.StyleDefinitionsPart!.Styles!.Elements<Style>().ToDictionary(s => s.StyleId!.Value!);
        styles["Heading1"].StyleName!.Val!.Value.Should().Be("heading 1");
        styles["Heading1"].StyleParagraphProperties!.OutlineLevel!.Val!.Value.Should().Be(0);
        styles["Heading2"].StyleName!.Val!.Value.Should().Be("heading 2");
        styles["Heading2"].StyleParagraphProperties!.OutlineLevel!.Val!.Value.Should().Be(1);
        styles["Heading3"].StyleParagraphProperties!.OutlineLevel!.Val!.Value.Should().Be(2);
    }

    [Fact]
    public void Contents_IsATocFieldListingEveryChapterAndSection_LinkedToItsHeading()
    {
        using var document = Open(Docx(SummarySamples.Hackney()));

        var body = BodyOf(document);
        body.Descendants<FieldCode>().Select(f => f.Text.Trim()).Should().Contain(@"TOC \o ""1-2"" \h \z \u");
        var entries = body.Descendants<Hyperlink>().ToList();
        entries.Select(h => h.InnerText).Should().StartWith(["Hackney", "Headline indicators", "What the figures say"]).And.EndWith("About this summary");
        var bookmarks = body.Descendants<BookmarkStart>().ToDictionary(b => b.Name!.Value!, b => b.Parent!.InnerText);
        entries.Should().OnlyContain(h => bookmarks[h.Anchor!.Value!] == h.InnerText);
    }

    [Fact]
    public void HeadlineTable_HasTheDashboardsFigures_FormattedAsThePagesShowThem()
    {
        using var document = Open(Docx(SummarySamples.Hackney()));

        var benefits = Rows(TableAfter(document, "Benefits"));
        benefits[0].Should().Equal("Indicator", "Period", "Count", "Value", "95% interval", "England", "Compared with England", "Recent trend", "Rank");
        benefits[1].Should().Equal("ESA claimants with mental and behavioural disorders", "Aug 2023", "5,210", "31.3 per\u00A01,000", "30.1 to 32.4",
            "24.8 per\u00A01,000", "Worse", "Increasing and getting worse", "3 of 33");
        Rows(TableAfter(document, "Employment"))[1].Should().Equal(
            "Employment rate", "2023", "", "72.5%", "70.2 to 74.8", "75.7%", "Similar", "No significant change", "20 of 33");
        Rows(TableAfter(document, "Prevalence"))[1].Should().Equal(
            "Severe mental illness prevalence", "2022/23", "", "Suppressed", "", "1.00%", "Not compared", "Not enough periods", "–");
    }

    [Fact]
    public void HeadlineTable_RepeatsItsHeaderRow_AndShowsWhomEachFigureIsAbout()
    {
        using var document = Open(Docx(SummarySamples.Hackney()));

        var table = TableAfter(document, "Benefits");
        var rows = table.Elements<TableRow>().ToList();
        rows[0].TableRowProperties!.GetFirstChild<TableHeader>().Should().NotBeNull();
        rows.Skip(1).Should().OnlyContain(r => r.TableRowProperties!.GetFirstChild<TableHeader>() == null);
        rows[1].Elements<TableCell>().First().Elements<Paragraph>().Select(p => p.InnerText).Should().Equal(
            "ESA claimants with mental and behavioural disorders", "Persons, 16-64");
    }

    [Fact]
    public void Significance_IsShadedInThePagesBadgeColour()
    {
        using var document = Open(Docx(SummarySamples.Hackney()));

        var worse = TableAfter(document, "Benefits").Elements<TableRow>().ElementAt(1).Elements<TableCell>().ElementAt(6);
        worse.InnerText.Should().Be("Worse");
        worse.TableCellProperties!.Shading!.Fill!.Value.Should().Be("C00000");
        worse.Descendants<Color>().Single().Val!.Value.Should().Be("FFFFFF");
    }

    [Fact]
    public void OtherTables_HoldTheSamplesRows()
    {
        using var document = Open(Docx(SummarySamples.Hackney()));

        Rows(TableAfter(document, "Worse than England and getting worse"))[1].Should().Equal(
            "ESA claimants with mental and behavioural disorders", "Aug 2023", "31.3 per\u00A01,000", "24.8 per\u00A01,000", "Increasing and getting worse", "3 of 33");
        var domains = Rows(TableAfter(document, "Asset coverage by domain"));
        domains[0].Should().Equal("Domain", "Items", "Covered", "Gaps", "Coverage", "Need", "Need percentile", "Indicators with values", "High need, low coverage");
        domains.Skip(1).Should().BeEquivalentTo(new[]
        {
            new[] { "1. (Re)employment", "8", "5", "3", "50%", "High", "91%", "3 of 4", "Yes" },
            new[] { "2. Retention and early return", "6", "6", "0", "83%", "Medium", "50%", "2 of 4", "No" },
            new[] { "4. Other assets", "3", "0", "3", "0%", "No need measured", "–", "None linked", "No" },
        }, o => o.WithStrictOrdering());
        Rows(TableAfter(document, "Latest RAG analysis")).Skip(1).Should().BeEquivalentTo(new[]
        {
            new[] { "1.1", "Individual placement and support (IPS)", "Green", "Commissioned to 2028." },
            new[] { "1.2", "Vocational rehabilitation", "Red", SummarySamples.Formula },
        }, o => o.WithStrictOrdering());
        Rows(TableAfter(document, "Gaps"))[1].Should().Equal(
            "1. (Re)employment", "1.3", "Supported employment for people with learning disabilities", "Make it a priority: consider a new service");
        Rows(TableAfter(document, "Priorities and next steps")).Skip(1).Should().BeEquivalentTo(new[]
        {
            new[] { "1. (Re)employment", "New priority action", SummarySamples.Formula, "Head of Commissioning", "Short term (under a year)", "Agreed", "31 March 2027" },
            new[] { "2. Retention and early return", "Protect and promote", "Keep the IAPT employment advisers", "+44 20 7946 0000", "Medium term (1 to 3 years)", "In progress", "–" },
        }, o => o.WithStrictOrdering());
        Rows(TableAfter(document, "Sources")).Skip(1).Should().BeEquivalentTo(new[]
        {
            new[] { "ESA claimants with mental and behavioural disorders", "DWP via NOMIS", "Aug 2023", "15 January 2024, 09:30 UTC" },
            new[] { "Employment rate", "ONS Annual Population Survey", "2023", "Not recorded" },
        }, o => o.WithStrictOrdering());
    }

    [Fact]
    public void TextThatLooksLikeAFormula_StaysText()
    {
        using var document = Open(Docx(SummarySamples.Hackney()));

        Text(document).Should().Contain(SummarySamples.Formula);
        BodyOf(document).Descendants<FieldCode>().Should().OnlyContain(f => f.Text.Contains("TOC", StringComparison.Ordinal));
        BodyOf(document).Descendants<SimpleField>().Should().BeEmpty();
    }

    [Fact]
    public void Narrative_IsABulletedListOfTheSentences()
    {
        using var document = Open(Docx(SummarySamples.Hackney()));

        BodyOf(document).Descendants<Paragraph>().Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "ListBullet")
            .Select(p => p.InnerText).Should().Equal(SummarySamples.Borough().Headlines.Select(h => h.Narrative));
    }

    [Fact]
    public void Charts_ArePngImagesWithTheChartsTitleAndAltText()
    {
        var area = SummarySamples.Borough();
        using var document = Open(Docx(SummarySamples.Hackney()));

        var drawings = BodyOf(document).Descendants<DW.Inline>().ToList();
        drawings.Should().HaveCount(area.Charts.Count);
        var properties = drawings[0].DocProperties!;
        properties.Title!.Value.Should().Be(area.Charts[0].Title);
        properties.Description!.Value.Should().Be(area.Charts[0].AltText);
        var blip = drawings[0].Descendants<DocumentFormat.OpenXml.Drawing.Blip>().Single();
        var part = (ImagePart)document.MainDocumentPart!.GetPartById(blip.Embed!.Value!);
        part.ContentType.Should().Be("image/png");
        using var stream = part.GetStream();
        using var bitmap = SKBitmap.Decode(stream);
        bitmap.Should().NotBeNull();
        ((double)drawings[0].Extent!.Cx!.Value / drawings[0].Extent!.Cy!.Value).Should().BeApproximately((double)bitmap.Width / bitmap.Height, 0.01);
    }

    [Fact]
    public void SectionsLeftOut_AreNotInTheDocument()
    {
        var summary = SummarySamples.Hackney() with { Sections = new HashSet<SummarySection> { SummarySection.Headlines, SummarySection.Gaps } };

        var docx = Docx(summary);

        ShouldBeValid(docx);
        using var document = Open(docx);
        Headings(document, "Heading2").Should().Equal("Headline indicators", "Gaps", "Sources", "Methods", "About this summary");
        BodyOf(document).Descendants<Drawing>().Should().BeEmpty();
    }

    [Fact]
    public void Pages_AreA4_NumberedInTheFooter_ExceptTheTitlePage()
    {
        using var document = Open(Docx(SummarySamples.Hackney()));

        var section = BodyOf(document).Elements<SectionProperties>().Single();
        var size = section.GetFirstChild<PageSize>()!;
        (size.Width!.Value, size.Height!.Value).Should().Be((11906U, 16838U), "A4 is 210 by 297 mm");
        section.GetFirstChild<TitlePage>().Should().NotBeNull();
        var footerId = section.Elements<FooterReference>().Single(f => f.Type!.Value == HeaderFooterValues.Default).Id!.Value!;
        var footer = ((FooterPart)document.MainDocumentPart!.GetPartById(footerId)).Footer!;
        footer.Descendants<SimpleField>().Select(f => f.Instruction!.Value!.Trim()).Should().Equal("PAGE", "NUMPAGES");
    }

    [Fact]
    public void TitlePage_SaysWhatWhenAndByWhom()
    {
        using var document = Open(Docx(SummarySamples.Hackney()));

        var text = Text(document);
        text.Should().Contain("Area: Hackney (E09000012)")
            .And.Contain("Compared with: England (E92000001)")
            .And.Contain("Need weighting scheme: Default")
            .And.Contain("Produced: 6 December 2026, 10:00 UTC by officer@example.org")
            .And.Contain("Data version: 42");
        document.PackageProperties.Title.Should().Be("Needs summary: Hackney");
    }

    [Fact]
    public void ControlCharactersInText_AreDropped_SoTheDocumentStaysWellFormed()
    {
        var area = SummarySamples.Borough() with { Name = "Hack\u0001ney\u0000" };

        var docx = Docx(SummarySamples.Of(area));

        ShouldBeValid(docx);
        using var document = Open(docx);
        Headings(document, "Heading1").Should().StartWith("Hackney");
    }

    [Fact]
    public void Write_OpensInLibreOffice_WhenItIsInstalled()
    {
        var soffice = Environment.GetEnvironmentVariable("PATH")?.Split(':').Select(p => Path.Combine(p, "soffice")).FirstOrDefault(File.Exists);
        if (soffice is null)
        {
            return; // The PDF tests, which the test script installs LibreOffice for, cover this on a full run.
        }
        var folder = Directory.CreateTempSubdirectory("docx-lo-").FullName;
        try
        {
            var input = Path.Combine(folder, "summary.docx");
            File.WriteAllBytes(input, Docx(SummarySamples.Of(SummarySamples.Borough(), SummarySamples.Nothing())));
            using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo(soffice,
                ["-env:UserInstallation=file://" + Path.Combine(folder, "profile"), "--headless", "--convert-to", "pdf", "--outdir", folder, input])
            {
                RedirectStandardOutput = true, RedirectStandardError = true,
            })!;
            process.WaitForExit(TimeSpan.FromMinutes(2)).Should().BeTrue("LibreOffice converts a small document in well under two minutes");
            var pdf = Path.Combine(folder, "summary.pdf");
            File.Exists(pdf).Should().BeTrue(process.StandardError.ReadToEnd());
            File.ReadAllBytes(pdf).Take(5).Should().Equal("%PDF-"u8.ToArray());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
