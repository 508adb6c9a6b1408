using System.Runtime.CompilerServices;
using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Profiles;
using MhEmployment.Web.Infrastructure;

namespace MhEmployment.Web.Features.Exports;

/// <summary>
/// Writes a needs summary as an Excel workbook: a title sheet, then one sheet per chosen section, the tidy values and
/// the sources. With several areas every section's sheet starts with the area's code and name. An area with nothing in
/// a section gets a line saying so, so an empty borough still gives a workbook that reads sensibly.
/// </summary>
public static class SummaryXlsx
{
    private sealed record SheetSpec(string Name, string Description, Action<XlsxBook> Write);

    // A workbook names its reader and the time on its About sheet and in its properties, and nowhere else. Every other
    // part is the same for all downloads of one built summary, which share its list of areas (each download is the kept
    // summary stamped anew, BuiltSummaries): those parts are compressed once and kept as long as the summary is, and a
    // download compresses only its own two. After a large import a borough's workbook cost about 12 ms of processor a
    // download when the whole book was written for each reader.
    private static readonly ConditionalWeakTable<IReadOnlyList<AreaSummary>, IReadOnlyList<ZipPart>> Bodies = new();

    public static void Write(NeedsSummary summary, Stream output)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(output);
        var sheets = Sheets(summary);
        var body = SharedParts(summary);
        var stamped = new ZipPartCollector();
        var book = new XlsxBook(stamped.Open, summary.Title, summary.ProducedBy, summary.ProducedUtc);
        book.Details("About", summary.Title, About(summary, sheets));
        book.CoreProperties();
        var own = stamped.Parts.ToDictionary(p => p.Name, StringComparer.Ordinal);
        ZipWriter.Write(output, [.. body.Select(p => own.GetValueOrDefault(p.Name, p))], summary.ProducedUtc);
    }

    /// <summary>
    /// Every part of the workbook, compressed, kept for the built summary <paramref name="summary"/> is a copy of; each
    /// download replaces the About sheet and the properties with its own.
    /// </summary>
    internal static IReadOnlyList<ZipPart> SharedParts(NeedsSummary summary) => Bodies.GetValue(summary.Areas, _ => Body(summary, Sheets(summary)));

    private static IReadOnlyList<ZipPart> Body(NeedsSummary summary, List<SheetSpec> sheets)
    {
        var parts = new ZipPartCollector();
        var book = new XlsxBook(parts.Open, summary.Title, summary.ProducedBy, summary.ProducedUtc);
        book.Details("About", summary.Title, About(summary, sheets));
        foreach (var sheet in sheets)
        {
            sheet.Write(book);
        }
        book.Save();
        return parts.Parts;
    }

    private static List<SheetSpec> Sheets(NeedsSummary s)
    {
        var benchmark = s.BenchmarkName;
        var sheets = new List<SheetSpec>();
        void Add(SummarySection section, string name, string description, IReadOnlyList<string> headings, Func<AreaSummary, IEnumerable<XlsxCell[]>> rows)
        {
            if (s.Includes(section))
            {
                sheets.Add(new(name, description, book => book.Table(name, AreaHeadings(s, headings), PerArea(s, rows))));
            }
        }

        Add(SummarySection.Headlines, "Headlines", $"Each indicator's latest value, compared with {benchmark}, with its trend and rank.",
            HeadlineHeadings(s), a => Rows(a.Headlines, h => HeadlineCells(a, h), NoValues(a)));
        Add(SummarySection.Narrative, "Narrative", "The sentence the dashboard writes for each indicator.",
            ["Theme", "Indicator", "Period", "Narrative"],
            a => Rows(a.Headlines, h => [XlsxCell.Of(h.Theme), XlsxCell.Of(h.Indicator), XlsxCell.Of(h.Period), XlsxCell.Of(h.Narrative)], NoValues(a)));
        Add(SummarySection.RedRed, "Red-red", $"Indicators significantly worse than {benchmark} and getting worse.",
            HeadlineHeadings(s), a => Rows(a.RedRed, h => HeadlineCells(a, h),
                a.HasValues ? $"No indicator for {a.Name} is significantly worse than {benchmark} and getting worse." : NoValues(a)));
        Add(SummarySection.Assets, "Asset coverage", "Each checklist domain: items with an asset, gaps, the share covered and the area's need.",
            ["Domain number", "Domain", "Checklist items", "Items with an asset", "Gaps", "Share covered", "Need", "Need percentile",
                "Indicators available", "Indicators scored", "High need, low coverage"],
            a => Domains(s, a));
        Add(SummarySection.RagAnalysis, "RAG analysis", "The latest RAG analysis: each checklist item's rating and rationale.",
            ["Analysis date", "Analysed by", "Item", "Checklist item", "Rating", "Rationale"], Rag);
        Add(SummarySection.Gaps, "Gaps", "Checklist items with no asset serving the area, and a suggested next step.",
            ["Domain number", "Domain", "Item", "Checklist item", "Suggested next step"],
            a => Rows(a.Gaps, g => [XlsxCell.Of(g.DomainNumber), XlsxCell.Of(g.Domain), XlsxCell.Of(g.Item), XlsxCell.Of(g.Text), XlsxCell.Of(g.NextStep)],
                a.Domains.Count == 0 ? $"The {s.SchemeName} checklist has no items." : $"No gaps: every checklist item has an asset serving {a.Name}."));
        Add(SummarySection.Priorities, "Priorities", "The priorities and next steps agreed for the area.",
            ["Domain", "Item", "Action", "Description", "Owner", "Timescale", "Status", "Review date", "Updated (UTC)", "Updated by"],
            a => Rows(a.Priorities, p => [XlsxCell.Of(p.Domain), XlsxCell.Of(p.Item), XlsxCell.Of(p.Action), XlsxCell.Of(p.Description),
                XlsxCell.Of(p.Owner), XlsxCell.Of(p.Timescale), XlsxCell.Of(p.Status), XlsxCell.Of(p.ReviewDate), XlsxCell.Of(p.UpdatedUtc),
                XlsxCell.Of(p.UpdatedBy)], $"No priorities have been agreed for {a.Name} yet."));

        // The tidy values carry their area in every row, as the CSV does, and are always there.
        var decimals = ValueDecimals(s);
        sheets.Add(new("Values", "Every value of every indicator: one row per area, indicator, period, sex and age band.",
            book => book.Table("Values", ValueHeadings, s.Areas.SelectMany(a => a.Values.Count == 0
                ? [[XlsxCell.Of(a.Code), XlsxCell.Of(a.Name), XlsxCell.Note(NoValues(a))]]
                : a.Values.Select(v => ValueCells(v, decimals))))));
        sheets.Add(new("Sources", "Where each indicator's figures come from, how recent they are, and the methods used.",
            book => book.Table("Sources", ["Indicator key", "Indicator", "Source", "Latest period", "Loaded (UTC)"],
                Rows(s.Sources, r => [XlsxCell.Of(r.IndicatorKey), XlsxCell.Of(r.Indicator), XlsxCell.Of(r.Source), XlsxCell.Of(r.LatestPeriod), XlsxCell.Of(r.LoadedUtc)],
                    "The summary has no indicator values, so no sources."),
                [[XlsxCell.Heading("Methods")], .. s.Methods.Select(m => new[] { XlsxCell.Of(m) })])));
        return sheets;
    }

    private static IEnumerable<(string, XlsxCell)> About(NeedsSummary s, List<SheetSpec> sheets)
    {
        yield return s.Areas.Count == 1
            ? ("Area", XlsxCell.Of($"{s.Areas[0].Name} ({s.Areas[0].Code}), {s.Areas[0].Kind}"))
            : ("Areas", XlsxCell.Of($"{s.Areas.Count} areas: {string.Join(", ", s.Areas.Select(a => a.Name))}"));
        yield return ("Benchmark", XlsxCell.Of($"{s.BenchmarkName} ({s.BenchmarkCode})"));
        yield return ("Asset checklist", XlsxCell.Of(s.SchemeName));
        yield return ("Produced (UTC)", XlsxCell.Of(s.ProducedUtc));
        yield return ("Produced by", XlsxCell.Of(s.ProducedBy));
        yield return ("Data version", XlsxCell.Of(s.DataVersion, XlsxStyles.WholeNumber));
        if (s.Includes(SummarySection.SpineChart) || s.Includes(SummarySection.KeyCharts))
        {
            yield return ("Charts", XlsxCell.Of("The charts are in the Word and PDF documents; their figures are on the Headlines and Values sheets."));
        }
        yield return ("", XlsxCell.Empty);
        yield return ("Sheets", XlsxCell.Empty);
        foreach (var sheet in sheets)
        {
            yield return (sheet.Name, XlsxCell.Of(sheet.Description));
        }
    }

    private static string[] HeadlineHeadings(NeedsSummary s) =>
    [
        "Theme", "Indicator key", "Indicator", "Sex", "Age", "Period", "Unit", "Value", "Lower 95% limit", "Upper 95% limit",
        "Count", "Denominator", "Note", $"{s.BenchmarkName} value", $"Compared with {s.BenchmarkName}", "Recent trend",
        "Rank", "Out of", "Ranked among", "Source",
    ];

    private static XlsxCell[] HeadlineCells(AreaSummary area, HeadlineRow h) =>
    [
        XlsxCell.Of(h.Theme), XlsxCell.Of(h.IndicatorKey), XlsxCell.Of(h.Indicator), XlsxCell.Of(h.Sex), XlsxCell.Of(h.Age),
        XlsxCell.Of(h.Period), XlsxCell.Of(h.Unit), XlsxCell.Value(h.Value, h.Decimals), XlsxCell.Value(h.Lower95, h.Decimals),
        XlsxCell.Value(h.Upper95, h.Decimals), XlsxCell.Count(h.Count), XlsxCell.Count(h.Denominator), XlsxCell.Of(h.Note),
        XlsxCell.Value(h.BenchmarkValue, h.Decimals), XlsxCell.Of(h.Significance), XlsxCell.Of(h.Trend),
        XlsxCell.Of(h.Rank), XlsxCell.Of(h.RankOutOf), XlsxCell.Of(h.Rank is null ? null : area.GroupName), XlsxCell.Of(h.Source),
    ];

    private static IEnumerable<XlsxCell[]> Domains(NeedsSummary s, AreaSummary a)
    {
        foreach (var row in Rows(a.Domains, d =>
            [
                XlsxCell.Of(d.Number), XlsxCell.Of(d.Name), XlsxCell.Of(d.Items), XlsxCell.Of(d.Covered), XlsxCell.Of(d.Gaps),
                XlsxCell.Share(d.CoverageShare), XlsxCell.Of(d.NeedLevel), XlsxCell.Share(d.NeedPercentile),
                XlsxCell.Of(d.IndicatorsAvailable), XlsxCell.Of(d.IndicatorsScored), XlsxCell.YesNo(d.HighNeedLowCoverage),
            ], $"The {s.SchemeName} checklist has no domains."))
        {
            yield return row;
        }
        if (a.Domains.Count > 0 && !a.HasAssets)
        {
            yield return [XlsxCell.Note($"No asset on the register serves {a.Name} yet.")];
        }
    }

    private static IEnumerable<XlsxCell[]> Rag(AreaSummary a) => a.Rag switch
    {
        null => [[XlsxCell.Note($"No RAG analysis has been recorded for {a.Name} yet.")]],
        { Ratings.Count: 0 } rag => [[XlsxCell.Of(rag.Date), XlsxCell.Of(rag.CreatedBy), XlsxCell.Note("This analysis rates no checklist item.")]],
        var rag => rag.Ratings.Select(r => new[]
        {
            XlsxCell.Of(rag.Date), XlsxCell.Of(rag.CreatedBy), XlsxCell.Of(r.Item), XlsxCell.Of(r.Text), XlsxCell.Of(r.Rating), XlsxCell.Of(r.Rationale),
        }),
    };

    private static readonly string[] ValueHeadings =
    [
        "Area code", "Area", "Indicator key", "Indicator", "Sex", "Age", "Period", "Period start", "Period end", "Unit",
        "Value", "Lower 95% limit", "Upper 95% limit", "Interval source", "Count", "Denominator", "Note", "Source",
    ];

    private static XlsxCell[] ValueCells(TidyValue v, Dictionary<string, int> decimals)
    {
        var places = decimals.TryGetValue(v.IndicatorKey, out var shown) ? shown : DefaultDecimals(v.Unit);
        return
        [
            XlsxCell.Of(v.AreaCode), XlsxCell.Of(v.AreaName), XlsxCell.Of(v.IndicatorKey), XlsxCell.Of(v.Indicator), XlsxCell.Of(v.Sex),
            XlsxCell.Of(v.Age), XlsxCell.Of(v.Period), XlsxCell.Of(v.PeriodStart), XlsxCell.Of(v.PeriodEnd), XlsxCell.Of(v.Unit),
            XlsxCell.Value(v.Value, places), XlsxCell.Value(v.Lower95, places), XlsxCell.Value(v.Upper95, places),
            XlsxCell.Of(v.IntervalSource), XlsxCell.Count(v.Count), XlsxCell.Count(v.Denominator), XlsxCell.Of(v.Note), XlsxCell.Of(v.Source),
        ];
    }

    /// <summary>The decimals each indicator's headline is shown with, so its values read the same on the Values sheet.</summary>
    private static Dictionary<string, int> ValueDecimals(NeedsSummary s)
    {
        var decimals = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var h in s.Areas.SelectMany(a => a.Headlines))
        {
            decimals.TryAdd(h.IndicatorKey, h.Decimals);
        }
        return decimals;
    }

    /// <summary>For an indicator with no headline: the pages' rule, whole numbers for counts and one place otherwise.</summary>
    private static int DefaultDecimals(string unit) =>
        Enum.GetValues<IndicatorUnit>().Where(u => ValueFormat.UnitName(u) == unit).Select(ValueFormat.Decimals).DefaultIfEmpty(1).First();

    private static string NoValues(AreaSummary a) => $"No indicator has values for {a.Name} yet.";

    /// <summary>A row per item, or one line saying there is none.</summary>
    private static IEnumerable<XlsxCell[]> Rows<T>(IReadOnlyList<T> items, Func<T, XlsxCell[]> cells, string nothing) =>
        items.Count == 0 ? [[XlsxCell.Note(nothing)]] : items.Select(cells);

    private static IReadOnlyList<string> AreaHeadings(NeedsSummary s, IReadOnlyList<string> headings) =>
        s.Areas.Count > 1 ? ["Area code", "Area", .. headings] : headings;

    private static IEnumerable<XlsxCell[]> PerArea(NeedsSummary s, Func<AreaSummary, IEnumerable<XlsxCell[]>> rows) =>
        s.Areas.Count > 1
            ? s.Areas.SelectMany(a => rows(a).Select(r => (XlsxCell[])[XlsxCell.Of(a.Code), XlsxCell.Of(a.Name), .. r]))
            : s.Areas.SelectMany(rows);
}
