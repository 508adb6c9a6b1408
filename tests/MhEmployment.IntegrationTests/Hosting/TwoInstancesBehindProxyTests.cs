using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MhEmployment.IntegrationTests.Infrastructure;
using MhEmployment.Web.Features.Accounts;
using MhEmployment.Web.Features.Audit;
using Npgsql;

namespace MhEmployment.IntegrationTests.Hosting;

/// <summary>
/// docker-compose.yml's 'scaled' profile as processes: the database migrated once beforehand (the compose 'migrate'
/// service), two instances of the built app on their own ports sharing one PostgreSQL database and one uploads folder
/// (the compose 'imports' volume), and Debian's nginx in front of them with the compose file's template, trusted
/// through ForwardedHeaders:KnownProxies as the compose file trusts its proxy. The client connects from 127.0.0.2, so
/// that the address the app records can only have come from the proxy's X-Forwarded-For.
/// </summary>
public sealed class TwoInstancesBehindProxyTests
{
    private const string Email = "viewer@test.local";
    private const string Password = "A perfectly long test password";
    private static readonly IPAddress ClientAddress = IPAddress.Parse("127.0.0.2");
    private static readonly IPAddress ProxyAddress = IPAddress.Loopback;

    [Fact]
    public async Task TwoInstancesBehindNginx_ServeHealthAndASignedInSessionFromBoth_AndTheProxyStopsCleanly()
    {
        var database = await PostgresServer.CreateDatabaseAsync();
        var uploads = Directory.CreateTempSubdirectory("mhe-shared-imports-").FullName;
        string token;
        await using (var setup = new AppFactory(Provider.Postgres, database))
        {
            await setup.CreateUserAsync(Email, Password, Roles.Viewer);
            token = (await setup.ApiClientAsync(Email)).DefaultRequestHeaders.Authorization!.Parameter!;
        }
        AppProcess? a = null, b = null;
        NginxProxy? proxy = null;
        try
        {
            var (urlA, urlB) = ($"http://127.0.0.1:{Ports.Free()}", $"http://127.0.0.1:{Ports.Free()}");
            a = StartInstance(database, uploads, urlA);
            await WaitUntilReadyAsync(a, urlA);
            b = StartInstance(database, uploads, urlB);
            await WaitUntilReadyAsync(b, urlB);
            proxy = await NginxProxy.StartAsync(new Uri(urlA).Authority, new Uri(urlB).Authority);
            var upstreams = new[] { new Uri(urlA).Authority, new Uri(urlB).Authority };
            using var client = ClientFrom(ClientAddress, $"http://127.0.0.1:{proxy.Port}");

            for (var i = 0; i < 4; i++)
            {
                (await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK, proxy.Output);
            }
            AnsweredBy(proxy, "GET /health/ready").Should().BeEquivalentTo(upstreams, "nginx shares requests between the instances");

            var signIn = await client.SignInAsync(Email, Password);
            signIn.StatusCode.Should().Be(HttpStatusCode.Redirect, await signIn.Content.ReadAsStringAsync());
            var pages = new[] { "/indicators", "/areas", "/areas/E09000012", "/Account" };
            for (var i = 0; i < 8; i++)
            {
                var page = pages[i % pages.Length];
                var response = await client.GetAsync(new Uri(page, UriKind.Relative));
                response.StatusCode.Should().Be(HttpStatusCode.OK, $"{page} with the session made through the proxy\n{a.Output}\n{b.Output}");
            }
            AnsweredBy(proxy, "GET /indicators", "GET /areas", "GET /Account").Should().BeEquivalentTo(upstreams,
                "a session signed in through one instance is valid on the other");
            (await LastAuditAddressAsync(database, AuditActions.SignInSucceeded)).Should().Be(ClientAddress.ToString(),
                "the instance takes the client's address from the proxy it trusts");

            (await GzipEncodingAsync(client, "/api/v1/indicators", token)).Should().Be("gzip", "API answers are compressed by the proxy");
            (await GzipEncodingAsync(client, "/indicators")).Should().BeNull("pages carry form tokens, which compression would expose to BREACH");

            using var anonymous = ClientFrom(ClientAddress, $"http://127.0.0.1:{proxy.Port}");
            var challenge = await anonymous.GetAsync(new Uri("/indicators", UriKind.Relative));
            challenge.StatusCode.Should().Be(HttpStatusCode.Redirect);
            challenge.Headers.Location!.GetLeftPart(UriPartial.Authority).Should().Be($"http://127.0.0.1:{proxy.Port}",
                "the sign-in redirect comes back to the proxy, whose host and port nginx passes on");

            var exitCode = await proxy.QuitAsync(TimeSpan.FromSeconds(10));
            exitCode.Should().Be(0, proxy.Output);
            proxy.PidFileExists.Should().BeFalse("nginx removes its pid file when it stops");
            var refused = async () => await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
            await refused.Should().ThrowAsync<HttpRequestException>("nothing listens on the proxy's port any more");
            a.HasExited.Should().BeFalse();
            b.HasExited.Should().BeFalse();
        }
        finally
        {
            proxy?.Dispose();
            a?.Dispose();
            b?.Dispose();
            Directory.Delete(uploads, recursive: true);
        }
    }

    [Fact]
    public async Task ForwardedHeaders_FromAnAddressThatIsNotTheProxy_AreIgnored()
    {
        var database = await PostgresServer.CreateDatabaseAsync();
        var uploads = Directory.CreateTempSubdirectory("mhe-shared-imports-").FullName;
        await using (var setup = new AppFactory(Provider.Postgres, database))
        {
            await setup.CreateUserAsync(Email, Password, Roles.Viewer);
        }
        var url = $"http://127.0.0.1:{Ports.Free()}";
        var app = StartInstance(database, uploads, url);
        try
        {
            await WaitUntilReadyAsync(app, url);
            using var client = ClientFrom(ClientAddress, url);
            client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.9");

            (await client.SignInAsync(Email, "Not the password at all")).StatusCode.Should().NotBe(HttpStatusCode.Redirect);

            (await LastAuditAddressAsync(database, AuditActions.SignInFailed)).Should().Be(ClientAddress.ToString(),
                "only the configured proxy (127.0.0.1) may say where a request came from");
        }
        finally
        {
            app.Dispose();
            Directory.Delete(uploads, recursive: true);
        }
    }

    /// <summary>An instance as the compose file configures one (Production, PostgreSQL, the shared uploads folder, the proxy trusted), not migrating itself.</summary>
    private static AppProcess StartInstance(string database, string uploads, string url) =>
        AppProcess.Start(AppProcess.WebDll, AppContext.BaseDirectory, InstanceSettings(database, uploads, url));

    /// <summary>The environment of each instance; ComposeFileTests checks that the compose file sets nothing these do not.</summary>
    public static Dictionary<string, string> InstanceSettings(string database, string uploads, string url) => new()
    {
        ["DOTNET_ENVIRONMENT"] = "Production",
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["ASPNETCORE_URLS"] = url,
        ["Database__Provider"] = "Postgres",
        ["ConnectionStrings__Postgres"] = database,
        ["Imports__StoragePath"] = uploads,
        ["Imports__LoadSampleData"] = "false",
        ["ForwardedHeaders__KnownProxies"] = ProxyAddress.ToString(),
        ["Security__SignInAttemptsPerMinute"] = "1000",
        ["Dashboards__SavedSnapshotDirectory"] = "",
        ["Serilog__MinimumLevel__Default"] = "Warning",
    };

    /// <summary>A client whose connections leave from <paramref name="local"/>, keeping cookies and not following redirects.</summary>
    /// <summary>The Content-Encoding of the answer to a GET that accepts gzip (null when it came uncompressed).</summary>
    private static async Task<string?> GzipEncodingAsync(HttpClient client, string path, string? token = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.AcceptEncoding.ParseAdd("gzip");
        if (token is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }
        using var response = await client.SendAsync(request);
        response.StatusCode.Should().Be(HttpStatusCode.OK, path);
        return response.Content.Headers.ContentEncoding.SingleOrDefault();
    }

    private static HttpClient ClientFrom(IPAddress local, string baseAddress)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = true,
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(local, 0));
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new HttpClient(handler) { BaseAddress = new Uri(baseAddress) };
    }

    /// <summary>The instances (host:port) nginx's access log says answered the requests starting with any of <paramref name="requests"/>.</summary>
    private static HashSet<string> AnsweredBy(NginxProxy proxy, params string[] requests) =>
        [.. File.ReadAllLines(proxy.AccessLogPath)
            .Where(line => requests.Any(r => line.Contains($"\"{r}", StringComparison.Ordinal)))
            .Select(line => line[(line.LastIndexOf(' ') + 1)..])];

    private static async Task<string?> LastAuditAddressAsync(string database, string action)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT \"IpAddress\" FROM \"AuditEvents\" WHERE \"Action\" = @action ORDER BY \"Id\" DESC LIMIT 1", connection);
        command.Parameters.AddWithValue("action", action);
        return (string?)await command.ExecuteScalarAsync();
    }

    private static async Task WaitUntilReadyAsync(AppProcess app, string url)
    {
        using var http = new HttpClient { BaseAddress = new Uri(url) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromMinutes(2) && !app.HasExited)
        {
            try
            {
                if ((await http.GetAsync(new Uri("/health/ready", UriKind.Relative))).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(200);
        }
        throw new InvalidOperationException($"The instance at {url} did not become ready:\n{app.Output}");
    }
}
