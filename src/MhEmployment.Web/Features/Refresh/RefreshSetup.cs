namespace MhEmployment.Web.Features.Refresh;

public static class RefreshSetup
{
    /// <summary>Refresh runs: asked for on the pages, the API, the command line or the schedule, and run in the background.</summary>
    public static IServiceCollection AddRefresh(this IServiceCollection services)
    {
        services.AddScoped<RefreshRequests>();
        services.AddScoped<RefreshRunner>();
        services.AddSingleton<RefreshSignal>();
        services.AddHostedService<RefreshWorker>();
        return services;
    }
}
