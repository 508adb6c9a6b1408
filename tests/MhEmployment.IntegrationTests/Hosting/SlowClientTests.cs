using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using MhEmployment.IntegrationTests.Infrastructure;
using MhEmployment.Web.Features.Accounts;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MhEmployment.IntegrationTests.Hosting;

/// <summary>
/// Slow clients against the app on a real Kestrel port (the in-memory test server enforces none of Kestrel's limits),
/// with the limits made small through Server:Limits: a client dribbling its request headers, or dribbling an upload,
/// is cut off, the upload leaves nothing behind, and other people are answered at once meanwhile. The clients are
/// slower than the test's limits but faster than Kestrel's own defaults (30 s for headers, 240 bytes/s for a body),
/// so these tests fail if the app's settings are not applied. SQLite only: the cut-off happens in Kestrel and in the
/// upload's copy to storage, before the database is touched, the same on either database.
/// </summary>
public sealed class SlowClientTests : IAsyncLifetime
{
    private static readonly TimeSpan HeadersTimeout = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan GracePeriod = TimeSpan.FromSeconds(2);
    private const int MinBodyBytesPerSecond = 10 * 1024;

    /// <summary>How long any wait here may take: a client the app fails to cut off cannot hang the run.</summary>
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(15);

    /// <summary>When a cut-off must have come: its limit, plus Kestrel's once-a-second check, plus room for a loaded machine.</summary>
    private static readonly TimeSpan CutOffBy = TimeSpan.FromSeconds(10);

    private AppFactory _factory = null!;
    private Uri _address = null!;
    private string _token = null!;

    public async Task InitializeAsync()
    {
        _factory = await AppFactory.CreateAsync(Provider.Sqlite, new Dictionary<string, string>
        {
            ["Server:Limits:RequestHeadersTimeout"] = HeadersTimeout.ToString("c", CultureInfo.InvariantCulture),
            ["Server:Limits:MinRequestBodyBytesPerSecond"] = MinBodyBytesPerSecond.ToString(CultureInfo.InvariantCulture),
            ["Server:Limits:MinRequestBodyGracePeriod"] = GracePeriod.ToString("c", CultureInfo.InvariantCulture),
        });
        _factory.UseKestrel(0);
        _factory.StartServer();
        _address = new Uri(_factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()
            .Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
        await _factory.CreateUserAsync(Accounts.EmailFor(Roles.Analyst), Accounts.PasswordFor(Roles.Analyst), Roles.Analyst);
        using var api = await _factory.ApiClientAsync(Accounts.EmailFor(Roles.Analyst));
        _token = api.DefaultRequestHeaders.Authorization!.Parameter!;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task RequestHeaders_DribbledPastTheHeadersTimeout_AreCutOff()
    {
        await using var client = await SlowClient.ConnectAsync(_address);

        var closedAfter = await DribbleHeadersAsync(client);

        closedAfter.Should().NotBeNull($"the headers timeout is {HeadersTimeout}; the client was still connected after {Bound}");
        closedAfter!.Value.Should().BeGreaterThan(HeadersTimeout * 0.75, "the client is cut off by the timeout, not refused at once")
            .And.BeLessThan(CutOffBy);
        AnsweredNothingOr(client.Answer, "HTTP/1.1 408");
    }

    [Fact]
    public async Task Upload_DribbledBelowTheMinimumRate_IsCutOff_AndNothingOfItIsKept()
    {
        await using var client = await SlowClient.ConnectAsync(_address);
        await client.SendAsync(UploadStart(contentLength: 10 * 1024 * 1024));
        await WaitForAsync(() => IncomingFiles().Length == 1, "the app starts copying the upload into storage");

        var closedAfter = await DribbleBodyAsync(client);

        closedAfter.Should().NotBeNull($"the minimum rate is {MinBodyBytesPerSecond} bytes/s; the client was still connected after {Bound}");
        closedAfter!.Value.Should().BeGreaterThan(GracePeriod * 0.75, "the grace period lets an upload start")
            .And.BeLessThan(CutOffBy);
        AnsweredNothingOr(client.Answer, "HTTP/1.1 400", "nothing was kept");
        await WaitForAsync(() => IncomingFiles().Length == 0, "the broken-off upload's temporary file is deleted");
        Directory.EnumerateFiles(_factory.ImportStoragePath, "*", SearchOption.AllDirectories).Should().BeEmpty();
        (await _factory.WithDbAsync(db => db.Imports.CountAsync())).Should().Be(0, "no import is made of a broken-off upload");
    }

    [Fact]
    public async Task WhileSlowClientsHangOn_OthersAreAnsweredAtOnce_AndAFullSpeedUploadIsAccepted()
    {
        await using var uploadClient = await SlowClient.ConnectAsync(_address);
        await uploadClient.SendAsync(UploadStart(contentLength: 10 * 1024 * 1024));
        await WaitForAsync(() => IncomingFiles().Length == 1, "the slow upload is being copied");
        var slowUpload = DribbleBodyAsync(uploadClient);
        var headerClients = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => SlowClient.ConnectAsync(_address)));
        try
        {
            var slowHeaders = headerClients.Select(DribbleHeadersAsync).ToList();
            using var http = new HttpClient { BaseAddress = _address, Timeout = Bound };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _token);

            var watch = Stopwatch.StartNew();
            using var live = await http.GetAsync(new Uri("/health/live", UriKind.Relative));
            var answeredAfter = watch.Elapsed;
            var stillHangingOn = headerClients.Append(uploadClient).Count(c => !c.IsClosed);
            using var upload = await http.UploadAsync(ImportClient.Sample("fingertips-suicide-london.csv"));

            live.StatusCode.Should().Be(HttpStatusCode.OK);
            answeredAfter.Should().BeLessThan(TimeSpan.FromSeconds(3));
            stillHangingOn.Should().Be(headerClients.Length + 1, "the slow clients were still hanging on while the others were answered");
            upload.StatusCode.Should().Be(HttpStatusCode.Accepted, await upload.Content.ReadAsStringAsync());
            (await Task.WhenAll(slowHeaders.Append(slowUpload))).Should().OnlyContain(closedAfter => closedAfter != null && closedAfter < CutOffBy);
        }
        finally
        {
            foreach (var client in headerClients)
            {
                await client.DisposeAsync();
            }
        }
    }

    /// <summary>A request line and a header that never ends, ten bytes a second.</summary>
    private static async Task<TimeSpan?> DribbleHeadersAsync(SlowClient client)
    {
        await client.SendAsync("GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ");
        return await client.DribbleUntilClosedAsync(() => "a", TimeSpan.FromMilliseconds(100), Bound);
    }

    /// <summary>CSV rows at about 1 KB/s: above Kestrel's default minimum, a tenth of the test's.</summary>
    private static Task<TimeSpan?> DribbleBodyAsync(SlowClient client) =>
        client.DribbleUntilClosedAsync(() => "esa-mental-behavioural-rate,E09000012,2022/23,5.1,100,2000\n" + new string(' ', 40),
            TimeSpan.FromMilliseconds(100), Bound);

    /// <summary>The headers of an upload through the API and the start of its file part, all at once.</summary>
    private string UploadStart(long contentLength) =>
        "POST /api/v1/imports HTTP/1.1\r\n" +
        $"Host: 127.0.0.1\r\nAuthorization: Bearer {_token}\r\n" +
        "Content-Type: multipart/form-data; boundary=slow-boundary\r\n" +
        $"Content-Length: {contentLength.ToString(CultureInfo.InvariantCulture)}\r\n\r\n" +
        "--slow-boundary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"slow.csv\"\r\nContent-Type: text/csv\r\n\r\n" +
        "indicator_key,area_code,period_label,value,count,denominator\n";

    /// <summary>What the server sent before closing, unless the connection's reset lost it.</summary>
    private static void AnsweredNothingOr(string answer, string statusLine, string? saying = null)
    {
        if (answer.Length > 0)
        {
            answer.Should().StartWith(statusLine);
            if (saying is not null)
            {
                answer.Should().Contain(saying);
            }
        }
    }

    private string[] IncomingFiles() =>
        Directory.Exists(_factory.ImportStoragePath) ? Directory.GetFiles(_factory.ImportStoragePath, "incoming-*.tmp") : [];

    private static async Task WaitForAsync(Func<bool> condition, string what)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            watch.Elapsed.Should().BeLessThan(Bound, $"waited for {what}");
            await Task.Delay(50);
        }
    }
}
