using System.Globalization;
using MhEmployment.Web.Domain;

namespace MhEmployment.Web.Features.Exports.Bulk;

/// <summary>How a bulk export's state reads on its page.</summary>
public static class BulkExportText
{
    /// <summary>"12 of 33 boroughs: now Hackney".</summary>
    public static string Progress(ExportJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return job.Status switch
        {
            ExportJobStatus.Queued => "Waiting to start.",
            ExportJobStatus.Running when job.Total == 0 => "Starting.",
            ExportJobStatus.Running => string.Create(CultureInfo.InvariantCulture, $"{job.Done} of {job.Total} boroughs")
                + (job.CurrentArea is { } area ? $": now {area}" : "") + (job.CancelRequested ? ". Stopping as you asked." : ""),
            ExportJobStatus.Done => string.Create(CultureInfo.InvariantCulture, $"All {job.Total} boroughs done."),
            ExportJobStatus.Failed => $"Failed: {job.Error}",
            _ => string.Create(CultureInfo.InvariantCulture, $"Cancelled after {job.Done} of {job.Total} boroughs."),
        };
    }

    public static string Status(ExportJobStatus status) => status switch
    {
        ExportJobStatus.Queued => "Queued",
        ExportJobStatus.Running => "Running",
        ExportJobStatus.Done => "Ready to download",
        ExportJobStatus.Failed => "Failed",
        _ => "Cancelled",
    };

    public static string Benchmark(ExportJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return job.Benchmark == job.RegionCode ? job.RegionName : "England";
    }

    public static string Size(long bytes) => bytes >= 1024 * 1024
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.0} MB")
        : string.Create(CultureInfo.InvariantCulture, $"{Math.Max(1, bytes / 1024)} KB");

    public static string Time(DateTime utc) => utc.ToString("d MMM yyyy HH:mm", CultureInfo.InvariantCulture) + " UTC";
}
