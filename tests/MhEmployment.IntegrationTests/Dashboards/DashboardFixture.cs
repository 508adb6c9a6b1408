using System.Globalization;
using System.Text;
using MhEmployment.IntegrationTests.Infrastructure;
using MhEmployment.Web.Features.Accounts;

namespace MhEmployment.IntegrationTests.Dashboards;

/// <summary>
/// An app of its own with known values loaded through the import API (the template format), so that every figure
/// the dashboards show can be checked by hand.
/// </summary>
public abstract class DashboardFixture(Provider provider) : IAsyncLifetime
{
    public const string England = "E92000001";
    public const string London = "E12000007";
    public const string Hackney = "E09000012";
    public const string Camden = "E09000007";
    public const string Islington = "E09000019";
    public const string Cumbria = "E10000006";

    /// <summary>Unarmed unless a test arms it (see <see cref="CommitWatcher"/>).</summary>
    public CommitWatcher Watcher { get; } = new();

    /// <summary>Lets reloads through unless a test holds one.</summary>
    public ReloadGate Reloads { get; } = new();

    public LogCapture Logs { get; } = new();

    public RequestWatch Requests { get; } = new();
    public AppFactory Factory { get; private set; } = null!;
    public HttpClient Viewer { get; private set; } = null!;
    public HttpClient AnalystPages { get; private set; } = null!;
    public HttpClient Api { get; private set; } = null!;
    public HttpClient AnalystApi { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        // Sessions revalidate hourly here (other suites check every request): a revalidation re-issues the session
        // cookie, and a response that sets a cookie is rightly never cached, which the cache tests would trip over.
        Factory = await AppFactory.CreateAsync(provider, new Dictionary<string, string>
        {
            ["Security:SessionRevalidationSeconds"] = "3600",
        }, services =>
        {
            Watcher.AddTo(services);
            Reloads.AddTo(services);
            Logs.AddTo(services);
            Requests.AddTo(services);
        });
        Factory.StartServer();
        await Factory.CreateUserAsync(Accounts.EmailFor(Roles.Viewer), Accounts.PasswordFor(Roles.Viewer), Roles.Viewer);
        await Factory.CreateUserAsync(Accounts.EmailFor(Roles.Analyst), Accounts.PasswordFor(Roles.Analyst), Roles.Analyst);
        Viewer = await Factory.SignedInClientAsync(Accounts.EmailFor(Roles.Viewer), Accounts.PasswordFor(Roles.Viewer));
        AnalystPages = await Factory.SignedInClientAsync(Accounts.EmailFor(Roles.Analyst), Accounts.PasswordFor(Roles.Analyst));
        Api = await Factory.ApiClientAsync(Accounts.EmailFor(Roles.Viewer));
        AnalystApi = await Factory.ApiClientAsync(Accounts.EmailFor(Roles.Analyst));
        var import = await AnalystApi.UploadAndValidateAsync(await WriteAsync(KnownValues()), "known-values.csv");
        var committed = await AnalystApi.CommitAsync(import.GetProperty("id").GetInt32());
        committed.GetProperty("status").GetString().Should().Be("committed", committed.ToString());
        await Factory.DashboardsCaughtUpAsync(); // the tests read as other people than the analyst who committed
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();

    public static async Task<string> WriteAsync(string csv)
    {
        var path = Path.Combine(Path.GetTempPath(), $"mhe-dashboard-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(path, csv, Encoding.UTF8);
        return path;
    }

    public static string Row(string indicator, string area, string period, double count, double denominator, int multiplier) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{indicator},{area},{period},{count / denominator * multiplier},{count},{denominator}\n");

    /// <summary>
    /// ESA claimants with mental and behavioural disorders per 1,000 (low is good, Byars): Hackney 42.1 against
    /// England 31.0 in 2019/20; IAPT recovery (high is good, Wilson) over five financial years with Hackney rising;
    /// and a value for Cumbria, abolished in 2023, in its own period.
    /// </summary>
    private static string KnownValues()
    {
        var csv = new StringBuilder("indicator_key,area_code,period_label,value,count,denominator\n");
        const string esa = "esa-mental-behavioural-rate";
        csv.Append(Row(esa, England, "2019/20", 1_085_000, 35_000_000, 1000));   // 31.0
        csv.Append(Row(esa, London, "2019/20", 180_000, 6_000_000, 1000));       // 30.0
        csv.Append(Row(esa, Hackney, "2019/20", 8_420, 200_000, 1000));          // 42.1
        csv.Append(Row(esa, Camden, "2019/20", 4_000, 200_000, 1000));           // 20.0
        csv.Append(Row(esa, Islington, "2019/20", 6_000, 200_000, 1000));        // 30.0
        csv.Append(Row(esa, Cumbria, "2019/20", 9_000, 300_000, 1000));          // 30.0
        const string iapt = "iapt-recovery";
        for (var year = 2015; year <= 2019; year++)
        {
            var period = $"{year}/{(year + 1) % 100:00}";
            csv.Append(Row(iapt, England, period, 50_000, 100_000, 100));                        // 50%
            csv.Append(Row(iapt, Hackney, period, 400 + (year - 2015) * 50, 1_000, 100));        // 40% → 60%
            csv.Append(Row(iapt, Camden, period, 500, 1_000, 100));
        }
        return csv.ToString();
    }
}

public sealed class SqliteDashboardFixture() : DashboardFixture(Provider.Sqlite);

public sealed class PostgresDashboardFixture() : DashboardFixture(Provider.Postgres);

[CollectionDefinition(Name)]
public sealed class SqliteDashboardCollection : ICollectionFixture<SqliteDashboardFixture>
{
    public const string Name = "Dashboards on SQLite";
}

[CollectionDefinition(Name)]
public sealed class PostgresDashboardCollection : ICollectionFixture<PostgresDashboardFixture>
{
    public const string Name = "Dashboards on PostgreSQL";
}
