namespace MhEmployment.Web.Domain;

/// <summary>Who or what started a refresh.</summary>
public enum RefreshTrigger { Page, Api, CommandLine, Schedule }

public enum RefreshRunStatus { Queued, Running, Done, Failed }

/// <summary>
/// A refresh from source: one indicator or every indicator with a source, fetched in the background by whichever
/// instance claims the run. Each fetched file becomes an ordinary import (validated, previewed, committed, undone);
/// a run that commits when clean (the schedule, the command line's --commit) commits the ones that only add or change
/// values and holds the rest for an analyst.
/// </summary>
public class RefreshRun
{
    public int Id { get; init; }

    /// <summary>The indicator asked for; null for the whole catalogue.</summary>
    public string? IndicatorKey { get; init; }
    public RefreshTrigger Trigger { get; init; }
    public required string RequestedBy { get; init; }

    /// <summary>Commit each file that is valid and only adds or changes values; hold anything else for an analyst.</summary>
    public bool CommitWhenClean { get; init; }

    public RefreshRunStatus Status { get; set; }
    public DateTime CreatedUtc { get; init; }
    public DateTime? StartedUtc { get; set; }
    public DateTime? FinishedUtc { get; set; }

    /// <summary>When the instance running it last showed it was alive: a stale run was stopped.</summary>
    public DateTime? HeartbeatUtc { get; set; }

    /// <summary>Why the run as a whole failed, in words.</summary>
    public string? Error { get; set; }

    public List<RefreshItem> Items { get; init; } = [];
}

/// <summary>What became of one indicator in a run.</summary>
public enum RefreshItemStatus
{
    Waiting,
    Fetching,

    /// <summary>Fetched and stored as an import, for an analyst to preview and commit.</summary>
    Fetched,

    /// <summary>The source sent the same bytes as the last import of this indicator: nothing new to import.</summary>
    Unchanged,

    /// <summary>Fetched, found clean and committed (a run that commits when clean).</summary>
    Committed,

    /// <summary>Fetched but not committed by a run that commits when clean: the import waits for an analyst, with a note.</summary>
    Held,

    /// <summary>The fetch failed; nothing was written.</summary>
    Failed,
}

public class RefreshItem
{
    public int Id { get; init; }
    public int RunId { get; init; }
    public required string IndicatorKey { get; init; }
    public required string IndicatorName { get; init; }
    public RefreshItemStatus Status { get; set; }
    public string? SourceUrl { get; set; }
    public long? Bytes { get; set; }

    /// <summary>The import the fetched file became (or, when unchanged, the import it repeats).</summary>
    public int? ImportId { get; set; }

    /// <summary>What happened, in words: why it failed or was held, or what was committed.</summary>
    public string? Message { get; set; }
}
