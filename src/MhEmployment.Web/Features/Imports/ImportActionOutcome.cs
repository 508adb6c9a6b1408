namespace MhEmployment.Web.Features.Imports;

/// <summary>What came of an analyst's request on an import (commit, undo, map, check again): done, or why not, in words.</summary>
public sealed record ImportActionOutcome(bool Succeeded, string Message, bool ImportMissing = false)
{
    public static ImportActionOutcome Done(string message) => new(true, message);

    public static ImportActionOutcome Refused(string message) => new(false, message);

    public static ImportActionOutcome NoSuchImport(int importId) => new(false, $"There is no import #{importId}.", ImportMissing: true);
}
