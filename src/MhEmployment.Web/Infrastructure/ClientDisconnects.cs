namespace MhEmployment.Web.Infrastructure;

/// <summary>
/// A request whose client has gone away is cancelled: whatever it was waiting for throws, and that is not a server
/// error. It ends here with 499 (the client closed the request), logged as such, instead of as a 500 with a stack
/// trace; and it stops holding anything at once, since everything it waited on took its cancellation token.
/// </summary>
public static partial class ClientDisconnects
{
    public const int ClientClosedRequest = 499;

    /// <summary>Put inside the request log, so that the log line shows 499.</summary>
    public static IApplicationBuilder UseClientDisconnects(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        try
        {
            await next(context);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ClientDisconnects));
            LogClientGone(logger, context.Request.Method, context.Request.Path);
            if (!context.Response.HasStarted)
            {
                context.Response.StatusCode = ClientClosedRequest;
            }
        }
    });

    [LoggerMessage(Level = LogLevel.Information, Message = "The client went away before {Method} {Path} was answered")]
    private static partial void LogClientGone(ILogger logger, string method, PathString path);
}
