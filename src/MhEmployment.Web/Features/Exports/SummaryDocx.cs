using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using MhEmployment.Web.Features.Charts;

namespace MhEmployment.Web.Features.Exports;

/// <summary>
/// Writes a needs summary as a Word document (OpenXml SDK), ready for a JSNA chapter or a board paper: a title page,
/// contents, a chapter per area with the chosen sections in Word's heading styles, tables with repeating header rows,
/// charts as PNG drawn from the pages' SVG with their alt text, then sources and methods. A4, pages numbered.
/// </summary>
public static class SummaryDocx
{
    public static void Write(NeedsSummary summary, Stream output)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(output);
        // Drawing the charts is most of the work: both cores draw them while nothing else is waiting.
        var images = summary.Areas.SelectMany(a => a.Charts).AsParallel().AsOrdered().Select(ChartImages.Render).ToList();

        using var document = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document);
        document.PackageProperties.Title = summary.Title;
        document.PackageProperties.Creator = summary.ProducedBy;
        document.PackageProperties.Created = summary.ProducedUtc;
        document.PackageProperties.Language = "en-GB";
        var main = document.AddMainDocumentPart();
        DocxParts.Add(main);
        var body = new DocxBody(main);

        TitlePage(body, summary);
        body.Contents();
        var next = 0;
        foreach (var area in summary.Areas)
        {
            var charts = images.GetRange(next, area.Charts.Count);
            next += area.Charts.Count;
            new AreaChapter(body, summary, area, charts).Write();
        }
        SourcesAndMethods(body, summary);
        body.FinishContents();

        body.Body.Append(DocxParts.Section(main));
        main.Document = new Document(body.Body);
    }

    private static void TitlePage(DocxBody body, NeedsSummary summary)
    {
        body.Paragraph(summary.Title, DocxParts.Title);
        body.Paragraph("Mental health and employment: needs summary", DocxParts.Subtitle);
        body.Labelled(summary.Areas.Count == 1 ? "Area" : "Areas", AreaList(summary));
        body.Labelled("Compared with", $"{summary.BenchmarkName} ({summary.BenchmarkCode})");
        body.Labelled("Need weighting scheme", summary.SchemeName);
        body.Labelled("Produced", $"{SummaryText.DateTime(summary.ProducedUtc)} by {summary.ProducedBy}");
        body.Labelled("Data version", summary.DataVersion.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private static string AreaList(NeedsSummary summary) => summary.Areas.Count == 0
        ? "none chosen"
        : string.Join(", ", summary.Areas.Select(a => $"{a.Name} ({a.Code})"));

    private static void SourcesAndMethods(DocxBody body, NeedsSummary summary)
    {
        body.Heading(1, "Sources and methods");
        body.Heading(2, "Sources");
        if (summary.Sources.Count == 0)
        {
            body.Paragraph("No indicator in this summary has values, so no source is cited.");
        }
        else
        {
            body.Table(
                [new("Indicator", 36), new("Source", 28), new("Latest period", 14), new("Loaded", 22)],
                summary.Sources.Select(s => (IReadOnlyList<DocxCell>)
                    [s.Indicator, s.Source, s.LatestPeriod, s.LoadedUtc is { } loaded ? SummaryText.DateTime(loaded) : "Not recorded"]));
        }
        body.Heading(2, "Methods");
        if (summary.Methods.Count == 0)
        {
            body.Paragraph("No method notes were recorded for this summary.");
        }
        foreach (var method in summary.Methods)
        {
            body.Paragraph(method);
        }
        body.Heading(2, "About this summary");
        body.Labelled("Benchmark", $"{summary.BenchmarkName} ({summary.BenchmarkCode}): values are compared with it, and its value is shown beside each area's.");
        body.Labelled("Need weighting scheme", $"{summary.SchemeName}: it weights the indicators that evidence each domain's need.");
        body.Labelled("Produced", $"{SummaryText.DateTime(summary.ProducedUtc)} by {summary.ProducedBy}, from data version " +
            summary.DataVersion.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".");
        body.Labelled("Areas", AreaList(summary));
    }

    /// <summary>One area's chapter: what it has, then each section the reader chose, in the order the pages show them.</summary>
    private sealed class AreaChapter(DocxBody body, NeedsSummary summary, AreaSummary area, IReadOnlyList<ChartImage> images)
    {
        private string Benchmark => summary.BenchmarkName;

        public void Write()
        {
            body.Heading(1, area.Name);
            body.Paragraph(Introduction());
            // An area with nothing says so, here when the section that would say it is left out.
            if (!area.HasValues && !summary.Includes(SummarySection.Headlines))
            {
                body.Paragraph($"No indicator has values for {area.Name} yet.");
            }
            if (!area.HasAssets && !summary.Includes(SummarySection.Assets))
            {
                body.Paragraph($"No asset on the register serves {area.Name}.");
            }
            if (summary.Includes(SummarySection.Headlines))
            {
                Headlines();
            }
            if (summary.Includes(SummarySection.Narrative))
            {
                Narrative();
            }
            if (summary.Includes(SummarySection.SpineChart) || summary.Includes(SummarySection.KeyCharts))
            {
                Charts();
            }
            if (summary.Includes(SummarySection.RedRed))
            {
                RedRed();
            }
            if (summary.Includes(SummarySection.Assets))
            {
                Assets();
            }
            if (summary.Includes(SummarySection.RagAnalysis))
            {
                Rag();
            }
            if (summary.Includes(SummarySection.Gaps))
            {
                Gaps();
            }
            if (summary.Includes(SummarySection.Priorities))
            {
                Priorities();
            }
        }

        private string Introduction()
        {
            var where = area.RegionName is { Length: > 0 } region ? $"{area.Kind} in {region}" : area.Kind;
            return $"{area.Name} ({area.Code}), {where}. Values are compared with {Benchmark}; ranks and spreads are among {area.GroupName}.";
        }

        private void Headlines()
        {
            body.Heading(2, "Headline indicators");
            if (area.Headlines.Count == 0)
            {
                body.Paragraph($"No indicator has values for {area.Name} yet.");
                return;
            }
            body.Paragraph($"Each indicator's latest period. Intervals are 95% confidence intervals; ranks are among {area.GroupName}, 1 being the highest value.");
            foreach (var theme in area.Headlines.GroupBy(h => h.Theme))
            {
                body.Heading(3, theme.Key);
                body.Table(
                [
                    new("Indicator", 19), new("Period", 9), new("Count", 8, Numeric: true), new("Value", 13, Numeric: true),
                    new("95% interval", 11), new(Benchmark, 10, Numeric: true), new($"Compared with {Benchmark}", 12),
                    new("Recent trend", 11), new("Rank", 7),
                ],
                theme.Select(h => (IReadOnlyList<DocxCell>)
                [
                    new DocxCell(h.Indicator, SummaryText.Slice(h)), h.Period, SummaryText.Count(h.Count), Unbroken(SummaryText.Value(h)),
                    SummaryText.Interval(h), Unbroken(SummaryText.Benchmark(h)), Significance(h.Significance), h.Trend, SummaryText.Rank(h.Rank, h.RankOutOf),
                ]));
            }
        }

        /// <summary>The comparison in the page's badge colours (the words carry the meaning; colour only repeats it).</summary>
        private static DocxCell Significance(string label)
        {
            var css = SignificanceClasses.For(label);
            return new(label, Colours: css == SignificanceClasses.None ? null : ChartStylesheet.Pages.CellColours(css));
        }

        private void Narrative()
        {
            body.Heading(2, "What the figures say");
            var sentences = area.Headlines.Select(h => h.Narrative).Where(n => !string.IsNullOrWhiteSpace(n)).ToList();
            if (sentences.Count == 0)
            {
                body.Paragraph($"There is nothing to say yet: no indicator has values for {area.Name}.");
                return;
            }
            body.Bullets(sentences);
        }

        private void Charts()
        {
            body.Heading(2, "Charts");
            if (area.Charts.Count == 0)
            {
                body.Paragraph($"There is no chart for {area.Name}: no indicator has values for it yet.");
                return;
            }
            body.Paragraph($"The charts for {area.Name} as the pages draw them.");
            for (var i = 0; i < area.Charts.Count; i++)
            {
                body.Heading(3, area.Charts[i].Title);
                body.Image(images[i], area.Charts[i]);
            }
        }

        private void RedRed()
        {
            body.Heading(2, $"Worse than {Benchmark} and getting worse");
            if (area.RedRed.Count == 0)
            {
                body.Paragraph($"No indicator for {area.Name} is both significantly worse than {Benchmark} and getting worse.");
                return;
            }
            body.Paragraph($"The \"red-red\" list: indicators significantly worse than {Benchmark} whose recent trend is getting worse.");
            body.Table(
                [new("Indicator", 32), new("Period", 11), new("Value", 14, Numeric: true), new(Benchmark, 14, Numeric: true), new("Recent trend", 19), new("Rank", 10)],
                area.RedRed.Select(h => (IReadOnlyList<DocxCell>)
                [
                    new DocxCell(h.Indicator, SummaryText.Slice(h)), h.Period, Unbroken(SummaryText.Value(h)), Unbroken(SummaryText.Benchmark(h)), h.Trend,
                    SummaryText.Rank(h.Rank, h.RankOutOf),
                ]));
        }

        private void Assets()
        {
            body.Heading(2, "Asset coverage by domain");
            if (area.Domains.Count == 0)
            {
                body.Paragraph("The asset checklist has no domains yet, so coverage cannot be shown.");
                return;
            }
            if (!area.HasAssets)
            {
                body.Paragraph($"No asset on the register serves {area.Name}: every checklist item is a gap.");
            }
            body.Paragraph("Coverage is the share of a domain's checklist items with an asset serving the area. Need is the domain's level "
                + $"under the {summary.SchemeName} scheme, and its percentile the share of areas with less need.");
            body.Table(
                [
                    new("Domain", 20), new("Items", 7, Numeric: true), new("Covered", 9, Numeric: true), new("Gaps", 7, Numeric: true),
                    new("Coverage", 10, Numeric: true), new("Need", 12), new("Need percentile", 12, Numeric: true), new("Indicators with values", 12),
                    new("High need, low coverage", 11),
                ],
                area.Domains.Select(d => (IReadOnlyList<DocxCell>)
                [
                    $"{d.Number}. {d.Name}", Whole(d.Items), Whole(d.Covered), Whole(d.Gaps), SummaryText.Share(d.CoverageShare), d.NeedLevel,
                    SummaryText.Share(d.NeedPercentile), d.IndicatorsScored > 0 ? $"{d.IndicatorsAvailable} of {d.IndicatorsScored}" : "None linked",
                    d.HighNeedLowCoverage ? "Yes" : "No",
                ]));
            var flagged = area.Domains.Where(d => d.HighNeedLowCoverage).Select(d => $"{d.Number}. {d.Name}").ToList();
            body.Paragraph(flagged.Count == 0
                ? $"No domain has high need and low coverage in {area.Name}."
                : $"High need and low coverage: {string.Join("; ", flagged)}.");
        }

        private void Rag()
        {
            body.Heading(2, "Latest RAG analysis");
            if (area.Rag is not { } rag)
            {
                body.Paragraph($"No RAG analysis has been recorded for {area.Name}.");
                return;
            }
            body.Paragraph($"Recorded on {SummaryText.Date(rag.Date)} by {rag.CreatedBy}.");
            if (rag.Ratings.Count == 0)
            {
                body.Paragraph("The analysis rates no checklist item.");
                return;
            }
            body.Table(
                [new("Item", 8), new("Checklist item", 36), new("Rating", 12), new("Rationale", 44)],
                rag.Ratings.Select(r => (IReadOnlyList<DocxCell>)[r.Item, r.Text, r.Rating, r.Rationale ?? ""]));
        }

        private void Gaps()
        {
            body.Heading(2, "Gaps");
            if (area.Gaps.Count == 0)
            {
                body.Paragraph($"Every checklist item has an asset serving {area.Name}: there are no gaps.");
                return;
            }
            body.Paragraph($"Checklist items with no asset serving {area.Name}.");
            body.Table(
                [new("Domain", 22), new("Item", 8), new("Checklist item", 40), new("Next step", 30)],
                area.Gaps.Select(g => (IReadOnlyList<DocxCell>)[$"{g.DomainNumber}. {g.Domain}", g.Item, g.Text, g.NextStep]));
        }

        private void Priorities()
        {
            body.Heading(2, "Priorities and next steps");
            if (area.Priorities.Count == 0)
            {
                body.Paragraph($"No priority or next step has been agreed for {area.Name} yet.");
                return;
            }
            body.Table(
                [new("Domain", 16), new("Action", 14), new("Description", 24), new("Owner", 13), new("Timescale", 13), new("Status", 10), new("Review by", 10)],
                area.Priorities.Select(p => (IReadOnlyList<DocxCell>)
                [
                    new DocxCell(p.Domain, p.Item is { Length: > 0 } item ? $"Item {item}" : null), p.Action,
                    new DocxCell(p.Description, $"Updated {SummaryText.Date(p.UpdatedUtc)} by {p.UpdatedBy}"), p.Owner, p.Timescale, p.Status,
                    p.ReviewDate is { } review ? SummaryText.Date(review) : SummaryText.Nothing,
                ]));
        }

        /// <summary>A no-break space in "per 1,000": a narrow cell wraps before the unit, not inside it (as the dashboard's does).</summary>
        private static string Unbroken(string value) => value.Replace("per ", "per\u00A0", StringComparison.Ordinal);

        private static string Whole(int value) => value.ToString("#,0", System.Globalization.CultureInfo.InvariantCulture);
    }
}
