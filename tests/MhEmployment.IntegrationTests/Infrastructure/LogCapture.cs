using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

namespace MhEmployment.IntegrationTests.Infrastructure;

/// <summary>What the app logs, as its own log sinks receive it (the app reads extra sinks from its services).</summary>
public sealed class LogCapture : ILogEventSink
{
    private readonly ConcurrentQueue<LogEvent> events = new();

    public IReadOnlyList<LogEvent> Events => [.. events];

    public void Emit(LogEvent logEvent) => events.Enqueue(logEvent);

    public void AddTo(IServiceCollection services) => services.AddSingleton<ILogEventSink>(this);
}
