using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using MhEmployment.IntegrationTests.Infrastructure;
using MhEmployment.Web.Features.Accounts;
using MhEmployment.Web.Infrastructure;

namespace MhEmployment.IntegrationTests.Hosting;

/// <summary>
/// PostgreSQL restarted while the app serves pages and the API: meanwhile /health/ready says unhealthy, /health/live
/// healthy, and every request is answered within a bound, either as usual or with a 503 that says the service is
/// unavailable (a page for people, problem details for the API), never a 500 or a hang; afterwards the same app, not
/// restarted, serves everything again by itself. On a cluster of the test's own, which it stops and starts (the shared
/// server serves other tests). PostgreSQL only: SQLite is a file inside the app's process, with no server to restart.
/// </summary>
public sealed class DatabaseRestartTests
{
    /// <summary>No request may take longer, whatever the database is doing.</summary>
    private static readonly TimeSpan RequestBound = TimeSpan.FromSeconds(10);

    /// <summary>How soon after PostgreSQL is back everything must work again.</summary>
    private static readonly TimeSpan RecoveryBound = TimeSpan.FromSeconds(30);

    /// <summary>Pages and API routes that need the database (the session is checked against it on every request here).</summary>
    private static readonly string[] PageUrls = ["/imports", "/indicators"];

    private static readonly string[] ApiUrls = ["/api/v1/indicators", "/api/v1/areas"];

    private HttpClient _page = null!;
    private HttpClient _api = null!;
    private HttpClient _anonymous = null!;

    [Fact]
    public async Task PostgresRestarted_WhilePagesAreServed_AnswersUnavailableWithinTheBound_ThenRecoversByItself()
    {
        await using var postgres = await PrivatePostgres.StartAsync();
        await using var app = new AppFactory(Provider.Postgres, await postgres.CreateDatabaseAsync("mhe_restart"));
        app.StartServer();
        await app.CreateUserAsync(Accounts.EmailFor(Roles.Analyst), Accounts.PasswordFor(Roles.Analyst), Roles.Analyst);
        using var page = await app.SignedInClientAsync(Accounts.EmailFor(Roles.Analyst), Accounts.PasswordFor(Roles.Analyst));
        using var api = await app.ApiClientAsync(Accounts.EmailFor(Roles.Analyst));
        using var anonymous = app.NewClient();
        (_page, _api, _anonymous) = (page, api, anonymous);

        foreach (var url in PageUrls)
        {
            (await GetAsync(_page, url)).Status.Should().Be(HttpStatusCode.OK, url);
        }
        foreach (var url in ApiUrls)
        {
            (await GetAsync(_api, url)).Status.Should().Be(HttpStatusCode.OK, url);
        }
        (await GetAsync(_anonymous, "/health/ready")).Status.Should().Be(HttpStatusCode.OK);

        // People go on using the app all through the restart: every answer is recorded.
        using var stopServing = new CancellationTokenSource();
        var answers = new ConcurrentBag<Answer>();
        var serving = Enumerable.Range(0, 4).Select(worker => ServeAsync(worker, answers, stopServing.Token)).ToArray();
        await Task.Delay(500);

        await postgres.StopAsync();
        var down = Stopwatch.StartNew();
        for (var round = 0; round < 2; round++)
        {
            var ready = await GetAsync(_anonymous, "/health/ready");
            ready.Status.Should().Be(HttpStatusCode.ServiceUnavailable, "the database is down");
            ready.Body.Should().Be("Unhealthy");
            var live = await GetAsync(_anonymous, "/health/live");
            live.Status.Should().Be(HttpStatusCode.OK, "the process itself is fine");
            live.Body.Should().Be("Healthy");

            var unavailable = await GetAsync(_page, "/imports");
            unavailable.Status.Should().Be(HttpStatusCode.ServiceUnavailable);
            unavailable.RetryAfter.Should().NotBeNull();
            unavailable.MediaType.Should().Be("text/html");
            var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(unavailable.Body);
            document.QuerySelector("h1")!.Text().Should().Be(DatabaseUnavailable.Title);
            document.QuerySelector("main")!.Text().Should().Contain("database cannot be reached").And.NotContain("Exception");

            var apiAnswer = await GetAsync(_api, "/api/v1/indicators");
            apiAnswer.Status.Should().Be(HttpStatusCode.ServiceUnavailable);
            apiAnswer.RetryAfter.Should().NotBeNull();
            apiAnswer.MediaType.Should().Be("application/problem+json");
            using var problemJson = JsonDocument.Parse(apiAnswer.Body);
            var problem = problemJson.RootElement;
            problem.GetProperty("status").GetInt32().Should().Be(503);
            problem.GetProperty("title").GetString().Should().Be(DatabaseUnavailable.Title);
        }
        down.Elapsed.Should().BeLessThan(RequestBound * 8, "each of these requests gives up within its bound");

        await postgres.StartAgainAsync();
        var back = Stopwatch.StartNew();
        var recovered = false;
        while (!recovered && back.Elapsed < RecoveryBound)
        {
            var all = new List<Answer> { await GetAsync(_anonymous, "/health/ready") };
            foreach (var url in PageUrls)
            {
                all.Add(await GetAsync(_page, url));
            }
            foreach (var url in ApiUrls)
            {
                all.Add(await GetAsync(_api, url));
            }
            recovered = all.TrueForAll(a => a.Status == HttpStatusCode.OK);
            if (!recovered)
            {
                await Task.Delay(250);
            }
        }
        recovered.Should().BeTrue($"the app should serve everything again within {RecoveryBound.TotalSeconds} s of PostgreSQL's return, without a restart");
        // Once recovered, it stays so: the next requests of the people using it succeed too.
        await Task.Delay(1000);
        await stopServing.CancelAsync();
        await Task.WhenAll(serving);

        var recorded = answers.ToList();
        recorded.Should().NotBeEmpty();
        recorded.Should().OnlyContain(a => a.Elapsed < RequestBound, "no request may hang while the database is away");
        recorded.Should().OnlyContain(a => a.Status == HttpStatusCode.OK || a.Status == HttpStatusCode.ServiceUnavailable,
            "an answer is the page, or a clear 503; never a 500: " + string.Join(" | ", recorded.Where(a => a.Status is not (HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable))
                .Select(a => $"{a.Url} {(int)a.Status} {a.Body[..Math.Min(300, a.Body.Length)]}")));
        recorded.Where(a => a.Status == HttpStatusCode.ServiceUnavailable).Should().NotBeEmpty("the loop ran while the database was down")
            .And.OnlyContain(a => a.RetryAfter != null && a.Body.Contains(DatabaseUnavailable.Title, StringComparison.Ordinal));
        recorded.OrderBy(a => a.Finished).TakeLast(4).Should().OnlyContain(a => a.Status == HttpStatusCode.OK, "the last requests came after the recovery");
    }

    private sealed record Answer(string Url, HttpStatusCode Status, string? MediaType, string? RetryAfter, string Body, TimeSpan Elapsed, DateTime Finished);

    /// <summary>One person's requests, one after the other, page and API in turn, until told to stop (bounded by the test).</summary>
    private async Task ServeAsync(int worker, ConcurrentBag<Answer> answers, CancellationToken stop)
    {
        var urls = PageUrls.Select(u => (_page, u)).Concat(ApiUrls.Select(u => (_api, u))).ToArray();
        for (var i = worker; !stop.IsCancellationRequested && i < 10_000; i++)
        {
            var (client, url) = urls[i % urls.Length];
            answers.Add(await GetAsync(client, url));
        }
    }

    private static async Task<Answer> GetAsync(HttpClient client, string url)
    {
        // A hang fails the run here rather than holding it; the bound itself is asserted on the elapsed times.
        using var giveUp = new CancellationTokenSource(RequestBound * 3);
        var started = Stopwatch.GetTimestamp();
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative), giveUp.Token);
        var body = await response.Content.ReadAsStringAsync(giveUp.Token);
        return new Answer(url, response.StatusCode, response.Content.Headers.ContentType?.MediaType, response.Headers.RetryAfter?.ToString(), body,
            Stopwatch.GetElapsedTime(started), DateTime.UtcNow);
    }
}
