using System.Text.Json.Serialization;
using MhEmployment.Web.Data;
using MhEmployment.Web.Features.Accounts;
using MhEmployment.Web.Features.Areas;
using MhEmployment.Web.Features.Exports;
using MhEmployment.Web.Features.Assets;
using MhEmployment.Web.Features.Imports;
using MhEmployment.Web.Features.Imports.Api;
using MhEmployment.Web.Features.Indicators;
using MhEmployment.Web.Features.NeedsAssets;
using MhEmployment.Web.Features.Profiles;
using MhEmployment.Web.Features.Refresh;
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
        // Each route declares its policy; reading needs any role, and only a bearer token opens the API.
        // Routes that need more than reading add their own policy on top.
        var api = app.MapGroup("/api/v1").RequireAuthorization(Policies.ApiView);
        api.MapAreasApi();
        api.MapProfilesApi();
        api.MapIndicatorsApi();
        api.MapImportsApi();
        api.MapValuesApi();
        api.MapAssetsApi();
        api.MapNeedsAssetsApi();
        api.MapPrioritiesApi();
        api.MapSummaryApi();
        api.MapRefreshApi();
        app.MapOpenApi().RequireAuthorization(Policies.Docs);
        // Live: the process answers. Ready: it can reach its database.
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") }).AllowAnonymous();
        return app;
    }
}
