using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace MhEmployment.IntegrationTests.Infrastructure;

/// <summary>
/// Tells a test when the app begins to handle the next request for a path, and the status it ends with as the app
/// sets it: a client can give up on it knowing the app saw it (on a loaded machine a request can still be queued
/// when a fixed delay runs out), and the test can see how the app ended a request whose client had gone.
/// </summary>
public sealed class RequestWatch : IStartupFilter
{
    private Watched? watching;
    private string? path;

    /// <summary>Watches the next request for <paramref name="forPath"/>.</summary>
    public Watched Next(string forPath)
    {
        path = forPath;
        return watching = new Watched();
    }

    public sealed class Watched
    {
        internal TaskCompletionSource StartedSource { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        internal TaskCompletionSource<int> FinishedSource { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Started => StartedSource.Task;

        /// <summary>The status the app ended the request with.</summary>
        public Task<int> Finished => FinishedSource.Task;
    }

    public void AddTo(IServiceCollection services) => services.AddSingleton<IStartupFilter>(this);

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (HttpContext context, RequestDelegate nextStep) =>
        {
            var watched = path is not null && context.Request.Path.Equals(path, StringComparison.OrdinalIgnoreCase)
                ? Interlocked.Exchange(ref watching, null)
                : null;
            watched?.StartedSource.TrySetResult();
            try
            {
                await nextStep(context);
            }
            finally
            {
                watched?.FinishedSource.TrySetResult(context.Response.StatusCode);
            }
        });
        next(app);
    };
}
