namespace MhEmployment.Web.Features.Exports;

/// <summary>The parts of a needs summary a reader can leave out (sources, dates and methods are always there).</summary>
public enum SummarySection { Headlines, Narrative, SpineChart, KeyCharts, RedRed, Assets, RagAnalysis, Gaps, Priorities }

/// <summary>
/// A needs summary: for one borough or a set of them, everything an HWB officer puts into a JSNA chapter or a board
/// paper, with the same figures as the pages. Every format (page, DOCX, XLSX, CSV, PDF, JSON) is written from this one
/// model, so they cannot disagree. <see cref="Sections"/> says which parts the reader chose; a part left out is empty.
/// </summary>
public sealed record NeedsSummary(
    string Title, string BenchmarkCode, string BenchmarkName, string SchemeName, IReadOnlySet<SummarySection> Sections,
    IReadOnlyList<AreaSummary> Areas, IReadOnlyList<SourceRow> Sources, IReadOnlyList<string> Methods,
    DateTime ProducedUtc, string ProducedBy, long DataVersion)
{
    public bool Includes(SummarySection section) => Sections.Contains(section);
}

/// <summary>
/// One area's part of a summary. An area with no values and no assets still has a summary: the lists are empty and
/// the documents say so.
/// </summary>
public sealed record AreaSummary(
    string Code, string Name, string Kind, string? RegionName, string GroupName,
    IReadOnlyList<HeadlineRow> Headlines, IReadOnlyList<SummaryChart> Charts, IReadOnlyList<HeadlineRow> RedRed,
    IReadOnlyList<DomainRow> Domains, RagSummary? Rag, IReadOnlyList<GapRow> Gaps, IReadOnlyList<PriorityRow> Priorities,
    IReadOnlyList<TidyValue> Values)
{
    public bool HasValues => Headlines.Count > 0 || Values.Count > 0;

    /// <summary>Whether the area has any asset on the register (not just checklist domains with none).</summary>
    public bool HasAssets => Domains.Any(d => d.Covered > 0);
}

/// <summary>
/// One indicator on the area's dashboard, as its row shows it: the latest period, value, interval, benchmark,
/// significance, trend, rank and the narrative sentence. Numbers are unrounded; <see cref="Decimals"/> and
/// <see cref="Suffix"/> say how the pages show them.
/// </summary>
public sealed record HeadlineRow(
    string Theme, string IndicatorKey, string Indicator, string Sex, string Age, string Period, string Unit,
    double? Value, double? Lower95, double? Upper95, double? Count, double? Denominator, string? Note,
    double? BenchmarkValue, string Significance, string Trend, int? Rank, int? RankOutOf, string Narrative,
    int Decimals, string Suffix, string Source);

/// <summary>
/// A chart as the pages draw it (SVG), with its title and alt text; documents render the same SVG to PNG.
/// <see cref="Width"/> and <see cref="Height"/> are the SVG's own size in pixels.
/// </summary>
public sealed record SummaryChart(string Title, string AltText, string Svg, double Width, double Height);

/// <summary>
/// A checklist domain for the area: its coverage by the asset register (items with an asset, gaps, the share covered)
/// and its need from the needs-versus-assets comparison (level, percentile, indicators available).
/// </summary>
public sealed record DomainRow(
    int Number, string Name, int Items, int Covered, int Gaps, double? CoverageShare,
    string NeedLevel, double? NeedPercentile, int IndicatorsAvailable, int IndicatorsScored, bool HighNeedLowCoverage);

/// <summary>The area's latest RAG analysis: when, by whom, and each item's rating and rationale.</summary>
public sealed record RagSummary(DateOnly Date, string CreatedBy, IReadOnlyList<RagRow> Ratings);

public sealed record RagRow(string Item, string Text, string Rating, string? Rationale);

/// <summary>A checklist item with no asset serving the area.</summary>
public sealed record GapRow(int DomainNumber, string Domain, string Item, string Text, string NextStep);

/// <summary>A priority or next step the board recorded for the area (dropped ones are left out).</summary>
public sealed record PriorityRow(
    string Domain, string? Item, string Action, string Description, string Owner, string Timescale, string Status,
    DateOnly? ReviewDate, DateTime UpdatedUtc, string UpdatedBy);

/// <summary>
/// One value of one indicator for the area, in tidy form: every period, sex and age band it has, with the columns of
/// the stored value. The CSV is these rows.
/// </summary>
public sealed record TidyValue(
    string AreaCode, string AreaName, string IndicatorKey, string Indicator, string Period, DateOnly PeriodStart, DateOnly PeriodEnd,
    string Sex, string Age, string Unit, double? Value, double? Lower95, double? Upper95, string IntervalSource,
    double? Count, double? Denominator, string? Note, string Source);

/// <summary>Where an indicator's figures come from and how recent they are.</summary>
public sealed record SourceRow(string IndicatorKey, string Indicator, string Source, string LatestPeriod, DateTime? LoadedUtc);
