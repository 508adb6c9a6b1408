using Serilog.AspNetCore;
using Serilog.Events;

namespace MhEmployment.Web.Infrastructure;

/// <summary>One entry per request: method, path, status, elapsed time and the connection it came over.</summary>
public static class RequestLog
{
    /// <summary>
    /// Through the app's own logger, not the static one, which several apps in one process (tests) would share. The
    /// connection's id shows how long a request queued before the pipeline began (the gap after the same connection's
    /// previous request), which the request's own elapsed time leaves out. It is one of the entry's own properties
    /// rather than set on the diagnostic context, which binds values through the static logger: once any app in the
    /// process has closed that, the diagnostic context drops them without a word.
    /// </summary>
    public static Action<RequestLoggingOptions> Configure(Serilog.ILogger logger) => options =>
    {
        options.Logger = logger;
        options.GetMessageTemplateProperties = (http, path, elapsedMs, status) =>
        [
            new LogEventProperty("RequestMethod", new ScalarValue(http.Request.Method)),
            new LogEventProperty("RequestPath", new ScalarValue(path)),
            new LogEventProperty("StatusCode", new ScalarValue(status)),
            new LogEventProperty("Elapsed", new ScalarValue(elapsedMs)),
            new LogEventProperty("Conn", new ScalarValue(http.Connection.Id)),
        ];
    };
}
