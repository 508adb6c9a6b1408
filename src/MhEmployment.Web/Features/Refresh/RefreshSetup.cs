using System.Net;
using System.Reflection;
using MhEmployment.Web.Features.Refresh.Fetching;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace MhEmployment.Web.Features.Refresh;

public static class RefreshSetup
{
    /// <summary>Refresh runs (asked for on the pages, the API, the command line or the schedule, run in the background) and the fetcher.</summary>
    public static IServiceCollection AddRefresh(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<RefreshRequests>();
        services.AddScoped<RefreshRunner>();
        services.AddSingleton<RefreshSignal>();
        services.AddHostedService<RefreshWorker>();
        return services.AddSourceFetching(configuration);
    }

    /// <summary>
    /// The source fetcher and its HTTP client: options from "Sources", a User-Agent naming the app, the proxy from the
    /// environment, and retries with exponential back-off inside a total timeout, each try with a timeout of its own.
    /// </summary>
    public static IServiceCollection AddSourceFetching(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SourceOptions>(configuration.GetSection(SourceOptions.Section));
        var version = typeof(RefreshSetup).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "1.0";
        services.AddHttpClient<ISourceFetcher, SourceFetcher>(client =>
            {
                // The resilience pipeline times each try and the whole; the fetcher times the body.
                client.Timeout = Timeout.InfiniteTimeSpan;
                client.DefaultRequestHeaders.UserAgent.ParseAdd($"MhEmployment/{version}");
                client.DefaultRequestHeaders.Accept.ParseAdd("text/csv");
            })
            // HttpClient.DefaultProxy reads HTTP_PROXY, HTTPS_PROXY and NO_PROXY on Linux; naming it keeps a deployment
            // behind a proxy working whatever handler defaults change.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                UseProxy = true,
                Proxy = HttpClient.DefaultProxy,
                AutomaticDecompression = DecompressionMethods.All,
            })
            .AddResilienceHandler("sources", (pipeline, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<SourceOptions>>().Value;
                pipeline.AddTimeout(options.TotalTimeout);
                if (options.Retries > 0)
                {
                    // Transient: 5xx, 408, 429, a connection that failed, a try that timed out.
                    pipeline.AddRetry(new HttpRetryStrategyOptions
                    {
                        MaxRetryAttempts = options.Retries,
                        Delay = options.RetryDelay,
                        BackoffType = DelayBackoffType.Exponential,
                        UseJitter = true,
                        OnRetry = arguments => SourceTries.CountRetry(arguments.Context),
                    });
                }
                pipeline.AddTimeout(options.AttemptTimeout);
            });
        return services;
    }
}
