using DocumentFormat.OpenXml.Spreadsheet;
using MhEmployment.Web.Features.Exports;

namespace MhEmployment.UnitTests.Exports;

public sealed class SummaryXlsxTests
{
    private static readonly string[] TableSheets = ["Headlines", "Narrative", "Red-red", "Asset coverage", "RAG analysis", "Gaps", "Priorities", "Values", "Sources"];

    private static OpenedWorkbook Open(NeedsSummary summary) => OpenedWorkbook.Write(stream => SummaryXlsx.Write(summary, stream));

    [Fact]
    public void Workbook_HasATitleSheet_ThenASheetPerSection_ValuesAndSources()
    {
        using var book = Open(SummarySamples.Hackney());

        book.SheetNames.Should().Equal(["About", .. TableSheets]);
    }

    [Fact]
    public void SectionsLeftOut_HaveNoSheet_ButTheValuesAndSourcesAreAlwaysThere()
    {
        using var book = Open(SummarySamples.Hackney() with { Sections = new HashSet<SummarySection> { SummarySection.Gaps } });

        book.SheetNames.Should().Equal("About", "Gaps", "Values", "Sources");
    }

    [Fact]
    public void AboutSheet_SaysWhatTheSummaryIs_WhoProducedItAndWhen()
    {
        using var book = Open(SummarySamples.Hackney());

        book.Text("About", "A1").Should().Be("Needs summary: Hackney");
        var details = book.Rows("About").Skip(2).Where(r => r.ContainsKey("A")).ToDictionary(r => r["A"], r => r.GetValueOrDefault("B"));
        details["Area"].Should().Be("Hackney (E09000012), London borough");
        details["Benchmark"].Should().Be("England (E92000001)");
        details["Asset checklist"].Should().Be("Default");
        details["Produced by"].Should().Be("officer@example.org");
        details["Headlines"].Should().Contain("compared with England");
        var produced = book.Rows("About").FindIndex(r => r.GetValueOrDefault("A") == "Produced (UTC)") + 1;
        DateTime.FromOADate(book.Number("About", $"B{produced}")).Should().Be(new DateTime(2026, 12, 6, 10, 0, 0));
        book.FormatCode("About", $"B{produced}").Should().Be("d mmm yyyy hh:mm");
        var version = book.Rows("About").FindIndex(r => r.GetValueOrDefault("A") == "Data version") + 1;
        book.Number("About", $"B{version}").Should().Be(42);
    }

    [Fact]
    public void Headlines_HoldTheSamplesFigures_AsNumbersShownWithTheRowsDecimals()
    {
        var sample = SummarySamples.Hackney();
        using var book = Open(sample);

        book.Rows("Headlines")[0].Values.Should().Equal(
            "Theme", "Indicator key", "Indicator", "Sex", "Age", "Period", "Unit", "Value", "Lower 95% limit", "Upper 95% limit",
            "Count", "Denominator", "Note", "England value", "Compared with England", "Recent trend", "Rank", "Out of", "Ranked among", "Source");
        var esa = sample.Areas[0].Headlines[0];
        var row = book.Row("Headlines", 2);
        row["Indicator"].Should().Be(esa.Indicator);
        row["Period"].Should().Be("Aug 2023");
        row["Compared with England"].Should().Be("Worse");
        row["Ranked among"].Should().Be("London boroughs");
        book.Number("Headlines", "H2").Should().Be(esa.Value);
        book.Number("Headlines", "I2").Should().Be(esa.Lower95);
        book.Number("Headlines", "N2").Should().Be(esa.BenchmarkValue);
        book.FormatCode("Headlines", "H2").Should().Be("#,##0.0");
        book.Number("Headlines", "K2").Should().Be(5210);
        book.FormatCode("Headlines", "K2").Should().Be("#,##0");
        book.Number("Headlines", "Q2").Should().Be(3);
        book.Number("Headlines", "R2").Should().Be(33);

        // The suppressed value is an empty cell, not a zero or a dash; its two-decimal benchmark keeps its decimals.
        book.Cell("Headlines", "H4").Should().BeNull();
        book.Row("Headlines", 4)["Note"].Should().Be("Suppressed");
        book.FormatCode("Headlines", "N4").Should().Be("#,##0.00");
    }

    [Fact]
    public void EveryNumber_IsStoredAsANumber_WithANumberFormat()
    {
        using var book = Open(SummarySamples.Of(SummarySamples.Borough(), SummarySamples.Nothing()));

        var numbers = book.Sheets.SelectMany(s => book.Worksheet(s.Name!).Descendants<Cell>()).Where(OpenedWorkbook.IsNumber).ToList();
        numbers.Should().HaveCountGreaterThan(50);
        numbers.Should().OnlyContain(c => book.FormatCode(c) != "General");
    }

    [Fact]
    public void DatesAndShares_AreRealDatesAndPercentages()
    {
        using var book = Open(SummarySamples.Hackney());

        var priority = book.Row("Priorities", 2);
        priority["Description"].Should().NotBeEmpty();
        DateTime.FromOADate(book.Number("Priorities", "H2")).Should().Be(new DateTime(2027, 3, 31));
        book.FormatCode("Priorities", "H2").Should().Be("d mmm yyyy");
        DateTime.FromOADate(book.Number("Priorities", "I2")).Should().Be(new DateTime(2026, 11, 2, 14, 0, 0));
        book.FormatCode("Priorities", "I2").Should().Be("d mmm yyyy hh:mm");
        book.Cell("Priorities", "H3").Should().BeNull("the second priority has no review date");

        DateTime.FromOADate(book.Number("Values", "H3")).Should().Be(new DateTime(2023, 8, 1));
        DateTime.FromOADate(book.Number("Values", "I3")).Should().Be(new DateTime(2023, 8, 31));
        DateTime.FromOADate(book.Number("RAG analysis", "A2")).Should().Be(new DateTime(2026, 10, 1));
        DateTime.FromOADate(book.Number("Sources", "E2")).Should().Be(new DateTime(2024, 1, 15, 9, 30, 0));

        book.Row("Asset coverage", 1).Keys.Should().Contain(["Share covered", "Need percentile"]);
        book.Number("Asset coverage", "F2").Should().Be(0.5);
        book.FormatCode("Asset coverage", "F2").Should().Be("0%");
        book.Number("Asset coverage", "H2").Should().Be(0.91);
        book.FormatCode("Asset coverage", "H2").Should().Be("0%");
        book.Row("Asset coverage", 2)["High need, low coverage"].Should().Be("Yes");
    }

    [Fact]
    public void ValuesSheet_HasEveryTidyValue_WithItsAreaAndTheHeadlinesDecimals()
    {
        var sample = SummarySamples.Hackney();
        using var book = Open(sample);

        var rows = book.Rows("Values");
        rows.Should().HaveCount(1 + sample.Areas[0].Values.Count);
        rows[0].Values.Should().StartWith(["Area code", "Area", "Indicator key", "Indicator", "Sex", "Age", "Period", "Period start", "Period end", "Unit", "Value"]);
        var first = book.Row("Values", 2);
        first["Area code"].Should().Be("E09000012");
        first["Period"].Should().Be("Aug 2022");
        first["Interval source"].Should().Be("Computed");
        first["Source"].Should().Be("DWP via NOMIS");
        book.Number("Values", "K2").Should().Be(29.5);
        book.FormatCode("Values", "K2").Should().Be("#,##0.0");
        book.Number("Values", "O2").Should().Be(4900);
        book.Cell("Values", "K4").Should().BeNull("the suppressed value has no figure");
    }

    [Fact]
    public void ValuesOfAnIndicatorWithNoHeadline_AreShownAsThePagesShowTheirUnit()
    {
        var borough = SummarySamples.Borough();
        var count = borough.Values[0] with { IndicatorKey = "referrals", Unit = "count", Value = 1234 };
        var rate = borough.Values[0] with { IndicatorKey = "sickness", Unit = "%", Value = 4.25 };
        using var book = Open(SummarySamples.Of(borough with { Values = [count, rate] }));

        book.FormatCode("Values", "K2").Should().Be("#,##0");
        book.FormatCode("Values", "K3").Should().Be("#,##0.0");
    }

    [Fact]
    public void EveryTable_HasABoldFrozenHeaderRowAndAFilter()
    {
        using var book = Open(SummarySamples.Hackney());

        foreach (var name in TableSheets)
        {
            var sheet = book.Worksheet(name);
            var pane = sheet.Descendants<Pane>().Should().ContainSingle($"{name} freezes its header").Subject;
            pane.State!.Value.Should().Be(PaneStateValues.Frozen);
            pane.VerticalSplit!.Value.Should().Be(1);
            pane.TopLeftCell!.Value.Should().Be("A2");

            var header = sheet.Descendants<Row>().First().Elements<Cell>().ToList();
            header.Should().OnlyContain(c => book.IsBold(c), $"{name}'s headings are bold");
            var filter = sheet.Descendants<AutoFilter>().Should().ContainSingle($"{name} has a filter").Subject;
            filter.Reference!.Value.Should().StartWith("A1:" + header[^1].CellReference!.Value![..^1]);
            sheet.Descendants<Column>().Should().HaveCount(header.Count).And.OnlyContain(c => c.Width! >= 8 && c.Width! <= 60);
        }
        book.Worksheet("Values").Descendants<AutoFilter>().Single().Reference!.Value.Should().Be("A1:R4");
        book.Worksheet("About").Descendants<AutoFilter>().Should().BeEmpty();
    }

    [Fact]
    public void Sources_ListEveryIndicatorsSource_ThenTheMethods()
    {
        var sample = SummarySamples.Hackney();
        using var book = Open(sample);

        var rows = book.Rows("Sources");
        rows[0].Values.Should().Equal("Indicator key", "Indicator", "Source", "Latest period", "Loaded (UTC)");
        rows[1]["C"].Should().Be("DWP via NOMIS");
        rows[2]["D"].Should().Be("2023");
        rows[2].Should().NotContainKey("E", "the employment rate's load date is not known");
        rows.Select(r => r.GetValueOrDefault("A")).Should().ContainInOrder(["Methods", .. sample.Methods]);
        book.Worksheet("Sources").Descendants<AutoFilter>().Single().Reference!.Value.Should().Be("A1:E3");
    }

    [Fact]
    public void TextThatLooksLikeAFormula_IsInert_AndNumbersStayNumbers()
    {
        var borough = SummarySamples.Borough();
        var negative = borough.Values[0] with { Value = -1.5, Note = SummarySamples.Formula };
        using var book = Open(SummarySamples.Hackney() with { Areas = [borough with { Values = [negative, .. borough.Values.Skip(1)] }] });

        book.Sheets.SelectMany(s => book.Worksheet(s.Name!).Descendants<CellFormula>()).Should().BeEmpty();
        var texts = book.Sheets.SelectMany(s => book.Worksheet(s.Name!).Descendants<Cell>()).Where(c => !OpenedWorkbook.IsNumber(c)).Select(book.Text).ToList();
        texts.Should().NotContain(t => t.Length > 0 && "=+-@\t\r".Contains(t[0]));
        texts.Should().Contain("'" + SummarySamples.Formula).And.Contain("'+44 20 7946 0000").And.Contain("'-suppressed");
        book.Row("RAG analysis", 3)["Rationale"].Should().Be("'" + SummarySamples.Formula);
        book.Number("Values", "K2").Should().Be(-1.5);
    }

    [Fact]
    public void ControlCharactersInText_AreEscaped_SoTheWorkbookStaysValid()
    {
        var borough = SummarySamples.Borough();
        var pasted = borough.Priorities[1] with { Description = "Keep the\vadvisers _x0041_" };
        using var book = Open(SummarySamples.Hackney() with { Areas = [borough with { Priorities = [borough.Priorities[0], pasted] }] });

        book.ValidationErrors().Should().BeEmpty();
        book.Row("Priorities", 3)["Description"].Should().Be("Keep the_x000B_advisers _x005F_x0041_");
    }

    [Fact]
    public void EmptyBorough_GivesAValidWorkbook_ThatSaysThereIsNothing()
    {
        using var book = Open(SummarySamples.Empty());

        book.ValidationErrors().Should().BeEmpty();
        book.SheetNames.Should().Equal(["About", .. TableSheets]);
        foreach (var sheet in new[] { "Headlines", "Narrative", "Red-red", "Values" })
        {
            var rows = book.Rows(sheet);
            rows.Should().HaveCount(2, $"{sheet} has its header and one line");
            rows[1].Values.Should().Contain("No indicator has values for Nowhere yet.");
        }
        book.Text("RAG analysis", "A2").Should().Be("No RAG analysis has been recorded for Nowhere yet.");
        book.Text("Priorities", "A2").Should().Be("No priorities have been agreed for Nowhere yet.");
        book.Row("Gaps", 2)["Checklist item"].Should().Be("Individual placement and support (IPS)");
        book.Row("Asset coverage", 2)["Domain"].Should().Be("(Re)employment");
        book.Text("Asset coverage", "A3").Should().Be("No asset on the register serves Nowhere yet.");
        book.IsBold(book.Cell("Headlines", "A1")!).Should().BeTrue();
    }

    [Fact]
    public void SeveralAreas_EverySectionSheetNamesTheAreaOfEachRow()
    {
        using var book = Open(SummarySamples.Of(SummarySamples.Borough(), SummarySamples.Nothing()));

        book.ValidationErrors().Should().BeEmpty();
        book.Text("About", "A3").Should().Be("Areas");
        book.Text("About", "B3").Should().Be("2 areas: Hackney, Nowhere");
        foreach (var sheet in TableSheets.SkipLast(1))
        {
            var rows = book.Rows(sheet);
            rows[0]["A"].Should().Be("Area code", sheet);
            rows[0]["B"].Should().Be("Area", sheet);
            rows.Skip(1).Select(r => r["A"]).Distinct().Should().Equal(["E09000012", "E09000099"], sheet);
        }
        var headlines = book.Rows("Headlines");
        headlines.Should().HaveCount(1 + 3 + 1);
        headlines[^1].Values.Should().Equal("E09000099", "Nowhere", "No indicator has values for Nowhere yet.");
        book.Number("Headlines", "J2").Should().Be(31.25);
        book.Rows("Sources")[0]["A"].Should().Be("Indicator key", "sources are the summary's, not an area's");
    }

    [Fact]
    public void HackneysWorkbook_PassesTheValidator_AndSaysWhoMadeItAndWhen()
    {
        var summary = SummarySamples.Hackney();
        using var book = Open(summary);

        book.ValidationErrors().Should().BeEmpty();
        book.Document.PackageProperties.Title.Should().Be("Needs summary: Hackney");
        book.Document.PackageProperties.Creator.Should().Be(summary.ProducedBy);
        book.Document.PackageProperties.Created!.Value.ToUniversalTime().Should().BeCloseTo(summary.ProducedUtc, TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void DownloadsOfOneBuiltSummary_ShareItsSheets_AndEachNamesItsOwnReaderAndTime()
    {
        var built = SummarySamples.Hackney();
        var ada = built with { ProducedBy = "ada@example.org", ProducedUtc = new DateTime(2026, 12, 7, 9, 0, 0, DateTimeKind.Utc) };
        var grace = built with { ProducedBy = "grace@example.org", ProducedUtc = new DateTime(2026, 12, 7, 11, 30, 0, DateTimeKind.Utc) };

        SummaryXlsx.SharedParts(grace).Should().BeSameAs(SummaryXlsx.SharedParts(ada));
        using var first = Open(ada);
        using var second = Open(grace);
        foreach (var (book, summary) in new[] { (first, ada), (second, grace) })
        {
            book.ValidationErrors().Should().BeEmpty();
            Details(book)["Produced by"].Should().Be(summary.ProducedBy);
            var produced = book.Rows("About").FindIndex(r => r.GetValueOrDefault("A") == "Produced (UTC)") + 1;
            DateTime.FromOADate(book.Number("About", $"B{produced}")).Should().Be(summary.ProducedUtc);
            book.Document.PackageProperties.Creator.Should().Be(summary.ProducedBy);
            book.Document.PackageProperties.Created!.Value.ToUniversalTime().Should().Be(summary.ProducedUtc);
        }
        second.Rows("Values").Should().BeEquivalentTo(first.Rows("Values"), o => o.WithStrictOrdering());
    }

    [Fact]
    public void AnotherBuiltSummary_GetsSheetsOfItsOwn()
    {
        var hackney = SummarySamples.Hackney();
        var revised = SummarySamples.Of(hackney.Areas[0] with { Values = [hackney.Areas[0].Values[0] with { Value = 99.5 }, .. hackney.Areas[0].Values.Skip(1)] });

        SummaryXlsx.SharedParts(revised).Should().NotBeSameAs(SummaryXlsx.SharedParts(hackney));
        using var book = Open(revised);
        book.Row("Values", 2)["Value"].Should().Be("99.5");
    }

    [Fact]
    public void TitlePageText_IsEscapedAndInert()
    {
        using var book = Open(SummarySamples.Hackney() with { SchemeName = SummarySamples.Formula + " & <b>", ProducedBy = "o'brien@example.org" });

        book.ValidationErrors().Should().BeEmpty();
        Details(book)["Asset checklist"].Should().Be("'" + SummarySamples.Formula + " & <b>");
        Details(book)["Produced by"].Should().Be("o'brien@example.org");
    }

    private static Dictionary<string, string?> Details(OpenedWorkbook book) =>
        book.Rows("About").Skip(2).Where(r => r.ContainsKey("A")).ToDictionary(r => r["A"], r => r.GetValueOrDefault("B"));

    [Fact]
    public void AWorkbookWrittenToAForwardOnlyStream_OpensTheSame()
    {
        var summary = SummarySamples.Hackney();
        using var forwardOnly = new ForwardOnlyStream();
        SummaryXlsx.Write(summary, forwardOnly);

        using var book = OpenedWorkbook.Write(s => s.Write(forwardOnly.Written));
        using var expected = Open(summary);
        book.ValidationErrors().Should().BeEmpty();
        book.Rows("Headlines").Should().BeEquivalentTo(expected.Rows("Headlines"), o => o.WithStrictOrdering());
    }

    /// <summary>A response body or a zip entry: written once, front to back.</summary>
    private sealed class ForwardOnlyStream : MemoryStream
    {
        public override bool CanSeek => false;

        public override bool CanRead => false;

        public byte[] Written => ToArray();
    }
}
