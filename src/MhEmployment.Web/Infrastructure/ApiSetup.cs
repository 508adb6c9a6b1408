using System.Text.Json.Serialization;
using MhEmployment.Web.Data;
using MhEmployment.Web.Features.Areas;
using MhEmployment.Web.Features.Indicators;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace MhEmployment.Web.Infrastructure;

public static class ApiSetup
{
    public static IServiceCollection AddAppApi(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.AddOpenApi();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddHealthChecks().AddDbContextCheck<AppDbContext>("database", tags: ["ready"]);
        return services;
    }

    public static WebApplication MapAppApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1");
        api.MapAreasApi();
        api.MapIndicatorsApi();
        app.MapOpenApi();
        // Live: the process answers. Ready: it can reach its database.
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
        return app;
    }
}
