namespace MhEmployment.Web.Domain;

/// <summary>A personal API token. Only its SHA-256 hash is stored; the token itself is shown once.</summary>
public class ApiToken
{
    public int Id { get; init; }
    public required string UserId { get; init; }
    public required string Name { get; init; }

    /// <summary>The first characters, so a person can tell their tokens apart.</summary>
    public required string Prefix { get; init; }
    public required string Hash { get; init; }
    public DateTime CreatedUtc { get; init; }
    public DateTime ExpiresUtc { get; init; }
    public DateTime? RevokedUtc { get; set; }
    public DateTime? LastUsedUtc { get; set; }

    public AppUser? User { get; init; }

    public bool IsActive(DateTime nowUtc) => RevokedUtc is null && ExpiresUtc > nowUtc;
}
