using System.Globalization;
using MhEmployment.Web.Data;
using MhEmployment.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MhEmployment.Web.Features.Accounts;

/// <summary>Sign-in attempts allowed per client address per minute (Security:SignInAttemptsPerMinute).</summary>
public sealed record SignInRateLimit(int AttemptsPerMinute)
{
    public const string Setting = "Security:SignInAttemptsPerMinute";
    public const int Default = 10;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    /// <summary>Read (and checked) at start-up, so that a wrong setting stops the app with a message.</summary>
    public static SignInRateLimit From(IConfiguration configuration)
    {
        var text = configuration[Setting];
        if (string.IsNullOrWhiteSpace(text))
        {
            return new SignInRateLimit(Default);
        }
        return int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? new SignInRateLimit(value)
            : throw new ConfigurationProblemException(
                $"{Setting} is '{text}'; it must be a whole number of attempts, more than 0 (default {Default}).");
    }
}

/// <summary>Whether an attempt may go ahead, and if not, how many seconds until the next window opens.</summary>
public readonly record struct RateLimitDecision(bool Allowed, int RetryAfterSeconds);

/// <summary>
/// Counts sign-in attempts per client address in one-minute windows, in the database, so that the limit holds across
/// every app instance sharing it. Each attempt is one atomic upsert that returns the window's new count; the first
/// attempt of a window also clears the windows that have ended.
/// </summary>
public sealed class SignInRateLimiter(AppDbContext db, TimeProvider clock, SignInRateLimit limit)
{
    private const string KeyPrefix = "sign-in:";

    public async Task<RateLimitDecision> CountAttemptAsync(string clientAddress, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var window = FixedWindow.Containing(now, SignInRateLimit.Window);
        var key = KeyPrefix + clientAddress;
        var start = window.StartUtc;
        // INSERT ... ON CONFLICT ... RETURNING reads the same on SQLite (3.35+) and PostgreSQL. Concurrent attempts,
        // from this instance or another, each see a different count: no two are both the limit's last.
        var counts = await db.Database.SqlQuery<int>($"""
            INSERT INTO "RateLimitCounters" ("Key", "WindowStartUtc", "Count") VALUES ({key}, {start}, 1)
            ON CONFLICT ("Key", "WindowStartUtc") DO UPDATE SET "Count" = "RateLimitCounters"."Count" + 1
            RETURNING "Count" AS "Value"
            """).ToListAsync(cancellationToken);
        var count = counts.Single();
        if (count == 1)
        {
            await db.RateLimitCounters
                .Where(c => c.Key.StartsWith(KeyPrefix) && c.WindowStartUtc < start)
                .ExecuteDeleteAsync(cancellationToken);
        }
        return new RateLimitDecision(count <= limit.AttemptsPerMinute, window.SecondsLeftAt(now));
    }
}
