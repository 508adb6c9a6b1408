namespace MhEmployment.Web.Domain;

public enum ImportJobKind { Validate, Commit, ValidateAndCommit }

/// <summary>
/// A validation or commit to run for an import, kept in the database so that any app instance sharing it can run it,
/// and exactly one does (ADR 0017). While an instance runs it, <see cref="Owner"/> names the instance and
/// <see cref="LeaseExpiresUtc"/> is renewed; a job whose lease runs out belonged to an instance that stopped. The row is
/// removed when the work ends. An import that is validating or committing always has one.
/// </summary>
public class ImportJob
{
    public int Id { get; init; }
    public int ImportId { get; init; }

    /// <summary>Only to insert a job with a new import in one save.</summary>
    public Import? Import { get; init; }

    /// <summary>What to run; the direct way (<c>RunHereAsync</c>) may change what an upload held.</summary>
    public ImportJobKind Kind { get; set; }
    public string? RequestedBy { get; set; }

    /// <summary>The analyst confirmed the indicators the file adds to the catalogue (see Features/Imports/NewIndicatorLimits).</summary>
    public bool ConfirmNewIndicators { get; set; }
    public DateTime QueuedUtc { get; init; }

    /// <summary>The instance running the job; null while it waits to be claimed.</summary>
    public string? Owner { get; set; }
    public DateTime? LeaseExpiresUtc { get; set; }

    /// <summary>How far the running work has got (0 to 1) and the rows read, for every instance's progress bars.</summary>
    public double Progress { get; set; }
    public long Rows { get; set; }
}
