using System.Globalization;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace MhEmployment.Web.Infrastructure;

/// <summary>
/// Kestrel's timeouts and minimum data rates (Server:Limits:*): a client that dribbles its request headers, its upload
/// or its reading of a download is cut off instead of holding a connection, a request and a temporary file. The
/// defaults leave a real upload over a slow office line (tens of KB/s) far above the minimum.
/// </summary>
public sealed record ServerLimits(
    TimeSpan RequestHeadersTimeout,
    TimeSpan KeepAliveTimeout,
    int MinRequestBodyBytesPerSecond,
    TimeSpan MinRequestBodyGracePeriod,
    int MinResponseBytesPerSecond,
    TimeSpan MinResponseGracePeriod)
{
    public const string Section = "Server:Limits";

    public static readonly ServerLimits Defaults = new(
        RequestHeadersTimeout: TimeSpan.FromSeconds(30),
        KeepAliveTimeout: TimeSpan.FromMinutes(2),
        MinRequestBodyBytesPerSecond: 1024,
        MinRequestBodyGracePeriod: TimeSpan.FromSeconds(10),
        MinResponseBytesPerSecond: 1024,
        MinResponseGracePeriod: TimeSpan.FromSeconds(10));

    /// <summary>Kestrel checks its rates once a second, so a grace period must be longer than that.</summary>
    private static readonly TimeSpan ShortestGracePeriod = TimeSpan.FromSeconds(1);

    public static ServerLimits From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(Section);
        return new ServerLimits(
            Duration(section, nameof(RequestHeadersTimeout), Defaults.RequestHeadersTimeout, TimeSpan.Zero),
            Duration(section, nameof(KeepAliveTimeout), Defaults.KeepAliveTimeout, TimeSpan.Zero),
            Rate(section, nameof(MinRequestBodyBytesPerSecond), Defaults.MinRequestBodyBytesPerSecond),
            Duration(section, nameof(MinRequestBodyGracePeriod), Defaults.MinRequestBodyGracePeriod, ShortestGracePeriod),
            Rate(section, nameof(MinResponseBytesPerSecond), Defaults.MinResponseBytesPerSecond),
            Duration(section, nameof(MinResponseGracePeriod), Defaults.MinResponseGracePeriod, ShortestGracePeriod));
    }

    public void ApplyTo(KestrelServerLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        limits.RequestHeadersTimeout = RequestHeadersTimeout;
        limits.KeepAliveTimeout = KeepAliveTimeout;
        limits.MinRequestBodyDataRate = new MinDataRate(MinRequestBodyBytesPerSecond, MinRequestBodyGracePeriod);
        limits.MinResponseDataRate = new MinDataRate(MinResponseBytesPerSecond, MinResponseGracePeriod);
    }

    private static TimeSpan Duration(IConfigurationSection section, string name, TimeSpan fallback, TimeSpan mustExceed)
    {
        var text = section[name];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }
        return TimeSpan.TryParse(text.Trim(), CultureInfo.InvariantCulture, out var value) && value > mustExceed
            ? value
            : throw new ConfigurationProblemException(
                $"{Section}:{name} is '{text}'; it must be a time span longer than {mustExceed:c}, e.g. '{fallback:c}' (the default).");
    }

    private static int Rate(IConfigurationSection section, string name, int fallback)
    {
        var text = section[name];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }
        return int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new ConfigurationProblemException(
                $"{Section}:{name} is '{text}'; it must be a whole number of bytes a second, more than 0 (default {fallback}).");
    }
}

public static class ServerLimitsSetup
{
    /// <summary>Read (and checked) at start-up, so that a wrong setting stops the app with a message instead of later.</summary>
    public static WebApplicationBuilder AddServerLimits(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var limits = ServerLimits.From(builder.Configuration);
        builder.WebHost.ConfigureKestrel(o => limits.ApplyTo(o.Limits));
        return builder;
    }
}
