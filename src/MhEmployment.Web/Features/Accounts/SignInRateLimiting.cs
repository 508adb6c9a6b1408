using System.Globalization;

namespace MhEmployment.Web.Features.Accounts;

/// <summary>Marks a page whose form posts are sign-in attempts, counted by <see cref="SignInRateLimiter"/>.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class SignInRateLimitedAttribute : Attribute;

public static class SignInRateLimiting
{
    /// <summary>
    /// Refuses a sign-in post over the limit with 429 and Retry-After, before it reaches the page (its antiforgery
    /// check, its password check); the site's status page explains. Reading the page is not counted. Runs after
    /// routing, which finds the page and so its marker.
    /// </summary>
    public static IApplicationBuilder UseSignInRateLimit(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (HttpMethods.IsPost(context.Request.Method)
                && context.GetEndpoint()?.Metadata.GetMetadata<SignInRateLimitedAttribute>() is not null)
            {
                var limiter = context.RequestServices.GetRequiredService<SignInRateLimiter>();
                var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                var decision = await limiter.CountAttemptAsync(address, context.RequestAborted);
                if (!decision.Allowed)
                {
                    context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                    context.Response.Headers.RetryAfter = decision.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
                    return;
                }
            }
            await next(context);
        });
}
