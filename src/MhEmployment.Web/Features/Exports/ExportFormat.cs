using Microsoft.Net.Http.Headers;

namespace MhEmployment.Web.Features.Exports;

/// <summary>The files a needs summary is exported as.</summary>
public enum ExportFormat { Docx, Xlsx, Csv, Pdf, Json }

/// <summary>A produced file: its download name, media type and bytes.</summary>
public sealed record ExportFile(string FileName, string ContentType, byte[] Content);

public static class ExportFormats
{
    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string CsvType = "text/csv; charset=utf-8";
    public const string PdfType = "application/pdf";
    public const string JsonType = "application/json; charset=utf-8";

    public static string Extension(ExportFormat format) => format.ToString().ToLowerInvariant();

    public static string ContentType(ExportFormat format) => format switch
    {
        ExportFormat.Docx => DocxType,
        ExportFormat.Xlsx => XlsxType,
        ExportFormat.Csv => CsvType,
        ExportFormat.Pdf => PdfType,
        _ => JsonType,
    };

    /// <summary>The format an extension ("docx", ".XLSX") names; null when it names none.</summary>
    public static ExportFormat? FromExtension(string? extension) =>
        Enum.TryParse<ExportFormat>(extension?.TrimStart('.'), ignoreCase: true, out var format) && Enum.IsDefined(format) && !int.TryParse(extension, out _)
            ? format : null;

    /// <summary>
    /// The format an Accept header prefers (by quality, then order): JSON when it is missing or accepts anything;
    /// null when it names only types the summary does not come in.
    /// </summary>
    public static ExportFormat? FromAccept(IList<MediaTypeHeaderValue> accept)
    {
        ArgumentNullException.ThrowIfNull(accept);
        if (accept.Count == 0)
        {
            return ExportFormat.Json;
        }
        foreach (var type in accept.Where(a => a.Quality is not 0).OrderByDescending(a => a.Quality ?? 1))
        {
            var media = type.MediaType.Value?.ToLowerInvariant();
            ExportFormat? format = media switch
            {
                "*/*" or "application/*" or "application/json" => ExportFormat.Json,
                DocxType => ExportFormat.Docx,
                XlsxType => ExportFormat.Xlsx,
                "text/csv" or "text/*" => ExportFormat.Csv,
                PdfType => ExportFormat.Pdf,
                _ => null,
            };
            if (format is not null)
            {
                return format;
            }
        }
        return null;
    }

    public static string Name(ExportFormat format) => format switch
    {
        ExportFormat.Docx => "Word (.docx)",
        ExportFormat.Xlsx => "Excel (.xlsx)",
        ExportFormat.Csv => "CSV",
        ExportFormat.Pdf => "PDF",
        _ => "JSON",
    };
}
