using MhEmployment.Web.Infrastructure;

namespace MhEmployment.Web.Features.Audit;

public static class AuditSetup
{
    /// <summary>
    /// The audit log; on SQLite also its outbox beside the database and the mover that empties it (ADR 0021). PostgreSQL
    /// has no single writer to wait for: entries are always written directly.
    /// </summary>
    public static IServiceCollection AddAudit(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddScoped<AuditLog>();
        services.AddSingleton<AuditBatchWriter>();
        services.AddHostedService(provider => provider.GetRequiredService<AuditBatchWriter>());
        if (DatabaseSetup.ProviderFrom(configuration) == DatabaseProvider.Sqlite)
        {
            services.AddSingleton(AuditOutbox.Beside(DatabaseSetup.SqliteConnectionString(configuration, environment)));
            services.AddHostedService<AuditOutboxMover>();
        }
        else
        {
            services.AddSingleton(new AuditOutbox(null));
        }
        return services;
    }
}
