using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MhEmployment.IntegrationTests.Infrastructure;
using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace MhEmployment.IntegrationTests.Refresh;

/// <summary>
/// An app whose sources are the local <see cref="SourceServer"/> (recorded Fingertips and NOMIS responses), with NOMIS
/// pages of 250 rows (so lad.csv's 621 rows come in three), quick retries, and an Analyst and a Viewer.
/// </summary>
public abstract class RefreshFixture(Provider provider) : IAsyncLifetime
{
    /// <summary>Fingertips 91126, unemployment (model-based), for the East Midlands' counties and unitary authorities (pre 4/19) in 2017.</summary>
    public const string Unemployment = "ni151-employment-rate";

    /// <summary>NOMIS NM_2002_1 (lad.csv, mid-2021 population): a count for every local authority, pre-2023 codes included.</summary>
    public const string Population = "esa-mental-behavioural-count";

    public const string Nottingham = "E06000018";
    public const string Westminster = "E09000033";

    public SourceServer Sources { get; private set; } = null!;
    public AppFactory Factory { get; private set; } = null!;
    public HttpClient AnalystApi { get; private set; } = null!;
    public HttpClient Analyst { get; private set; } = null!;
    public HttpClient ViewerApi { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Sources = await SourceServer.StartAsync();
        Factory = await AppFactory.CreateAsync(provider, Settings(Sources));
        Factory.StartServer();
        foreach (var role in new[] { Roles.Analyst, Roles.Viewer })
        {
            await Factory.CreateUserAsync(Accounts.EmailFor(role), Accounts.PasswordFor(role), role);
        }
        Analyst = await Factory.SignedInClientAsync(Accounts.EmailFor(Roles.Analyst), Accounts.PasswordFor(Roles.Analyst));
        AnalystApi = await Factory.ApiClientAsync(Accounts.EmailFor(Roles.Analyst));
        ViewerApi = await Factory.ApiClientAsync(Accounts.EmailFor(Roles.Viewer));
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Sources.DisposeAsync();
    }

    /// <summary>The app's settings for the source server: small NOMIS pages, quick retries and timeouts, a worker that looks every second.</summary>
    public static Dictionary<string, string> Settings(SourceServer sources, params (string Key, string Value)[] more)
    {
        var settings = new Dictionary<string, string>(sources.Settings)
        {
            ["Sources:NomisPageSize"] = "250",
            ["Sources:Retries"] = "1",
            ["Sources:RetryDelay"] = "00:00:00.050",
            ["Sources:AttemptTimeout"] = "00:00:03",
            ["Sources:TotalTimeout"] = "00:00:10",
            ["Refresh:PollSeconds"] = "1",
        };
        foreach (var (key, value) in more)
        {
            settings[key] = value;
        }
        return settings;
    }

    /// <summary>
    /// Gives the two test indicators their sources and every other indicator none, so that a refresh of the catalogue
    /// fetches just these. Their ages are the files' (16+ for unemployment, all ages for the population).
    /// </summary>
    public static Task UseTestSourcesAsync(AppFactory factory) => factory.WithDbAsync(async db =>
    {
        await db.Indicators.ExecuteUpdateAsync(s => s.SetProperty(i => i.RefreshSource, IndicatorSourceKind.None));
        await db.Indicators.Where(i => i.Key == Unemployment).ExecuteUpdateAsync(s => s
            .SetProperty(i => i.RefreshSource, IndicatorSourceKind.Fingertips)
            .SetProperty(i => i.FingertipsId, 91126)
            .SetProperty(i => i.FingertipsAreaTypes, "102")
            .SetProperty(i => i.Age, "16+ yrs"));
        return await db.Indicators.Where(i => i.Key == Population).ExecuteUpdateAsync(s => s
            .SetProperty(i => i.RefreshSource, IndicatorSourceKind.Nomis)
            .SetProperty(i => i.NomisDataset, "NM_2002_1")
            .SetProperty(i => i.NomisQuery, "geography=TYPE464,TYPE463&date=latest&gender=0&c_age=200&measures=20100")
            .SetProperty(i => i.Age, "All ages"));
    });

    /// <summary>
    /// The test sources, with every earlier fetched import marked undone, so that the server's responses are new to the
    /// app again (an identical response is otherwise "unchanged") whatever order the tests ran in.
    /// </summary>
    public async Task UseTestSourcesAsync()
    {
        await UseTestSourcesAsync(Factory);
        await Factory.WithDbAsync(db => db.Imports.Where(i => i.SourceUrl != null).ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, ImportStatus.Undone)));
    }
}

public static class RefreshClient
{
    /// <summary>Asks for a refresh through the API (the catalogue, or one indicator) and waits for it to end.</summary>
    public static async Task<JsonElement> RefreshAsync(this HttpClient api, string? indicator = null, bool commit = false)
    {
        var url = (indicator is null ? "/api/v1/refresh" : $"/api/v1/indicators/{indicator}/refresh") + (commit ? "?commit=true" : "");
        var response = await api.PostAsync(new Uri(url, UriKind.Relative), null);
        response.StatusCode.Should().Be(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        response.Headers.Location!.OriginalString.Should().StartWith("/api/v1/refresh/");
        return await api.WaitForRefreshAsync((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32());
    }

    public static async Task<JsonElement> WaitForRefreshAsync(this HttpClient api, int id)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            var run = await api.GetFromJsonAsync<JsonElement>($"/api/v1/refresh/{id}");
            if (run.GetProperty("status").GetString() is "done" or "failed")
            {
                return run;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Refresh {id} is still {run.GetProperty("status")}: {run}");
            }
            await Task.Delay(100);
        }
    }

    /// <summary>The run's item for an indicator.</summary>
    public static JsonElement Item(this JsonElement run, string indicator) =>
        run.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("indicatorKey").GetString() == indicator);
}

public sealed class RefreshOnSqliteFixture() : RefreshFixture(Provider.Sqlite);

public sealed class RefreshOnPostgresFixture() : RefreshFixture(Provider.Postgres);
