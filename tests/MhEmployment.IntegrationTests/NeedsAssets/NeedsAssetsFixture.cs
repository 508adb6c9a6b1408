using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using MhEmployment.IntegrationTests.Dashboards;
using MhEmployment.IntegrationTests.Infrastructure;
using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Accounts;

namespace MhEmployment.IntegrationTests.NeedsAssets;

/// <summary>
/// Five London boroughs with values for two indicators linked to domain 3 ((re)employment) and assets for Hackney
/// only, so that need, coverage and the priority order can be worked out by hand (see <see cref="NeedsAssetsTests"/>).
/// </summary>
public abstract class NeedsAssetsFixture(Provider provider) : IAsyncLifetime
{
    public const string Hackney = "E09000012";
    public const string Camden = "E09000007";
    public const string Islington = "E09000019";
    public const string Lambeth = "E09000022";
    public const string Newham = "E09000025";
    public const string EsaOnly = "ESA only";

    public AppFactory Factory { get; private set; } = null!;
    public HttpClient Viewer { get; private set; } = null!;
    public HttpClient Api { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Factory = await AppFactory.CreateAsync(provider);
        Factory.StartServer();
        foreach (var role in new[] { Roles.Viewer, Roles.Analyst, Roles.Officer })
        {
            await Factory.CreateUserAsync(Accounts.EmailFor(role), Accounts.PasswordFor(role), role);
        }
        Viewer = await Factory.SignedInClientAsync(Accounts.EmailFor(Roles.Viewer), Accounts.PasswordFor(Roles.Viewer));
        Api = await Factory.ApiClientAsync(Accounts.EmailFor(Roles.Viewer));
        var analyst = await Factory.ApiClientAsync(Accounts.EmailFor(Roles.Analyst));
        var officer = await Factory.ApiClientAsync(Accounts.EmailFor(Roles.Officer));
        var import = await analyst.UploadAndValidateAsync(await DashboardFixture.WriteAsync(Values()), "needs.csv");
        (await analyst.CommitAsync(import.GetProperty("id").GetInt32())).GetProperty("status").GetString().Should().Be("committed");
        // Hackney: IPS rated 1 and vocational rehabilitation rated 2, so 1.5 of domain 3's 8 items.
        foreach (var (item, rating) in new[] { ("cmht-ips", 1), ("vocational-rehabilitation", 2) })
        {
            var created = await analyst.PostAsJsonAsync("/api/v1/assets",
                new { name = $"Hackney {item}", provider = "Hackney Council", sector = "council", items = new[] { item }, areas = new[] { Hackney } });
            created.EnsureSuccessStatusCode();
            var id = (await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetInt32();
            (await officer.PostAsJsonAsync($"/api/v1/assets/{id}/rating", new { rating, rationale = "Agreed at the board" })).EnsureSuccessStatusCode();
        }
        // A second scheme that leaves ASCOF 1F out of domain 3.
        await Factory.WithDbAsync(async db =>
        {
            var domain = db.AssetDomains.Single(d => d.Number == 3).Id;
            var ascof = db.Indicators.Single(i => i.Key == "ascof-1f-secondary-mh-paid-employment").Id;
            var scheme = new WeightingScheme { Name = EsaOnly, UpdatedBy = "test", UpdatedUtc = DateTime.UtcNow };
            scheme.Weights.Add(new SchemeWeight { DomainId = domain, IndicatorId = ascof, Weight = 0 });
            db.WeightingSchemes.Add(scheme);
            return await db.SaveChangesAsync();
        });
        await Factory.DashboardsCaughtUpAsync();
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();

    /// <summary>
    /// ESA (mental and behavioural) per 1,000, low is good: Hackney 40, Islington 35, Newham 30, Lambeth 25, Camden 20.
    /// ASCOF 1F %, high is good: Hackney 6, Camden 9, Islington 8, Lambeth 7, Newham 5. England 31 and 7.
    /// </summary>
    private static string Values()
    {
        var csv = new StringBuilder("indicator_key,area_code,period_label,value,count,denominator\n");
        void Row(string indicator, string area, double count, double denominator, int multiplier) => csv.Append(string.Create(CultureInfo.InvariantCulture,
            $"{indicator},{area},2022/23,{count / denominator * multiplier},{count},{denominator}\n"));
        const string esa = "esa-mental-behavioural-rate", ascof = "ascof-1f-secondary-mh-paid-employment";
        Row(esa, "E92000001", 1_085_000, 35_000_000, 1000);
        foreach (var (area, count) in new[] { (Hackney, 8000), (Islington, 7000), (Newham, 6000), (Lambeth, 5000), (Camden, 4000) })
        {
            Row(esa, area, count, 200_000, 1000);
        }
        Row(ascof, "E92000001", 70_000, 1_000_000, 100);
        foreach (var (area, count) in new[] { (Hackney, 60), (Camden, 90), (Islington, 80), (Lambeth, 70), (Newham, 50) })
        {
            Row(ascof, area, count, 1_000, 100);
        }
        return csv.ToString();
    }
}

public sealed class SqliteNeedsAssetsFixture() : NeedsAssetsFixture(Provider.Sqlite);

public sealed class PostgresNeedsAssetsFixture() : NeedsAssetsFixture(Provider.Postgres);
