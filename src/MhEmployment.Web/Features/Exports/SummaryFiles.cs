using System.Text.Json;
using System.Text.Json.Serialization;
using MhEmployment.Web.Features.Audit;
using MhEmployment.Web.Infrastructure;

namespace MhEmployment.Web.Features.Exports;

/// <summary>Writes a needs summary in any of its formats, named for download.</summary>
public sealed class SummaryFiles(PdfConverter pdf, AuditLog audit)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public bool PdfAvailable => pdf.IsAvailable;

    public string PdfInstallHint => pdf.InstallHint;

    /// <summary>A download someone asked for: the file, and an entry in the audit log saying who took what.</summary>
    public async Task<ExportFile> ExportAsync(NeedsSummary summary, ExportFormat format, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var file = await ProduceAsync(summary, format, cancellationToken);
        await audit.WriteSoonAsync(AuditActions.SummaryExported, string.Join(',', summary.Areas.Select(a => a.Code)),
            $"{ExportFormats.Name(format)}: {file.FileName} against {summary.BenchmarkName}, scheme {summary.SchemeName}, data version {summary.DataVersion}, "
            + $"sections {string.Join(' ', summary.Sections.Order().Select(SummarySections.Key))}", cancellationToken: cancellationToken);
        return file;
    }

    public async Task<ExportFile> ProduceAsync(NeedsSummary summary, ExportFormat format, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var content = format switch
        {
            ExportFormat.Docx => Write(summary, SummaryDocx.Write),
            ExportFormat.Xlsx => Write(summary, SummaryXlsx.Write),
            ExportFormat.Csv => SummaryCsv.Utf8(summary),
            ExportFormat.Pdf => await pdf.ConvertDocxAsync(Write(summary, SummaryDocx.Write), cancellationToken),
            _ => JsonSerializer.SerializeToUtf8Bytes(summary, Json),
        };
        return new ExportFile(FileName(summary, format), ExportFormats.ContentType(format), content);
    }

    /// <summary>"hackney-e09000012-needs-summary-vs-england.docx"; a set of areas is named by its title.</summary>
    public static string FileName(NeedsSummary summary, ExportFormat format)
    {
        ArgumentNullException.ThrowIfNull(summary);
        IEnumerable<string?> parts = summary.Areas.Count == 1
            ? [summary.Areas[0].Name, summary.Areas[0].Code, "needs summary"]
            : [summary.Title];
        return DownloadName.File(ExportFormats.Extension(format), [.. parts, "vs", summary.BenchmarkName]);
    }

    private static byte[] Write(NeedsSummary summary, Action<NeedsSummary, Stream> writer)
    {
        using var stream = new MemoryStream();
        writer(summary, stream);
        return stream.ToArray();
    }
}
