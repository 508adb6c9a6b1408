using Serilog.Events;

namespace MhEmployment.IntegrationTests.Infrastructure;

/// <summary>
/// The request log names each request's connection (docs/operations.md, Logs): the gap between two requests of one
/// connection is how an operator sees time queued before the app began on a request.
/// </summary>
public sealed class RequestLogTests
{
    [Fact]
    public async Task EachRequestsEntry_NamesItsConnection_TheSameForRequestsOfOneConnection()
    {
        var logs = new LogCapture();
        await using var app = await AppFactory.CreateAsync(Provider.Sqlite, new Dictionary<string, string>
        {
            ["Serilog:MinimumLevel:Override:Serilog.AspNetCore.RequestLoggingMiddleware"] = "Information",
        }, logs.AddTo);
        app.UseKestrel(0); // the test server has no connections, so no ids
        app.StartServer();
        // As when another app in this process has stopped: each closes the static logger on its way out (Program.cs).
        await Serilog.Log.CloseAndFlushAsync();
        using var first = app.CreateClient();
        using var second = app.CreateClient();

        await GetAsync(first, "/health/live");
        await GetAsync(first, "/health/live");
        await GetAsync(second, "/health/live");
        // A request's entry is written once its pipeline has finished, which can be just after the client has the answer.
        await CommitWatcher.UntilAsync(() => Entries(logs).Count >= 3);

        var connections = Entries(logs).Select(e => e.Properties.TryGetValue("Conn", out var conn) ? ((ScalarValue)conn).Value as string : null).ToList();
        connections.Should().HaveCount(3).And.OnlyContain(c => !string.IsNullOrEmpty(c));
        connections[1].Should().Be(connections[0], "both requests came over the first client's connection");
        connections[2].Should().NotBe(connections[0], "the second client has a connection of its own");
    }

    private static List<LogEvent> Entries(LogCapture logs) =>
        [.. logs.Events.Where(e => e.Properties.TryGetValue("RequestPath", out var path) && path.ToString() == "\"/health/live\"")];

    private static async Task GetAsync(HttpClient client, string path) => (await client.GetAsync(new Uri(path, UriKind.Relative))).EnsureSuccessStatusCode();
}
