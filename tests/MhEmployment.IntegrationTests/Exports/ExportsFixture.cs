using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MhEmployment.IntegrationTests.Dashboards;
using MhEmployment.IntegrationTests.Infrastructure;
using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Accounts;

namespace MhEmployment.IntegrationTests.Exports;

/// <summary>
/// Five London boroughs with five years of NI173 (flows from employment to incapacity benefits), where Hackney is worse
/// than England and rising (so on the red-red list), one year of ESA and ASCOF 1F, assets, a RAG analysis and two
/// priorities for Hackney (one whose text is a spreadsheet formula), and Bexley with no values and no assets.
/// </summary>
public abstract class ExportsFixture(Provider provider) : IAsyncLifetime
{
    public const string Hackney = "E09000012";
    public const string Bexley = "E09000004";
    public const string London = "E12000007";
    public const string Esa = "esa-mental-behavioural-rate";
    public const string Ascof = "ascof-1f-secondary-mh-paid-employment";
    public const string Ni173 = "ni173-flows-employment-to-incapacity-benefits";
    public const string Formula = "=HYPERLINK(\"http://x\",\"y\")";

    public AppFactory Factory { get; private set; } = null!;

    /// <summary>An Officer's API client (exports are the Officers' and Admins').</summary>
    public HttpClient OfficerApi { get; private set; } = null!;
    public HttpClient Officer { get; private set; } = null!;
    public HttpClient Viewer { get; private set; } = null!;
    public HttpClient ViewerApi { get; private set; } = null!;
    public HttpClient AnalystApi { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Factory = await AppFactory.CreateAsync(provider);
        Factory.StartServer();
        foreach (var role in new[] { Roles.Viewer, Roles.Analyst, Roles.Officer })
        {
            await Factory.CreateUserAsync(Accounts.EmailFor(role), Accounts.PasswordFor(role), role);
        }
        Officer = await Factory.SignedInClientAsync(Accounts.EmailFor(Roles.Officer), Accounts.PasswordFor(Roles.Officer));
        Viewer = await Factory.SignedInClientAsync(Accounts.EmailFor(Roles.Viewer), Accounts.PasswordFor(Roles.Viewer));
        OfficerApi = await Factory.ApiClientAsync(Accounts.EmailFor(Roles.Officer));
        ViewerApi = await Factory.ApiClientAsync(Accounts.EmailFor(Roles.Viewer));
        AnalystApi = await Factory.ApiClientAsync(Accounts.EmailFor(Roles.Analyst));
        var import = await AnalystApi.UploadAndValidateAsync(await DashboardFixture.WriteAsync(Values()), "exports.csv");
        (await AnalystApi.CommitAsync(import.GetProperty("id").GetInt32())).GetProperty("status").GetString().Should().Be("committed");
        foreach (var (item, rating) in new[] { ("cmht-ips", 1), ("vocational-rehabilitation", 2) })
        {
            var created = await AnalystApi.PostAsJsonAsync("/api/v1/assets",
                new { name = $"Hackney {item}", provider = "Hackney Council", sector = "council", items = new[] { item }, areas = new[] { Hackney } });
            created.EnsureSuccessStatusCode();
            var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
            (await OfficerApi.PostAsJsonAsync($"/api/v1/assets/{id}/rating", new { rating, rationale = "Agreed at the board" })).EnsureSuccessStatusCode();
        }
        foreach (var (description, status) in new[] { (Formula, "agreed"), ("Keep the IPS service", "in-progress") })
        {
            (await OfficerApi.PostAsJsonAsync($"/api/v1/areas/{Hackney}/priorities", new
            {
                domain = 3, action = "new-priority-action", description, owner = "Head of Commissioning", timescale = "short-term", status,
            })).EnsureSuccessStatusCode();
        }
        await Factory.WithDbAsync(async db =>
        {
            var item = db.AssetChecklistItems.Single(i => i.Key == "cmht-ips");
            var analysis = new RagAnalysis { AreaCode = Hackney, AnalysisDate = new DateOnly(2026, 10, 1), CreatedBy = "officer", CreatedUtc = DateTime.UtcNow };
            analysis.Ratings.Add(new RagAnalysisRating { ItemId = item.Id, Rating = 1, Rationale = "Commissioned to 2028" });
            db.RagAnalyses.Add(analysis);
            return await db.SaveChangesAsync();
        });
        await Factory.DashboardsCaughtUpAsync();
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();

    /// <summary>
    /// NI173 % (low is good), 2018/19 to 2022/23: Hackney 1.5% rising to 2.5%, the others level at 1%; England 1%.
    /// ESA per 1,000 (low is good) and ASCOF 1F % (high is good) in 2022/23 only.
    /// </summary>
    private static string Values()
    {
        var csv = new StringBuilder("indicator_key,area_code,period_label,value,count,denominator\n");
        void Row(string indicator, string area, string period, double count, double denominator, int multiplier) => csv.Append(string.Create(CultureInfo.InvariantCulture,
            $"{indicator},{area},{period},{count / denominator * multiplier},{count},{denominator}\n"));
        string[] boroughs = ["E09000019", "E09000025", "E09000022", "E09000007"];
        string[] years = ["2018/19", "2019/20", "2020/21", "2021/22", "2022/23"];
        for (var y = 0; y < years.Length; y++)
        {
            Row(Ni173, "E92000001", years[y], 100_000, 10_000_000, 100);
            Row(Ni173, Hackney, years[y], 300 + 50 * y, 20_000, 100);
            foreach (var area in boroughs)
            {
                Row(Ni173, area, years[y], 200, 20_000, 100);
            }
        }
        Row(Esa, "E92000001", "2022/23", 1_085_000, 35_000_000, 1000);
        foreach (var (area, count) in new[] { (Hackney, 8000), ("E09000019", 7000), ("E09000025", 6000), ("E09000022", 5000), ("E09000007", 4000) })
        {
            Row(Esa, area, "2022/23", count, 200_000, 1000);
        }
        Row(Ascof, "E92000001", "2022/23", 70_000, 1_000_000, 100);
        foreach (var (area, count) in new[] { (Hackney, 60), ("E09000007", 90), ("E09000019", 80), ("E09000022", 70), ("E09000025", 50) })
        {
            Row(Ascof, area, "2022/23", count, 1_000, 100);
        }
        return csv.ToString();
    }
}

public sealed class SqliteExportsFixture() : ExportsFixture(Provider.Sqlite);

public sealed class PostgresExportsFixture() : ExportsFixture(Provider.Postgres);
