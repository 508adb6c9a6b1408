using MhEmployment.Web.Domain;

namespace MhEmployment.Web.Features.Imports;

/// <summary>An import's status as the pages show it: a validated import that cannot be committed says why in a word, never "Ready to commit".</summary>
public static class ImportStatusText
{
    public static (string Text, string Css) Of(Import import)
    {
        ArgumentNullException.ThrowIfNull(import);
        return import.Status switch
        {
            ImportStatus.Validating => ("Validating", "tag-progress"),
            ImportStatus.Ready => ImportCommits.CommitBlocker(import) is { } blocker ? (blocker.Label, "tag-failed") : ("Ready to commit", "tag-ready"),
            ImportStatus.Committing => ("Committing", "tag-progress"),
            ImportStatus.Committed => ("Committed", "tag-done"),
            ImportStatus.Failed => ("Failed", "tag-failed"),
            ImportStatus.Undone => ("Undone", "tag-historical"),
            ImportStatus.Interrupted => ("Interrupted", "tag-failed"),
            _ => (import.Status.ToString(), "tag-historical"),
        };
    }
}
