using MhEmployment.Web.Features.Exports;

namespace MhEmployment.Web.Domain;

public enum ExportJobStatus { Queued, Running, Done, Failed, Cancelled }

/// <summary>
/// A bulk export: every current upper-tier authority of a region as one zip, made in the background by whichever
/// instance of the app claims it, and kept for a day. The zip is in the database (<see cref="ExportJobChunk"/>), so any
/// instance serves it.
/// </summary>
public class ExportJob
{
    /// <summary>How long a finished zip is kept.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(1);

    public int Id { get; init; }
    public required string RegionCode { get; init; }
    public required string RegionName { get; init; }
    public ExportFormat Format { get; init; }

    /// <summary>The benchmark as the dashboards take it: England's code or the region's.</summary>
    public required string Benchmark { get; init; }
    public required string Scheme { get; init; }

    /// <summary>The sections' keys (<see cref="SummarySections"/>), separated by commas.</summary>
    public required string Sections { get; init; }
    public required string RequestedBy { get; init; }
    public required string RequestedByUserId { get; init; }

    public ExportJobStatus Status { get; set; }

    /// <summary>Areas written into the zip so far, of <see cref="Total"/> (known once the job starts).</summary>
    public int Done { get; set; }
    public int Total { get; set; }

    /// <summary>The area being written now.</summary>
    public string? CurrentArea { get; set; }

    public DateTime CreatedUtc { get; init; }
    public DateTime? StartedUtc { get; set; }
    public DateTime? FinishedUtc { get; set; }

    /// <summary>When the instance running the job last showed it was alive (after each area): a stale one was stopped.</summary>
    public DateTime? HeartbeatUtc { get; set; }
    public DateTime ExpiresUtc { get; set; }

    /// <summary>Why it failed, in words for the person who asked.</summary>
    public string? Error { get; set; }

    /// <summary>Someone asked for it to stop; the worker stops after the area it is writing.</summary>
    public bool CancelRequested { get; set; }

    /// <summary>The zip's download name and size, once it is done.</summary>
    public string? FileName { get; set; }
    public long? ZipBytes { get; set; }
}

/// <summary>
/// A piece of a finished zip, in order. The zip is written and served a piece at a time, so neither making nor
/// downloading it holds more than one piece in memory, however many areas it has.
/// </summary>
public class ExportJobChunk
{
    public const int Size = 1024 * 1024;

    public int JobId { get; init; }
    public int Index { get; init; }
    public required byte[] Bytes { get; init; }
}
