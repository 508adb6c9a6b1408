using MhEmployment.Web.Features.DataVersions;
using MhEmployment.Web.Features.Profiles;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace MhEmployment.Web.Infrastructure;

/// <summary>
/// Whole responses of the pages and API answers that read the data every cache follows (dashboards, indicators,
/// needs versus assets, coverage), kept per query until the data version changes. They are read far more often than
/// the data change, and even from the in-memory snapshots rendering them costs milliseconds (tens under load). Authentication and
/// authorisation still run on every request (the cache sits after them); only the page's own work is skipped.
/// </summary>
public static partial class DashboardOutputCache
{
    /// <summary>Pages: entries vary by the person, whose name and links the header shows.</summary>
    public const string Policy = "Dashboards";

    /// <summary>
    /// A page that shows flash messages (the _Flash partial): as <see cref="Policy"/>, but a request carrying one (the
    /// TempData cookie, after a redirect) is never answered from the cache, which would not show it. Other pages leave
    /// the cookie alone, so it may ride along on their requests without costing them the cache.
    /// </summary>
    public const string FlashPolicy = "DashboardsWithFlash";

    /// <summary>API answers: the same for everyone allowed to ask, so entries vary only by role.</summary>
    public const string ApiPolicy = "DashboardsApi";
    public const string Tag = "dashboards";

    public static IServiceCollection AddDashboardOutputCache(this IServiceCollection services, IConfiguration configuration)
    {
        // Entries vary by the data version, so a new version is never answered from an old page whatever their lifetime;
        // the lifetime only bounds what the version does not cover (dates such as "funding ending within 6 months").
        var lifetime = TimeSpan.FromSeconds(configuration.GetValue("Dashboards:OutputCacheSeconds", 5.0));
        services.AddOutputCache();
        services.AddOptions<OutputCacheOptions>().Configure<DashboardCache, DataVersion, IOptions<CookieTempDataProviderOptions>>((options, cache, versions, tempData) =>
        {
            var flashCookie = tempData.Value.Cookie.Name!;
            options.SizeLimit = configuration.GetValue("Dashboards:OutputCacheBytes", 256L * 1024 * 1024);
            options.AddPolicy(Policy, new DataVersionPolicy(lifetime, cache, versions, byPerson: true, flashCookie: null));
            options.AddPolicy(FlashPolicy, new DataVersionPolicy(lifetime, cache, versions, byPerson: true, flashCookie));
            options.AddPolicy(ApiPolicy, new DataVersionPolicy(lifetime, cache, versions, byPerson: false, flashCookie: null));
        });
        services.AddHostedService<EvictOnNewSnapshot>();
        return services;
    }

    /// <summary>
    /// The person's roles, sorted and comma-separated. Nearly everyone has one role, which is used as it is, so a
    /// cached page costs no sorting or joining on each request.
    /// </summary>
    internal static string RolesKey(ClaimsPrincipal user)
    {
        string? first = null;
        List<string>? all = null;
        foreach (var claim in user.Claims)
        {
            if (!string.Equals(claim.Type, ClaimTypes.Role, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            if (first is null)
            {
                first = claim.Value;
            }
            else
            {
                (all ??= [first]).Add(claim.Value);
            }
        }
        if (all is null)
        {
            return first ?? "";
        }
        all.Sort(StringComparer.Ordinal);
        return string.Join(',', all);
    }

    /// <summary>
    /// The built-in default refuses signed-in requests, since a page may show one person's data to another. These
    /// pages and API answers show everyone the same figures; what differs on a page is the header (name, role links),
    /// so a page's entries vary by the person (<paramref name="byPerson"/>) and every entry by the roles. They also vary
    /// by the data version of the snapshot being served (and whether a newer one is being loaded, which the page says),
    /// so a new snapshot is never answered with a page of the old one. Someone whose own change the dashboards do not
    /// show yet is never answered from the cache: their page waits for their figures. Nor, on a page that shows flash
    /// messages, is a request carrying one (<paramref name="flashCookie"/>). Entries expire after
    /// <c>Dashboards:OutputCacheSeconds</c>.
    /// </summary>
    private sealed class DataVersionPolicy(TimeSpan lifetime, DashboardCache cache, DataVersion versions, bool byPerson, string? flashCookie)
        : IOutputCachePolicy
    {
        public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var request = context.HttpContext.Request;
            var user = context.HttpContext.User;
            var snapshot = cache.Current;
            var cacheable = (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
                && user.Identity?.IsAuthenticated == true && snapshot is not null
                && !(flashCookie is not null && request.Cookies.ContainsKey(flashCookie))
                && !(versions.ExpectedBy(user.Identity.Name) is { } expected && expected > snapshot.Version);
            context.EnableOutputCaching = cacheable;
            context.AllowCacheLookup = cacheable;
            context.AllowCacheStorage = cacheable;
            context.AllowLocking = true;
            if (cacheable)
            {
                context.CacheVaryByRules.QueryKeys = "*";
                if (byPerson)
                {
                    context.CacheVaryByRules.VaryByValues["user"] = user.Identity!.Name ?? "";
                }
                context.CacheVaryByRules.VaryByValues["roles"] = RolesKey(user);
                context.CacheVaryByRules.VaryByValues["values"] = snapshot!.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)
                    + (cache.IsBehind(snapshot) ? "+" : "");
                context.ResponseExpirationTimeSpan = lifetime;
                context.Tags.Add(Tag);
            }
            return ValueTask.CompletedTask;
        }

        public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

        /// <summary>Only a plain page is kept: never an error, a redirect, or a response that sets a cookie.</summary>
        public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var response = context.HttpContext.Response;
            if (response.StatusCode != StatusCodes.Status200OK || response.Headers.SetCookie.Count > 0)
            {
                context.AllowCacheStorage = false;
            }
            return ValueTask.CompletedTask;
        }
    }

    /// <summary>Drops every cached dashboard once a new snapshot is served (they would never be served again: this frees their memory).</summary>
    private sealed partial class EvictOnNewSnapshot(DashboardCache cache, IOutputCacheStore store, ILogger<EvictOnNewSnapshot> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            cache.Published += OnPublished;
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken)
        {
            cache.Published -= OnPublished;
            return Task.CompletedTask;
        }

        private void OnPublished(object? sender, long version)
        {
            // The in-memory store evicts synchronously; the task is awaited only to surface an error in the log.
            var eviction = store.EvictByTagAsync(Tag, CancellationToken.None);
            if (!eviction.IsCompletedSuccessfully)
            {
                _ = eviction.AsTask().ContinueWith(t => LogEvictionFailed(logger, t.Exception), TaskContinuationOptions.OnlyOnFaulted);
            }
        }

        [LoggerMessage(Level = LogLevel.Error, Message = "Cached dashboards could not be dropped after a new data version")]
        private static partial void LogEvictionFailed(ILogger logger, Exception? ex);
    }
}
