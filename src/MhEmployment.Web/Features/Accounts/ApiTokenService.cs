using System.Security.Cryptography;
using System.Text;
using MhEmployment.Web.Data;
using MhEmployment.Web.Domain;
using MhEmployment.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MhEmployment.Web.Features.Accounts;

public sealed record IssuedToken(ApiToken Token, string Secret);

/// <summary>Issues, finds and revokes personal API tokens. Tokens carry 256 random bits, so a plain SHA-256 suffices.</summary>
public sealed class ApiTokenService(AppDbContext db, TimeProvider clock, SqliteLongWrites longWrites, ApiTokenPrincipals remembered)
{
    public const string SecretPrefix = "mhe_";
    public static readonly IReadOnlyList<int> LifetimesInDays = [7, 30, 90, 180, 365];

    public async Task<IssuedToken> IssueAsync(AppUser user, string name, int days, CancellationToken cancellationToken = default)
    {
        var secret = SecretPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow().UtcDateTime;
        var token = new ApiToken
        {
            UserId = user.Id,
            Name = name.Trim(),
            Prefix = secret[..(SecretPrefix.Length + 6)],
            Hash = HashOf(secret),
            CreatedUtc = now,
            ExpiresUtc = now.AddDays(days),
        };
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(cancellationToken);
        return new IssuedToken(token, secret);
    }

    /// <summary>The active token with this secret, with its owner; null when unknown, expired or revoked.</summary>
    public async Task<ApiToken?> FindActiveAsync(string secret, CancellationToken cancellationToken = default)
    {
        if (!secret.StartsWith(SecretPrefix, StringComparison.Ordinal) || secret.Length > 100)
        {
            return null;
        }
        var hash = HashOf(secret);
        var token = await db.ApiTokens.Include(t => t.User).FirstOrDefaultAsync(t => t.Hash == hash, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        if (token is null || !token.IsActive(now) || token.User is null || token.User.DisabledUtc is not null)
        {
            return null;
        }
        // Record use at most once a minute, so busy scripts do not write on every call. Best effort: while a long SQLite
        // write (an import's commit) holds the database it is skipped, rather than keep the call waiting for it; the
        // next call after it records the use (ADR 0021).
        if (token.LastUsedUtc is null || now - token.LastUsedUtc > TimeSpan.FromMinutes(1))
        {
            var before = token.LastUsedUtc;
            token.LastUsedUtc = now;
            if (!await longWrites.TrySaveAroundAsync(db, cancellationToken))
            {
                token.LastUsedUtc = before;
                db.Entry(token).State = EntityState.Unchanged;
            }
        }
        return token;
    }

    public async Task<ApiToken?> RevokeAsync(string userId, int tokenId, CancellationToken cancellationToken = default)
    {
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == tokenId && t.UserId == userId, cancellationToken);
        if (token is null || token.RevokedUtc is not null)
        {
            return null;
        }
        token.RevokedUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        remembered.ForgetAll();
        return token;
    }

    public Task<List<ApiToken>> ListAsync(string userId, CancellationToken cancellationToken = default) =>
        db.ApiTokens.AsNoTracking().Where(t => t.UserId == userId).OrderByDescending(t => t.CreatedUtc).ToListAsync(cancellationToken);

    public static string HashOf(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
