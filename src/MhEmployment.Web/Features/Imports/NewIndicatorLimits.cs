namespace MhEmployment.Web.Features.Imports;

/// <summary>
/// How many indicators one file may add to the catalogue: a few without asking, more only when the analyst confirms
/// them in the preview, and never more than <see cref="Max"/> (a file with thousands of unknown series is a mistake,
/// not a catalogue).
/// </summary>
public static class NewIndicatorLimits
{
    public const int WithoutConfirmation = 5;
    public const int Max = 50;

    /// <summary>Why committing needs the analyst's confirmation first, in words; null when it does not.</summary>
    public static string? ConfirmationNeeded(ImportSummary? summary) => summary?.NewIndicatorCount is > WithoutConfirmation and var count
        ? $"This file adds {count} new indicators to the catalogue. Check them in the list of series, then confirm that they should be added."
        : null;
}
