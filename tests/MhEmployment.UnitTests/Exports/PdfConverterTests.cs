using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using MhEmployment.Web.Features.Exports;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using UglyToad.PdfPig;

namespace MhEmployment.UnitTests.Exports;

/// <summary>
/// LibreOffice headless as the app runs it. scripts/test.sh installs LibreOffice on a Debian-like machine, so these
/// tests fail (never skip) where it is missing.
/// </summary>
public sealed class PdfConverterTests : IDisposable
{
    /// <summary>This test's own conversion folder, so that it can see what a conversion leaves behind.</summary>
    private readonly string _work = Path.Combine(Path.GetTempPath(), $"mhe-pdf-tests-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_work))
        {
            Directory.Delete(_work, recursive: true);
        }
    }

    [Fact]
    public async Task ConvertDocx_ATwoPageDocument_GivesAPdfWithItsPagesAndText()
    {
        using var converter = Converter();
        converter.IsAvailable.Should().BeTrue("scripts/test.sh installs LibreOffice ({0})", PdfConverter.DebianPackage);

        var pdf = await converter.ConvertDocxAsync(TwoPageDocx(), CancellationToken.None);

        using var document = PdfDocument.Open(pdf);
        document.NumberOfPages.Should().BeInRange(2, 3, "the document breaks its page once and its text fits a page either side");
        var first = string.Join(" ", document.GetPage(1).GetWords().Select(w => w.Text));
        first.Should().Contain("Needs summary: Hackney").And.Contain("31.3 per 1,000");
        string.Join(" ", document.GetPage(2).GetWords().Select(w => w.Text)).Should().Contain("Sources and methods");
        Leftovers().Should().BeEmpty("each conversion deletes its folder and profile");
    }

    [Fact]
    public async Task ConvertDocx_TheHackneySummary_GivesAPdfWithItsChaptersAndFigures()
    {
        using var converter = Converter();
        using var docx = new MemoryStream();
        SummaryDocx.Write(SummarySamples.Hackney(), docx);

        var pdf = await converter.ConvertDocxAsync(docx.ToArray(), CancellationToken.None);

        using var document = PdfDocument.Open(pdf);
        var pages = document.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))).ToList();
        pages.Count.Should().BeInRange(4, 9, "a title page, contents, and the chapter's sections (six pages as first measured)");
        pages[0].Should().Contain("Needs summary: Hackney").And.Contain("Hackney (E09000012)");
        var headlines = pages.FindIndex(p => p.Contains("Headline indicators Each indicator", StringComparison.Ordinal));
        var sources = pages.FindLastIndex(p => p.Contains("Sources and methods", StringComparison.Ordinal));
        headlines.Should().BeGreaterThan(0);
        sources.Should().Be(pages.Count - 1, "sources and methods close the document");
        string.Join(" ", pages).Should().Contain("31.3").And.Contain("DWP via NOMIS");
        document.GetPages().Sum(p => p.GetImages().Count()).Should().BeGreaterThan(0, "the charts come through as images");
    }

    [Fact]
    public async Task ConvertDocx_PastItsTimeLimit_IsStoppedWithEveryProcessItStarted()
    {
        // LibreOffice takes a few seconds to start, so one second is always too little.
        using var converter = Converter(("Exports:PdfTimeoutSeconds", "1"));

        var act = () => converter.ConvertDocxAsync(TwoPageDocx(), CancellationToken.None);

        (await act.Should().ThrowAsync<PdfConversionException>()).Which.Message.Should().Contain("longer than 1 seconds");
        ProcessesInWorkFolder().Should().BeEmpty("soffice and the soffice.bin it starts are both killed");
        Leftovers().Should().BeEmpty();
    }

    [Fact]
    public async Task ConvertDocx_Cancelled_StopsLibreOfficeAndLeavesNothing()
    {
        using var converter = Converter();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));

        var act = () => converter.ConvertDocxAsync(TwoPageDocx(), cancel.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
        ProcessesInWorkFolder().Should().BeEmpty();
        Leftovers().Should().BeEmpty();
    }

    [Fact]
    public async Task Converter_WithLibreOfficeMissing_IsUnavailable_AndSaysWhatToInstall()
    {
        var missing = Path.Combine(_work, "no-such-libreoffice", "soffice");
        using var converter = Converter(("Exports:LibreOffice", missing));

        converter.IsAvailable.Should().BeFalse();
        converter.InstallHint.Should().Contain("apt-get install libreoffice-writer-nogui").And.Contain(missing).And.Contain("Exports:LibreOffice");
        var act = () => converter.ConvertDocxAsync(TwoPageDocx(), CancellationToken.None);
        (await act.Should().ThrowAsync<PdfConversionException>()).Which.Message.Should().Be(converter.InstallHint);
    }

    private PdfConverter Converter(params (string Key, string Value)[] settings)
    {
        var values = new Dictionary<string, string?> { ["Exports:WorkPath"] = _work };
        foreach (var (key, value) in settings)
        {
            values[key] = value;
        }
        return new PdfConverter(new ConfigurationBuilder().AddInMemoryCollection(values).Build(), NullLogger<PdfConverter>.Instance);
    }

    private string[] Leftovers() => Directory.Exists(_work) ? Directory.GetFileSystemEntries(_work) : [];

    /// <summary>Processes whose command line names this test's conversion folder (LibreOffice's, given its profile there).</summary>
    private List<string> ProcessesInWorkFolder()
    {
        var found = new List<string>();
        foreach (var folder in Directory.EnumerateDirectories("/proc").Where(d => int.TryParse(Path.GetFileName(d), out _)))
        {
            try
            {
                var commandLine = File.ReadAllText(Path.Combine(folder, "cmdline")).Replace('\0', ' ');
                if (commandLine.Contains(_work, StringComparison.Ordinal))
                {
                    found.Add(commandLine);
                }
            }
            catch (IOException)
            {
                // the process ended meanwhile
            }
            catch (UnauthorizedAccessException)
            {
                // another account's process
            }
        }
        return found;
    }

    /// <summary>A small but real Word document: a heading, a table, a page break, and a second heading.</summary>
    private static byte[] TwoPageDocx()
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body(
                Paragraph("Needs summary: Hackney", bold: true),
                Paragraph("Hackney's rate (31.3 per 1,000) is significantly higher than England's (24.8) and rising."),
                new Table(
                    new TableProperties(new TableBorders(new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 })),
                    Row("Indicator", "Value", "England"),
                    Row("ESA claimants with mental and behavioural disorders", "31.3 per 1,000", "24.8 per 1,000")),
                new Paragraph(new Run(new Break { Type = BreakValues.Page })),
                Paragraph("Sources and methods", bold: true),
                Paragraph("DWP via NOMIS, August 2023.")));
        }
        return stream.ToArray();

        static Paragraph Paragraph(string text, bool bold = false) =>
            new(new Run(bold ? new RunProperties(new Bold()) : new RunProperties(), new Text(text) { Space = SpaceProcessingModeValues.Preserve }));

        static TableRow Row(params string[] cells) => new([.. cells.Select(c => new TableCell(Paragraph(c)))]);
    }
}
