using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Serilog.Events;

namespace MhEmployment.IntegrationTests.Infrastructure;

/// <summary>A test that asserts on what its app logged must see that app's events, whatever other apps the run has built since.</summary>
public sealed partial class LogCaptureTests
{
    [Fact]
    public async Task AnAppsEvents_ReachItsOwnCapture_NotThatOfAnAppBuiltAfterIt()
    {
        var first = new LogCapture();
        var second = new LogCapture();
        await using var firstApp = await AppFactory.CreateAsync(Provider.Sqlite, services: first.AddTo);
        firstApp.StartServer();
        await using var secondApp = await AppFactory.CreateAsync(Provider.Sqlite, services: second.AddTo);
        secondApp.StartServer();

        LogRaised(firstApp.Services.GetRequiredService<ILogger<LogCaptureTests>>());

        first.Events.Should().Contain(e => e.Level == LogEventLevel.Error && e.MessageTemplate.Text == "Raised in the first app");
        second.Events.Should().NotContain(e => e.MessageTemplate.Text == "Raised in the first app");
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Raised in the first app")]
    private static partial void LogRaised(ILogger logger);
}
