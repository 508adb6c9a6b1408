namespace MhEmployment.Web.Infrastructure;

public static class ErrorHandling
{
    public static bool IsApiRequest(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/health");

    /// <summary>A request the database could not serve answers 503, not 500 (see <see cref="DatabaseUnavailable"/>).</summary>
    public static IServiceCollection AddAppErrorHandling(this IServiceCollection services) =>
        services.AddExceptionHandler<DatabaseUnavailable>();

    /// <summary>
    /// API callers get problem-details JSON; people get the site's own error and status pages. Outside
    /// Development no stack trace reaches anyone (Development keeps the developer page).
    /// </summary>
    public static WebApplication UseAppErrorHandling(this WebApplication app)
    {
        var development = app.Environment.IsDevelopment();
        app.UseWhen(IsApiRequest, api =>
        {
            if (!development)
            {
                api.UseExceptionHandler();
            }
            api.UseStatusCodePages();
        });
        app.UseWhen(context => !IsApiRequest(context), pages =>
        {
            if (!development)
            {
                pages.UseExceptionHandler("/Error");
            }
            pages.UseStatusCodePagesWithReExecute("/Status/{0}");
        });
        return app;
    }
}
