using System.Globalization;
using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Imports;

namespace MhEmployment.Web.Features.Refresh;

/// <summary>How a refresh reads on its page, in the API's messages and on the command line.</summary>
public static class RefreshText
{
    /// <summary>"every indicator with a source" or "esa-mental-behavioural-count".</summary>
    public static string Scope(RefreshRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return run.IndicatorKey ?? "every indicator with a source";
    }

    /// <summary>Who started it: "the scheduled refresh", "a refresh by ann@example.org".</summary>
    public static string Trigger(RefreshRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return run.Trigger switch
        {
            RefreshTrigger.Schedule => "the scheduled refresh",
            RefreshTrigger.CommandLine => "a refresh from the command line",
            RefreshTrigger.Api => $"a refresh through the API by {run.RequestedBy}",
            _ => $"a refresh by {run.RequestedBy}",
        };
    }

    /// <summary>"2 of 5 indicators done: now fetching …".</summary>
    public static string Progress(RefreshRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var total = run.Items.Count;
        var done = Done(run);
        var failed = run.Items.Count(i => i.Status == RefreshItemStatus.Failed);
        return run.Status switch
        {
            RefreshRunStatus.Queued => "Waiting to start.",
            RefreshRunStatus.Running => string.Create(CultureInfo.InvariantCulture, $"{done} of {Counted.Of(total, "indicator")} done")
                + (run.Items.FirstOrDefault(i => i.Status == RefreshItemStatus.Fetching) is { } now ? $": now {now.IndicatorName}." : "."),
            RefreshRunStatus.Done when failed == 0 => $"Finished: {Counted.Of(total, "indicator")} refreshed.",
            RefreshRunStatus.Done => string.Create(CultureInfo.InvariantCulture, $"Finished: {failed} of {Counted.Of(total, "indicator")} failed."),
            _ => $"Failed: {run.Error}",
        };
    }

    public static int Done(RefreshRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return run.Items.Count(i => i.Status is not (RefreshItemStatus.Waiting or RefreshItemStatus.Fetching));
    }

    public static string RunStatus(RefreshRunStatus status) => status switch
    {
        RefreshRunStatus.Queued => "Queued",
        RefreshRunStatus.Running => "Running",
        RefreshRunStatus.Done => "Finished",
        _ => "Failed",
    };

    public static string ItemStatus(RefreshItemStatus status) => status switch
    {
        RefreshItemStatus.Waiting => "Waiting",
        RefreshItemStatus.Fetching => "Fetching",
        RefreshItemStatus.Fetched => "Fetched, to check and commit",
        RefreshItemStatus.Unchanged => "Unchanged",
        RefreshItemStatus.Committed => "Committed",
        RefreshItemStatus.Held => "Held for an analyst",
        _ => "Failed",
    };

    /// <summary>"committed", "waiting to be committed" and so on, for an import a response repeats.</summary>
    public static string ImportState(ImportStatus status) => status switch
    {
        ImportStatus.Committed => "committed",
        ImportStatus.Ready => "checked, waiting to be committed",
        ImportStatus.Validating => "being checked",
        ImportStatus.Committing => "being committed",
        _ => "interrupted, to commit again",
    };

    /// <summary>"12 new and 3 changed values".</summary>
    public static string Changes(Import import)
    {
        ArgumentNullException.ThrowIfNull(import);
        return string.Create(CultureInfo.InvariantCulture, $"{import.NewCount:N0} new and {import.ChangedCount:N0} changed values");
    }

    /// <summary>"7 days", "12 hours", "90 minutes".</summary>
    public static string Interval(TimeSpan interval) =>
        interval.TotalDays >= 1 && interval.TotalDays % 1 == 0 ? Counted.Of((long)interval.TotalDays, "day")
        : interval.TotalHours >= 1 && interval.TotalHours % 1 == 0 ? Counted.Of((long)interval.TotalHours, "hour")
        : Counted.Of((long)Math.Ceiling(interval.TotalMinutes), "minute");

    public static string Time(DateTime utc) => utc.ToString("d MMMM yyyy 'at' HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
