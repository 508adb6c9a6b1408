using System.Net.Sockets;
using Microsoft.AspNetCore.Diagnostics;
using Npgsql;

namespace MhEmployment.Web.Infrastructure;

/// <summary>
/// Answers a request that failed because the database could not be reached (restarting, down, the connection
/// dropped) with 503 Service Unavailable and Retry-After, instead of the 500 of an error in the app: problem details
/// for the API, a plain page for people, one that needs neither the database nor the site's layout (ADR 0019).
/// </summary>
public sealed partial class DatabaseUnavailable(IProblemDetailsService problems, ILogger<DatabaseUnavailable> logger) : IExceptionHandler
{
    public const int RetryAfterSeconds = 10;

    public const string Title = "The service is unavailable for a moment";

    public const string Detail = "The database cannot be reached just now. Try again in a minute; if you were saving a change, check whether it was saved.";

    private static readonly string Page = $"""
        <!DOCTYPE html>
        <html lang="en-GB">
        <head>
            <meta charset="utf-8" />
            <meta name="viewport" content="width=device-width, initial-scale=1" />
            <title>Service unavailable – MhEmployment</title>
            <link rel="stylesheet" href="/css/site.css" />
        </head>
        <body>
            <main id="main" class="container">
                <h1>{Title}</h1>
                <p>{Detail}</p>
                <p><a href="/">Go to the home page</a></p>
            </main>
        </body>
        </html>
        """;

    /// <summary>Whether the exception, or one it wraps (EF Core's, a retry limit's), says the database could not be reached.</summary>
    public static bool IsOutage(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is NpgsqlException { IsTransient: true } or SocketException)
            {
                return true;
            }
        }
        return false;
    }

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!IsOutage(exception) || httpContext.Response.HasStarted)
        {
            return false;
        }
        LogUnavailable(logger, httpContext.Request.Method, httpContext.Request.Path, exception.GetBaseException().Message);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        httpContext.Response.Headers.CacheControl = "no-store";
        if (ErrorHandling.IsApiRequest(httpContext))
        {
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = httpContext,
                ProblemDetails = { Status = StatusCodes.Status503ServiceUnavailable, Title = Title, Detail = Detail },
            });
        }
        httpContext.Response.ContentType = "text/html; charset=utf-8";
        await httpContext.Response.WriteAsync(Page, cancellationToken);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} {Path} answered 503: the database cannot be reached ({Reason})")]
    private static partial void LogUnavailable(ILogger logger, string method, string path, string reason);
}
