using System.IO.Compression;
using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Profiles;

namespace MhEmployment.Web.Features.Exports.Bulk;

/// <summary>
/// Writes a bulk export's files into its zip, one area at a time: each area's summary is built in a scope of its own,
/// written, and let go, so memory does not grow with the number of areas. PDFs are made in batches: LibreOffice takes
/// seconds to start and little more per document, so a batch of Word files (on disk) is converted in one run.
/// </summary>
public sealed class BulkExportZip(IServiceScopeFactory scopes, PdfConverter pdf, IConfiguration configuration)
{
    /// <summary>Word files converted to PDF in one LibreOffice run.</summary>
    public const int PdfBatch = 8;

    /// <param name="progress">Told how many areas are in the zip and what is being made now, before each step; it throws to stop.</param>
    public async Task WriteAsync(
        ExportJob job, IReadOnlyList<SnapshotArea> areas, ZipArchive archive, Func<int, string, Task> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(areas);
        ArgumentNullException.ThrowIfNull(progress);
        var request = new SummaryRequest(job.Benchmark, job.Scheme, SummarySections.Parse([job.Sections], []), []);
        if (job.Format != ExportFormat.Pdf)
        {
            for (var done = 0; done < areas.Count; done++)
            {
                await progress(done, areas[done].Name);
                await using var scope = scopes.CreateAsyncScope();
                var summary = await SummaryAsync(scope, areas[done], request, job, cancellationToken);
                var file = await scope.ServiceProvider.GetRequiredService<SummaryFiles>().ProduceAsync(summary, job.Format, cancellationToken);
                var level = job.Format is ExportFormat.Csv or ExportFormat.Json ? CompressionLevel.Optimal : CompressionLevel.NoCompression;
                await using var entry = await OpenEntryAsync(archive, file.FileName, level, summary.ProducedUtc, cancellationToken);
                await entry.WriteAsync(file.Content, cancellationToken);
            }
            return;
        }
        var folder = Path.Combine(ExportWork.Folder(configuration), $"bulk-pdf-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            for (var first = 0; first < areas.Count; first += PdfBatch)
            {
                var batch = areas.Skip(first).Take(PdfBatch).ToList();
                var docx = new List<string>();
                var made = DateTime.UtcNow;
                for (var i = 0; i < batch.Count; i++)
                {
                    await progress(first, batch[i].Name);
                    await using var scope = scopes.CreateAsyncScope();
                    var summary = await SummaryAsync(scope, batch[i], request, job, cancellationToken);
                    // Named as the PDF will be: LibreOffice keeps the name and changes the extension.
                    var path = Path.Combine(folder, Path.ChangeExtension(SummaryFiles.FileName(summary, ExportFormat.Pdf), ".docx"));
                    await using (var file = File.Create(path))
                    {
                        SummaryDocx.Write(summary, file);
                    }
                    docx.Add(path);
                    made = summary.ProducedUtc;
                }
                await progress(first, batch.Count == 1 ? $"the PDF of {batch[0].Name}" : $"the PDFs of {batch[0].Name} to {batch[^1].Name}");
                foreach (var madePdf in await pdf.ConvertDocxFilesAsync(docx, folder, cancellationToken))
                {
                    await using (var entry = await OpenEntryAsync(archive, Path.GetFileName(madePdf), CompressionLevel.NoCompression, made, cancellationToken))
                    await using (var source = File.OpenRead(madePdf))
                    {
                        await source.CopyToAsync(entry, cancellationToken);
                    }
                    File.Delete(madePdf);
                }
                docx.ForEach(File.Delete);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<NeedsSummary> SummaryAsync(
        AsyncServiceScope scope, SnapshotArea area, SummaryRequest request, ExportJob job, CancellationToken cancellationToken) =>
        (await scope.ServiceProvider.GetRequiredService<NeedsSummaryBuilder>().ForAreaAsync(area.Code, request, job.RequestedBy, cancellationToken, keep: false)
            ?? throw new InvalidOperationException($"The area {area.Code} has no summary.")).Summary;

    private static async Task<Stream> OpenEntryAsync(ZipArchive archive, string name, CompressionLevel level, DateTime madeUtc, CancellationToken cancellationToken)
    {
        var entry = archive.CreateEntry(name, level);
        entry.LastWriteTime = madeUtc;
        return await entry.OpenAsync(cancellationToken);
    }
}
