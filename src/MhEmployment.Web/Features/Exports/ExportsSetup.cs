using MhEmployment.Web.Features.Exports.Bulk;

namespace MhEmployment.Web.Features.Exports;

public static class ExportsSetup
{
    public static IServiceCollection AddExports(this IServiceCollection services)
    {
        services.AddSingleton<PdfConverter>();
        services.AddScoped<SummaryFiles>();
        services.AddScoped<NeedsSummaryBuilder>();
        services.AddSingleton<BuiltSummaries>();
        services.AddScoped<BulkExports>();
        services.AddSingleton<BulkExportSignal>();
        services.AddSingleton<BulkExportZip>();
        services.AddHostedService<BulkExportWorker>();
        return services;
    }
}
