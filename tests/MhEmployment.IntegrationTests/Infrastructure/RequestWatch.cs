using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace MhEmployment.IntegrationTests.Infrastructure;

/// <summary>
/// Tells a test when the app has begun to handle a request for a path: a client can then give up on it knowing the
/// app saw it (on a loaded machine a request can still be queued when a fixed delay runs out).
/// </summary>
public sealed class RequestWatch : IStartupFilter
{
    private TaskCompletionSource? started;
    private string? path;

    /// <summary>Done once the app begins to handle the next request for <paramref name="forPath"/>.</summary>
    public Task NextStarted(string forPath)
    {
        path = forPath;
        started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return started.Task;
    }

    public void AddTo(IServiceCollection services) => services.AddSingleton<IStartupFilter>(this);

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (HttpContext context, RequestDelegate nextStep) =>
        {
            if (path is not null && context.Request.Path.Equals(path, StringComparison.OrdinalIgnoreCase))
            {
                started?.TrySetResult();
            }
            await nextStep(context);
        });
        next(app);
    };
}
