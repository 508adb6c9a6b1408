using System.Security.Claims;
using Microsoft.Extensions.Caching.Memory;

namespace MhEmployment.Web.Features.Accounts;

/// <summary>
/// Who a token acts as, remembered for <c>Security:TokenRevalidationSeconds</c> (10 s) after it was checked in the
/// database. Finding the token and its owner's roles took three queries on every API call: under load on PostgreSQL,
/// with an import writing, about 100 ms a call, while the cached answers themselves took under a millisecond. A token
/// revoked, or an account disabled or given other roles, through this instance is forgotten at once; through another
/// instance, within that time. Never past the token's own expiry. 0 checks every call.
/// </summary>
public sealed class ApiTokenPrincipals : IDisposable
{
    private readonly MemoryCache store = new(new MemoryCacheOptions { SizeLimit = 10_000 });
    private readonly TimeSpan trust;
    private readonly TimeProvider clock;

    public ApiTokenPrincipals(IConfiguration configuration, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        trust = TimeSpan.FromSeconds(configuration.GetValue("Security:TokenRevalidationSeconds", 10.0));
        this.clock = clock;
    }

    /// <summary>The owner's claims, if the token (by its hash) was checked recently enough and has not expired since.</summary>
    public IReadOnlyList<Claim>? Find(string hash) =>
        store.TryGetValue(hash, out Remembered? remembered) && remembered!.Until > clock.GetUtcNow().UtcDateTime ? remembered.Claims : null;

    public void Remember(string hash, IReadOnlyList<Claim> claims, DateTime tokenExpiresUtc)
    {
        if (trust <= TimeSpan.Zero)
        {
            return;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var until = now + trust < tokenExpiresUtc ? now + trust : tokenExpiresUtc;
        store.Set(hash, new Remembered(claims, until), new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = trust });
    }

    /// <summary>After a token is revoked or an account changed here: every token is checked again at its next call.</summary>
    public void ForgetAll() => store.Clear();

    public void Dispose() => store.Dispose();

    private sealed record Remembered(IReadOnlyList<Claim> Claims, DateTime Until);
}
