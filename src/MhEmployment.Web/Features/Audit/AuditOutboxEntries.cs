using MhEmployment.Web.Domain;

namespace MhEmployment.Web.Features.Audit;

/// <summary>What makes two audit entries the same entry: when (to the tick), who, what action, on what, with what details.</summary>
public readonly record struct AuditEntryKey(long OccurredTicks, string Actor, string Action, string? Target, string? Details)
{
    public static AuditEntryKey Of(AuditEvent entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new(entry.OccurredUtc.Ticks, entry.Actor, entry.Action, entry.Target, entry.Details);
    }
}

/// <summary>The rule that keeps a move from the outbox from writing an entry twice.</summary>
public static class AuditOutboxEntries
{
    /// <summary>
    /// The waiting entries not in AuditEvents yet, oldest first. Each stored entry with the same key accounts for one
    /// waiting entry (a batch whose move was written but not deleted from the outbox, by a crash between the two); two
    /// genuinely identical entries (the same tick) are both kept when neither is stored.
    /// </summary>
    public static List<AuditEvent> NotYetWritten(IEnumerable<OutboxEntry> waiting, IEnumerable<AuditEntryKey> stored)
    {
        var counts = new Dictionary<AuditEntryKey, int>();
        foreach (var key in stored)
        {
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }
        var fresh = new List<AuditEvent>();
        foreach (var entry in waiting.OrderBy(e => e.Event.OccurredUtc).ThenBy(e => e.Id))
        {
            var key = AuditEntryKey.Of(entry.Event);
            if (counts.TryGetValue(key, out var left) && left > 0)
            {
                counts[key] = left - 1;
                continue;
            }
            fresh.Add(entry.Event);
        }
        return fresh;
    }
}
