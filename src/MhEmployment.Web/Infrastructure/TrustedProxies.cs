using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using IPNetwork = System.Net.IPNetwork;

namespace MhEmployment.Web.Infrastructure;

/// <summary>
/// The reverse proxies (deploy/nginx.conf.template) whose X-Forwarded-For and X-Forwarded-Proto the app believes
/// (ForwardedHeaders:KnownProxies, addresses; ForwardedHeaders:KnownNetworks, CIDR ranges; each a list or one value
/// with commas). Behind a proxy the client's address (the sign-in rate limit, the audit log) and scheme (secure cookies,
/// HSTS) arrive only in those headers; from anyone else they could be forged, so with neither setting they are ignored,
/// from loopback too.
/// </summary>
public sealed record TrustedProxies(IReadOnlyList<IPAddress> Proxies, IReadOnlyList<IPNetwork> Networks)
{
    public const string Section = "ForwardedHeaders";

    public bool Any => Proxies.Count > 0 || Networks.Count > 0;

    public static TrustedProxies From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var proxies = Values(configuration, "KnownProxies").Select(text => IPAddress.TryParse(text, out var address)
            ? address
            : throw new ConfigurationProblemException(
                $"{Section}:KnownProxies has '{text}', which is not an IP address; give the proxy's address, e.g. '10.0.0.5' or '::1'.")).ToList();
        var networks = Values(configuration, "KnownNetworks").Select(text => IPNetwork.TryParse(text, out var network)
            ? network
            : throw new ConfigurationProblemException(
                $"{Section}:KnownNetworks has '{text}', which is not a network in CIDR notation, e.g. '10.0.0.0/24'.")).ToList();
        return new TrustedProxies(proxies, networks);
    }

    /// <summary>Trusts exactly these proxies (the framework's default of loopback is dropped), for one hop each.</summary>
    public void ApplyTo(ForwardedHeadersOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        options.ForwardLimit = 1;
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in Proxies)
        {
            options.KnownProxies.Add(proxy);
        }
        foreach (var network in Networks)
        {
            options.KnownIPNetworks.Add(network);
        }
    }

    private static IEnumerable<string> Values(IConfiguration configuration, string key)
    {
        var section = configuration.GetSection($"{Section}:{key}");
        var texts = section.Value is { } single ? [single] : section.GetChildren().Select(c => c.Value ?? "");
        return texts.SelectMany(t => t.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}

public static class TrustedProxiesSetup
{
    /// <summary>First in the pipeline, so that everything after it sees the client's address and scheme; nothing when no proxy is named.</summary>
    public static WebApplication UseTrustedProxies(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var trusted = TrustedProxies.From(app.Configuration);
        if (trusted.Any)
        {
            var options = new ForwardedHeadersOptions();
            trusted.ApplyTo(options);
            app.UseForwardedHeaders(options);
        }
        return app;
    }
}
