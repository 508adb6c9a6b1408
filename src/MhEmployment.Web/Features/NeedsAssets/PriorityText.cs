using MhEmployment.Web.Domain;

namespace MhEmployment.Web.Features.NeedsAssets;

/// <summary>
/// A priority's kinds of action, timescales and statuses: as people read them, and as the forms and the API write
/// them (kebab-case words such as "scale-up-or-target").
/// </summary>
public static class PriorityText
{
    public static readonly IReadOnlyList<(PriorityAction Value, string Key, string Name)> Actions =
    [
        (PriorityAction.ProtectAndPromote, "protect-and-promote", "Protect and promote"),
        (PriorityAction.ScaleUpOrTarget, "scale-up-or-target", "Scale up or target"),
        (PriorityAction.NewPriorityAction, "new-priority-action", "New priority action"),
    ];

    public static readonly IReadOnlyList<(PriorityTimescale Value, string Key, string Name)> Timescales =
    [
        (PriorityTimescale.ShortTerm, "short-term", "Short term"),
        (PriorityTimescale.MediumTerm, "medium-term", "Medium term"),
        (PriorityTimescale.LongTerm, "long-term", "Long term"),
    ];

    public static readonly IReadOnlyList<(PriorityStatus Value, string Key, string Name)> Statuses =
    [
        (PriorityStatus.Proposed, "proposed", "Proposed"),
        (PriorityStatus.Agreed, "agreed", "Agreed"),
        (PriorityStatus.InProgress, "in-progress", "In progress"),
        (PriorityStatus.Done, "done", "Done"),
        (PriorityStatus.Dropped, "dropped", "Dropped"),
    ];

    public static string Key(PriorityAction action) => Actions.Single(a => a.Value == action).Key;
    public static string Key(PriorityTimescale timescale) => Timescales.Single(t => t.Value == timescale).Key;
    public static string Key(PriorityStatus status) => Statuses.Single(s => s.Value == status).Key;
    public static string Name(PriorityAction action) => Actions.Single(a => a.Value == action).Name;
    public static string Name(PriorityTimescale timescale) => Timescales.Single(t => t.Value == timescale).Name;
    public static string Name(PriorityStatus status) => Statuses.Single(s => s.Value == status).Name;

    /// <summary>The guidance's next step each kind of action answers (its ratings 1, 2 and 3).</summary>
    public static string Guidance(PriorityAction action) => Assets.Ratings.NextStep(action switch
    {
        PriorityAction.ProtectAndPromote => 1,
        PriorityAction.ScaleUpOrTarget => 2,
        _ => 3,
    });

    /// <summary>A status tag's class: done green, dropped grey, the rest by how far they have come; the status is always in the words.</summary>
    public static string StatusClass(PriorityStatus status) => status switch
    {
        PriorityStatus.Done => "tag-done",
        PriorityStatus.Dropped => "tag-historical",
        PriorityStatus.InProgress => "tag-progress",
        _ => "tag-ready",
    };

    /// <summary>Reads a key (or its words: "In progress", "in_progress"), case aside; null when it is none of them.</summary>
    public static T? Parse<T>(IReadOnlyList<(T Value, string Key, string Name)> choices, string? text) where T : struct, Enum
    {
        var wanted = Normalise(text);
        foreach (var (value, key, name) in choices)
        {
            if (wanted == key || wanted == Normalise(name))
            {
                return value;
            }
        }
        return null;
    }

    public static string KeyList<T>(IReadOnlyList<(T Value, string Key, string Name)> choices) =>
        string.Join(", ", choices.Select(c => c.Key));

    private static string Normalise(string? text) =>
        string.Join('-', (text ?? "").Trim().ToLowerInvariant().Split([' ', '_', '-'], StringSplitOptions.RemoveEmptyEntries));
}
