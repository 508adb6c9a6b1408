namespace MhEmployment.Web.Features.Exports;

public static class ExportsSetup
{
    public static IServiceCollection AddExports(this IServiceCollection services)
    {
        services.AddSingleton<PdfConverter>();
        services.AddScoped<SummaryFiles>();
        services.AddScoped<NeedsSummaryBuilder>();
        return services;
    }
}
