using MhEmployment.Web.Data;
using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Areas;
using MhEmployment.Web.Features.Assets;
using MhEmployment.Web.Features.NeedsAssets;
using MhEmployment.Web.Features.Profiles;
using Microsoft.EntityFrameworkCore;

namespace MhEmployment.Web.Features.Exports;

/// <summary>
/// Fills a <see cref="NeedsSummary"/> from what the pages show: the area's dashboard (headlines, narratives, spines,
/// trends), its needs-versus-assets comparison, its asset coverage and latest RAG analysis, and its priorities. It
/// reads them through the same services as the pages, for the viewer's own view of the data, so the numbers agree.
/// </summary>
public sealed class NeedsSummaryBuilder(
    AppDbContext db, Dashboards dashboards, DashboardCache cache, NeedsAssetsService needs, CoverageService coverage,
    PriorityService priorities, BuiltSummaries built, TimeProvider clock)
{
    /// <summary>Trend charts a summary draws at most: the red-red indicators first, then others worse than the benchmark.</summary>
    public const int MaxTrendCharts = 3;

    /// <summary>One area's summary; null when there is no such area.</summary>
    /// <param name="keep">
    /// Whether the summary, once built, is kept for the next reader (<see cref="BuiltSummaries"/>). A bulk export builds
    /// dozens that are written into its zip at once: kept, they would hold memory and crowd out the ones people download.
    /// </param>
    public async Task<SummaryResult?> ForAreaAsync(string code, SummaryRequest request, string? viewer, CancellationToken cancellationToken, bool keep = true)
    {
        ArgumentNullException.ThrowIfNull(request);
        var snapshot = await cache.SnapshotAsync(viewer, cancellationToken);
        if (!snapshot.Areas.TryGetValue(code.Trim().ToUpperInvariant(), out var area))
        {
            return null;
        }
        return await ForAreasAsync($"Needs summary: {area.Name}", [area.Code], request, viewer, cancellationToken, keep);
    }

    /// <summary>A summary of several areas (a region's boroughs, or chosen ones), one chapter each, in the order given.</summary>
    public async Task<SummaryResult> ForAreasAsync(
        string title, IReadOnlyList<string> codes, SummaryRequest request, string? viewer, CancellationToken cancellationToken, bool keep = true)
    {
        ArgumentNullException.ThrowIfNull(codes);
        ArgumentNullException.ThrowIfNull(request);
        var snapshot = await cache.SnapshotAsync(viewer, cancellationToken);
        var key = BuiltSummaries.Key(snapshot.Version, title, codes, request);
        // A kept build is shared by everyone who asks at once, so it runs to its end whoever of them goes away.
        var result = await built.GetOrBuildAsync(key, keep,
            () => BuildAsync(snapshot, title, codes, request, viewer, keep ? CancellationToken.None : cancellationToken), cancellationToken);
        // Built once for everyone; each download is produced now, by its own reader.
        return result with { Summary = result.Summary with { ProducedUtc = clock.GetUtcNow().UtcDateTime, ProducedBy = viewer ?? "an API client" } };
    }

    private async Task<SummaryResult> BuildAsync(
        ValueSnapshot snapshot, string title, IReadOnlyList<string> codes, SummaryRequest request, string? viewer, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        foreach (var key in request.Indicators.Where(k => !snapshot.IndicatorsByKey.ContainsKey(k)))
        {
            problems.Add($"'{key}' is not an indicator in the catalogue, so it is left out.");
        }
        var areas = new List<AreaSummary>();
        var sources = new Dictionary<string, SourceRow>(StringComparer.Ordinal);
        AreaProfile? first = null;
        string? scheme = null;
        foreach (var code in codes)
        {
            var profile = await dashboards.ProfileAsync(code, new DashboardRequest(request.Benchmark, null, viewer), cancellationToken);
            if (profile.Value is not { } p)
            {
                problems.Add($"'{code}' is not a known area code, so it is left out.");
                continue;
            }
            if (first is null)
            {
                problems.AddRange(profile.Problems);
                first = p;
            }
            var (summary, schemeName) = await AreaAsync(snapshot, p, request, viewer, problems, cancellationToken);
            scheme ??= schemeName;
            areas.Add(summary);
            foreach (var row in p.Rows.Where(r => request.Wants(r.Indicator.Key)))
            {
                sources.TryAdd(row.Indicator.Key, new SourceRow(row.Indicator.Key, row.Indicator.Name, row.Indicator.Source, row.Period.Label, null));
            }
        }
        var loaded = await LoadedAsync(areas, snapshot, cancellationToken);
        var benchmarkName = first?.BenchmarkName ?? "England";
        var summaryModel = new NeedsSummary(
            title, first?.Benchmark.QueryValue ?? BenchmarkChoice.England, benchmarkName, scheme ?? WeightingScheme.DefaultName,
            request.Sections, areas,
            [.. sources.Values.OrderBy(s => s.Indicator, StringComparer.OrdinalIgnoreCase).Select(s => s with { LoadedUtc = loaded.GetValueOrDefault(s.IndicatorKey) })],
            SummaryMethods.For(benchmarkName, scheme ?? WeightingScheme.DefaultName, first?.GroupName),
            DateTime.MinValue, "", snapshot.Version);
        return new SummaryResult(summaryModel, problems.Distinct().ToList());
    }

    private async Task<(AreaSummary Summary, string? Scheme)> AreaAsync(
        ValueSnapshot snapshot, AreaProfile profile, SummaryRequest request, string? viewer, List<string> problems, CancellationToken cancellationToken)
    {
        var area = profile.Area;
        var rows = profile.ByTheme.SelectMany(t => t).Where(r => request.Wants(r.Indicator.Key)).ToList();
        var headlines = rows.Select(Headline).ToList();
        var redRed = headlines.Where(h => IndicatorNeed.IsRedRed(h.Significance, h.Trend)).ToList();
        var charts = new List<SummaryChart>();
        if (request.Sections.Contains(SummarySection.SpineChart) && rows.Count > 0)
        {
            charts.Add(SummaryCharts.Spines(profile, rows));
        }
        if (request.Sections.Contains(SummarySection.KeyCharts))
        {
            charts.AddRange(await TrendChartsAsync(area, profile, rows, viewer, cancellationToken));
        }
        var covered = await coverage.ForAsync(area.Code, cancellationToken);
        var comparison = await needs.ForAreaAsync(area.Code, request.Scheme, request.Benchmark, viewer, cancellationToken);
        if (comparison is not null)
        {
            problems.AddRange(comparison.Problems);
        }
        var summary = new AreaSummary(
            area.Code, area.Name, AreaKindNames.Singular(area.Kind), AreaProfileBuilder.RegionOf(area) is { } region && region != area.Code ? snapshot.NameOf(region) : null,
            profile.GroupName, headlines, charts, redRed,
            Domains(covered, comparison?.Comparison), Rag(covered), Gaps(covered),
            await PrioritiesAsync(area.Code, cancellationToken), TidyValues(snapshot, area, request));
        return (summary, comparison?.Comparison.SchemeName);
    }

    private static HeadlineRow Headline(ProfileRow row)
    {
        var unit = row.Indicator.Unit;
        var value = row.Value;
        return new HeadlineRow(
            Indicators.IndicatorText.Theme(row.Indicator.Theme), row.Indicator.Key, row.Indicator.Name, row.Slice.Sex.ToString(), row.Slice.AgeBand,
            row.Period.Label, ValueFormat.UnitName(unit), ResolvedValue.Finite(value.Value), ResolvedValue.Finite(value.Interval?.Lower95),
            ResolvedValue.Finite(value.Interval?.Upper95), value.Count, value.Denominator, value.Note,
            row.Comparison.BenchmarkValue is { HasValue: true } b ? b.Value : null, row.Result.Label, row.Trend.Label,
            row.Rank?.Position, row.Rank?.OutOf, row.Narrative, ValueFormat.Decimals(unit), ValueFormat.Suffix(unit), row.Indicator.Source);
    }

    /// <summary>The time series of the indicators that most need attention: red-red first, then the others worse than the benchmark.</summary>
    private async Task<List<SummaryChart>> TrendChartsAsync(
        SnapshotArea area, AreaProfile profile, IReadOnlyList<ProfileRow> rows, string? viewer, CancellationToken cancellationToken)
    {
        var chosen = rows
            .Where(r => r.Result.Label == Statistics.ComparisonLabels.Worse)
            .OrderByDescending(r => IndicatorNeed.IsRedRed(r.Result.Label, r.Trend.Label))
            .Take(MaxTrendCharts);
        var charts = new List<SummaryChart>();
        foreach (var row in chosen)
        {
            var view = await dashboards.IndicatorAsync(row.Indicator.Key, new DashboardRequest(profile.Benchmark.QueryValue, null, viewer),
                Dashboards.SliceText(row.Slice), null, AreaSort.Value, area.Code, cancellationToken);
            if (view.Value is { } v && IndicatorCharts.Series(v) is { } spec && spec.Periods.Count > 1)
            {
                charts.Add(SummaryCharts.Trend(spec with { IdPrefix = $"trend-{charts.Count + 1}" }));
            }
        }
        return charts;
    }

    private static List<DomainRow> Domains(BoroughCoverage? covered, NeedsAssetsComparison? comparison)
    {
        if (comparison is not null)
        {
            return
            [
                .. comparison.Domains.Select(d => comparison.Cell(comparison.Areas[0], d)).Select(c => new DomainRow(
                    c.Need.Domain.Number, c.Need.Domain.Name, c.Items?.Items.Count ?? 0, c.Items?.Covered ?? 0, c.Items?.Gaps ?? 0,
                    c.Coverage is { Items: > 0 } score ? score.Share : null, NeedsAssetsText.Level(c.Need.Level), c.Need.Percentile,
                    c.Need.Available, c.Need.Scored, c.HighNeedLowCoverage)),
            ];
        }
        // Not a borough the comparison scores (a region, say): its coverage alone.
        return covered is null ? [] :
        [
            .. covered.Domains.Select(d => new DomainRow(d.Number, d.Name, d.Items.Count, d.Covered, d.Gaps,
                DomainCoverageScore.Of(d) is { Items: > 0 } score ? score.Share : null, "Not compared", null, 0, 0, false)),
        ];
    }

    private static RagSummary? Rag(BoroughCoverage? covered) => covered?.LatestAnalysis is not { } latest ? null : new RagSummary(
        latest.Date, latest.CreatedBy,
        [
            .. covered.Domains.SelectMany(d => d.Items).Where(i => i.HasAnalysisRating)
                .Select(i => new RagRow($"{i.Item.DomainNumber}.{i.Item.Number}", i.Item.Text, Ratings.Label(i.AnalysisRating), i.AnalysisRationale)),
        ]);

    private static List<GapRow> Gaps(BoroughCoverage? covered) => covered is null ? [] :
    [
        .. covered.Domains.SelectMany(d => d.Items.Where(i => i.IsGap).Select(i => new GapRow(
            d.Number, d.Name, $"{i.Item.DomainNumber}.{i.Item.Number}", i.Item.Text, CoverageCalculator.NextStep(i) ?? ""))),
    ];

    private async Task<List<PriorityRow>> PrioritiesAsync(string areaCode, CancellationToken cancellationToken)
    {
        var list = (await priorities.ListAsync(areaCode, cancellationToken)).Where(p => p.Status != PriorityStatus.Dropped).ToList();
        if (list.Count == 0)
        {
            return [];
        }
        var labels = await priorities.LabelsAsync(list, cancellationToken);
        return
        [
            .. list.Select(p => new PriorityRow(labels.Domain(p), labels.Item(p), PriorityText.Name(p.Action), p.Description, p.Owner,
                PriorityText.Name(p.Timescale), PriorityText.Name(p.Status), p.ReviewDate, p.UpdatedUtc, p.UpdatedBy)),
        ];
    }

    /// <summary>Every value the area has of the wanted indicators: each slice (sex and age) and period.</summary>
    private static List<TidyValue> TidyValues(ValueSnapshot snapshot, SnapshotArea area, SummaryRequest request)
    {
        var values = new List<TidyValue>();
        foreach (var indicator in snapshot.Indicators.Where(i => request.Wants(i.Indicator.Key)))
        {
            var i = indicator.Indicator;
            foreach (var slice in indicator.Slices.Values.OrderBy(s => s.Slice.Sex).ThenBy(s => s.Slice.AgeBand, StringComparer.Ordinal))
            {
                if (!slice.SeriesByArea.TryGetValue(area.Code, out var series))
                {
                    continue;
                }
                foreach (var stored in series)
                {
                    var v = ResolvedValue.From(stored, i);
                    values.Add(new TidyValue(area.Code, area.Name, i.Key, i.Name, v.PeriodLabel, v.Period.Start, v.Period.End,
                        stored.Slice.Sex.ToString(), stored.Slice.AgeBand, ValueFormat.UnitName(i.Unit), ResolvedValue.Finite(v.Value),
                        ResolvedValue.Finite(v.Interval?.Lower95), ResolvedValue.Finite(v.Interval?.Upper95), v.IntervalSource.ToString(),
                        v.Count, v.Denominator, v.Note, i.Source));
                }
            }
        }
        return values;
    }

    /// <summary>When each indicator's newest value in the summary was loaded: the commit time of the import it came in.</summary>
    private async Task<Dictionary<string, DateTime?>> LoadedAsync(List<AreaSummary> areas, ValueSnapshot snapshot, CancellationToken cancellationToken)
    {
        var latestImport = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var area in areas)
        {
            foreach (var row in area.Headlines)
            {
                var indicator = snapshot.IndicatorsByKey[row.IndicatorKey];
                var slice = indicator.Slices.Values.FirstOrDefault(s => s.Slice.Sex.ToString() == row.Sex && s.Slice.AgeBand == row.Age);
                if (slice is not null && slice.SeriesByArea.TryGetValue(area.Code, out var series) && series.Count > 0)
                {
                    var importId = series[^1].ImportId;
                    latestImport[row.IndicatorKey] = Math.Max(latestImport.GetValueOrDefault(row.IndicatorKey), importId);
                }
            }
        }
        var ids = latestImport.Values.Distinct().ToList();
        var committed = await db.Imports.AsNoTracking().Where(i => ids.Contains(i.Id)).Select(i => new { i.Id, i.CommittedUtc })
            .ToDictionaryAsync(i => i.Id, i => i.CommittedUtc, cancellationToken);
        return latestImport.ToDictionary(p => p.Key, p => committed.GetValueOrDefault(p.Value), StringComparer.Ordinal);
    }
}
