using MhEmployment.Web.Data.Seed;

namespace MhEmployment.Web.Features.Assets;

public static class AssetsSetup
{
    public static IServiceCollection AddAssets(this IServiceCollection services)
    {
        services.AddScoped<NhsLinkSeeder>();
        services.AddScoped<AssetService>();
        services.AddScoped<AssetRegister>();
        services.AddScoped<ServingAreas>();
        services.AddScoped<CoverageService>();
        services.AddScoped<RagAnalyses>();
        services.AddScoped<ChecklistAdministration>();
        services.AddScoped<AssetImportService>();
        services.AddScoped<AssetSampleLoader>();
        services.AddScoped<AreaResolver>();
        return services;
    }
}
