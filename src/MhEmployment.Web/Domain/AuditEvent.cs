namespace MhEmployment.Web.Domain;

/// <summary>One entry of the append-only audit log: who did what, to what, when, and from where.</summary>
public class AuditEvent
{
    public long Id { get; init; }
    public DateTime OccurredUtc { get; init; }

    /// <summary>The account that acted; null for an anonymous attempt (e.g. a failed sign-in) or the system.</summary>
    public string? ActorUserId { get; init; }
    public required string Actor { get; init; }
    public string? IpAddress { get; init; }
    public required string Action { get; init; }
    public string? Target { get; init; }
    public string? Details { get; init; }
}
