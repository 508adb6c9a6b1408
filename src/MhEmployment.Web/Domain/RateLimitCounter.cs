namespace MhEmployment.Web.Domain;

/// <summary>
/// How many attempts one key (what is limited, and for whom) has made in one fixed window of time. Kept in the
/// database so that every app instance counts into the same row.
/// </summary>
public class RateLimitCounter
{
    public required string Key { get; init; }
    public DateTime WindowStartUtc { get; init; }
    public int Count { get; init; }
}
