namespace MhEmployment.Web.Domain;

/// <summary>Where an import is in its life: validated in the background, previewed, committed whole, perhaps undone.</summary>
public enum ImportStatus { Validating, Ready, Committing, Committed, Failed, Undone, Interrupted }

/// <summary>A file that brings indicator values in, with what was found in it and what became of it.</summary>
public class Import
{
    public int Id { get; init; }
    public required string FileName { get; init; }

    /// <summary>The address the file was fetched from, when a refresh fetched it rather than a person uploading it.</summary>
    public string? SourceUrl { get; set; }

    /// <summary>The format detected (or chosen by the analyst); null until validation has read the header.</summary>
    public string? Format { get; set; }

    /// <summary>A format the analyst insisted on, overriding detection.</summary>
    public string? RequestedFormat { get; set; }

    /// <summary>SHA-256 of the file's bytes, lower-case hex.</summary>
    public required string Sha256 { get; init; }
    public long FileSize { get; init; }
    public DateTime CreatedUtc { get; init; }
    public string? CreatedBy { get; init; }

    public ImportStatus Status { get; set; }

    /// <summary>Validation read the whole file and staged its rows: the import can be committed (again, after an interruption).</summary>
    public bool ValidationComplete { get; set; }

    /// <summary>
    /// Commit as soon as the file is found valid, without stopping at the preview (the command line's --commit). Such an
    /// import is checked and written in one pass; if that is interrupted, committing it again checks it again.
    /// </summary>
    public bool CommitWhenValid { get; set; }
    public double Progress { get; set; }
    public long RowCount { get; set; }
    public long ErrorCount { get; set; }
    public long WarningCount { get; set; }
    public long NewCount { get; set; }
    public long ChangedCount { get; set; }
    public long UnchangedCount { get; set; }

    /// <summary>Why the import failed or was interrupted, or what is special about it, in words for the analyst.</summary>
    public string? Message { get; set; }

    /// <summary>What validation found (series, areas, periods, aggregated warnings), as JSON for the preview.</summary>
    public string? SummaryJson { get; set; }

    /// <summary>The analyst's choice for each series of the file, as JSON (series key → indicator key, "new" or "skip").</summary>
    public string? MappingJson { get; set; }

    public DateTime? CommittedUtc { get; set; }
    public string? CommittedBy { get; set; }
    public DateTime? UndoneUtc { get; set; }
    public string? UndoneBy { get; set; }
}
