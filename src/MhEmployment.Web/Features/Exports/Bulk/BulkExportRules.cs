using MhEmployment.Web.Features.Profiles;

namespace MhEmployment.Web.Features.Exports.Bulk;

/// <summary>What the bulk export form sends, as typed (nothing is trusted until <see cref="BulkExportRules.Check"/>).</summary>
public sealed class BulkExportForm
{
    public const string EnglandBenchmark = "england";
    public const string RegionBenchmark = "region";

    public string? Region { get; set; }
    public string? Format { get; set; }

    /// <summary>"england" or "region".</summary>
    public string? Benchmark { get; set; } = EnglandBenchmark;
    public string? Scheme { get; set; }

    /// <summary>The sections' keys; none ticked is none (the page ticks them all to begin with).</summary>
    public List<string> Sections { get; set; } = [];

    /// <summary>The form as it first shows: England, the default scheme, every section.</summary>
    public static BulkExportForm Initial() => new() { Scheme = Domain.WeightingScheme.DefaultName, Sections = [.. SummarySections.All.Select(s => s.Key)] };
}

/// <summary>What the form offers: the regions, the weighting schemes, and whether PDF works here (and if not, why).</summary>
public sealed record BulkExportChoices(IReadOnlyList<(string Code, string Name)> Regions, IReadOnlyList<string> Schemes, bool PdfAvailable, string PdfInstallHint)
{
    /// <summary>The formats a bulk export comes in (JSON is the API's).</summary>
    public static readonly IReadOnlyList<ExportFormat> Formats = [ExportFormat.Docx, ExportFormat.Xlsx, ExportFormat.Csv, ExportFormat.Pdf];
}

/// <summary>A checked request: a real region, a format this server makes, a benchmark, a scheme and at least one section.</summary>
public sealed record BulkExportOrder(string RegionCode, string RegionName, ExportFormat Format, string Benchmark, string Scheme, IReadOnlySet<SummarySection> Sections)
{
    /// <summary>"headlines,narrative,…" in the sections' order, as the job keeps them.</summary>
    public string SectionKeys => string.Join(',', Sections.Order().Select(SummarySections.Key));
}

/// <summary>Checks the form against what is on offer; each problem names its field and says how to put it right.</summary>
public static class BulkExportRules
{
    public static (BulkExportOrder? Order, IReadOnlyList<(string Field, string Message)> Problems) Check(BulkExportForm form, BulkExportChoices choices)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(choices);
        var problems = new List<(string, string)>();

        var regionText = form.Region?.Trim();
        var region = choices.Regions.Where(r => string.Equals(r.Code, regionText, StringComparison.OrdinalIgnoreCase))
            .Select(r => ((string Code, string Name)?)r).FirstOrDefault();
        if (string.IsNullOrEmpty(regionText))
        {
            problems.Add((nameof(form.Region), "Choose a region."));
        }
        else if (region is null)
        {
            problems.Add((nameof(form.Region), $"'{regionText}' is not an English region's code; choose a region from the list."));
        }

        var formatText = form.Format?.Trim();
        var format = ExportFormats.FromExtension(formatText);
        if (string.IsNullOrEmpty(formatText))
        {
            problems.Add((nameof(form.Format), "Choose a format."));
        }
        else if (format is not { } f || !BulkExportChoices.Formats.Contains(f))
        {
            problems.Add((nameof(form.Format), $"'{formatText}' is not a format of the export; choose Word, Excel, CSV or PDF."));
            format = null;
        }
        else if (f == ExportFormat.Pdf && !choices.PdfAvailable)
        {
            problems.Add((nameof(form.Format), $"PDF is not available on this server. {choices.PdfInstallHint}"));
        }

        var benchmarkText = form.Benchmark?.Trim().ToLowerInvariant();
        if (benchmarkText is not (BulkExportForm.EnglandBenchmark or BulkExportForm.RegionBenchmark))
        {
            problems.Add((nameof(form.Benchmark), "Choose England or the region as the benchmark."));
        }

        var schemeText = string.IsNullOrWhiteSpace(form.Scheme) ? Domain.WeightingScheme.DefaultName : form.Scheme.Trim();
        var scheme = choices.Schemes.FirstOrDefault(s => string.Equals(s, schemeText, StringComparison.OrdinalIgnoreCase));
        if (scheme is null)
        {
            problems.Add((nameof(form.Scheme), $"There is no weighting scheme '{schemeText}'; choose one from the list."));
        }

        var sectionProblems = new List<string>();
        var keys = form.Sections.Where(k => !string.IsNullOrWhiteSpace(k)).ToList();
        var sections = keys.Count == 0 ? new HashSet<SummarySection>() : SummarySections.Parse(keys, sectionProblems);
        problems.AddRange(sectionProblems.Select(p => (nameof(form.Sections), p)));
        if (sections.Count == 0 && sectionProblems.Count == 0)
        {
            problems.Add((nameof(form.Sections), "Choose at least one section."));
        }

        if (problems.Count > 0 || region is not { } found || format is not { } chosen || scheme is null)
        {
            return (null, problems);
        }
        var benchmark = benchmarkText == BulkExportForm.RegionBenchmark ? found.Code : BenchmarkChoice.England;
        return (new BulkExportOrder(found.Code, found.Name, chosen, benchmark, scheme, sections), []);
    }
}
