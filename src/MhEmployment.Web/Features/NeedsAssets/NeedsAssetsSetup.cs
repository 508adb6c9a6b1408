namespace MhEmployment.Web.Features.NeedsAssets;

public static class NeedsAssetsSetup
{
    public static IServiceCollection AddNeedsAssets(this IServiceCollection services)
    {
        services.AddScoped<NeedsAssetsService>();
        services.AddScoped<EvidenceLinkEditor>();
        services.AddScoped<SchemeEditor>();
        services.AddScoped<PriorityService>();
        return services;
    }
}
