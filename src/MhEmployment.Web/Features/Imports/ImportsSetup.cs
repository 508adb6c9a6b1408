using MhEmployment.Web.Features.Imports.Jobs;
using MhEmployment.Web.Features.Imports.Stores;
using MhEmployment.Web.Features.Imports.Stores.Postgres;
using MhEmployment.Web.Features.Imports.Stores.Sqlite;
using MhEmployment.Web.Infrastructure;
using Microsoft.AspNetCore.Http.Features;

namespace MhEmployment.Web.Features.Imports;

public static class ImportsSetup
{
    public static WebApplicationBuilder AddImports(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<ImportStorage>();
        services.AddSingleton<ImportJobSettings>();
        services.AddSingleton<ImportSignal>();
        services.AddSingleton<ImportJobRunner>();
        services.AddScoped<ImportJobs>();
        services.AddSingleton<ImportProgressBoard>();
        services.AddScoped<ImportUploads>();
        services.AddScoped<ImportValidation>();
        services.AddScoped<ImportCommits>();
        services.AddScoped<OnePassCommit>();
        services.AddScoped<ImportUndo>();
        services.AddScoped<SampleDataLoader>();
        services.AddHostedService<ImportWorker>();
        if (DatabaseSetup.ProviderFrom(builder.Configuration) == DatabaseProvider.Postgres)
        {
            services.AddScoped<IImportStore, PostgresImportStore>();
        }
        else
        {
            services.AddScoped<IImportStore, SqliteImportStore>();
        }
        // Kestrel's and the form reader's limits follow the import size limit (default 512 MB), with room for the form around the file.
        var limit = builder.Configuration.GetValue("Imports:MaxFileBytes", ImportStorage.DefaultMaxFileBytes) + (1024 * 1024);
        builder.WebHost.ConfigureKestrel(o => o.Limits.MaxRequestBodySize = limit);
        services.Configure<FormOptions>(o => o.MultipartBodyLengthLimit = limit);
        return builder;
    }
}
