using System.Globalization;
using System.Text;
using MhEmployment.IntegrationTests.Infrastructure;
using MhEmployment.Web.Features.Accounts;
using MhEmployment.Web.Features.Profiles;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MhEmployment.IntegrationTests.Pages;

/// <summary>
/// An app of its own for the dashboard pages' tests, loaded through the import API with known values (template
/// format) and the real Fingertips suicide file for London (quintile indicators, and the City of London's 0.5 to
/// 120.2 interval). One indicator is then renamed, and one note rewritten, to text a spreadsheet would run as a
/// formula, as a catalogue edit could leave them.
/// </summary>
public abstract class DashboardPagesFixture(Provider provider) : IAsyncLifetime
{
    public const string England = "E92000001";
    public const string London = "E12000007";
    public const string Hackney = "E09000012";
    public const string Camden = "E09000007";
    public const string Islington = "E09000019";
    public const string TowerHamlets = "E09000030";
    public const string Southwark = "E09000028";
    public const string Lambeth = "E09000022";
    public const string CityOfLondon = "E09000001";
    public const string FormulaName = "=HYPERLINK(\"http://evil.example\",\"Click\")";
    public const string FormulaNote = "+cmd|' /C calc'!A0";

    private string folder = null!;

    public AppFactory Factory { get; private set; } = null!;
    public HttpClient Viewer { get; private set; } = null!;
    public HttpClient AnalystApi { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        folder = Directory.CreateTempSubdirectory("mhe-pages-").FullName;
        // Sessions revalidate hourly: a revalidation re-issues the cookie, and a response that sets one is never cached.
        Factory = await AppFactory.CreateAsync(provider, new Dictionary<string, string> { ["Security:SessionRevalidationSeconds"] = "3600" });
        Factory.StartServer();
        await Factory.CreateUserAsync(Accounts.EmailFor(Roles.Viewer), Accounts.PasswordFor(Roles.Viewer), Roles.Viewer);
        await Factory.CreateUserAsync(Accounts.EmailFor(Roles.Analyst), Accounts.PasswordFor(Roles.Analyst), Roles.Analyst);
        Viewer = await Factory.SignedInClientAsync(Accounts.EmailFor(Roles.Viewer), Accounts.PasswordFor(Roles.Viewer));
        AnalystApi = await Factory.ApiClientAsync(Accounts.EmailFor(Roles.Analyst));
        await ImportAsync(await WriteAsync("known-values.csv", KnownValues()));
        await ImportAsync(ImportClient.Sample("fingertips-suicide-london.csv"));
        await AnalystApi.ReviewSuicideRateAsync();
        await Factory.WithDbAsync(async db =>
        {
            var sickness = await db.Indicators.SingleAsync(i => i.Key == "sickness-absence-employees");
            sickness.Name = FormulaName;
            await db.SaveChangesAsync();
            return await db.IndicatorValues.Where(v => v.IndicatorId == sickness.Id && v.AreaCode == Hackney)
                .ExecuteUpdateAsync(s => s.SetProperty(v => v.Note, FormulaNote));
        });
        await Factory.Services.GetRequiredService<DashboardCache>().ReloadAllAsync(); // changed behind the app's back
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }

    public async Task<string> WriteAsync(string name, string csv)
    {
        var path = Path.Combine(folder, name);
        await File.WriteAllTextAsync(path, csv, Encoding.UTF8);
        return path;
    }

    public async Task<int> ImportAsync(string path)
    {
        var import = await AnalystApi.UploadAndValidateAsync(path);
        var id = import.GetProperty("id").GetInt32();
        var committed = await AnalystApi.CommitAsync(id);
        committed.GetProperty("status").GetString().Should().Be("committed", committed.ToString());
        await Factory.DashboardsCaughtUpAsync(); // for the viewer, who did not make the change
        return id;
    }

    public static string Header => "indicator_key,area_code,period_label,value,count,denominator\n";

    public static string Row(string indicator, string area, string period, double count, double denominator, int multiplier) =>
        string.Create(CultureInfo.InvariantCulture, $"{indicator},{area},{period},{count / denominator * multiplier},{count},{denominator}\n");

    public static string ValueRow(string indicator, string area, string period, double value) =>
        string.Create(CultureInfo.InvariantCulture, $"{indicator},{area},{period},{value},,\n");

    /// <summary>
    /// ESA claimants per 1,000 (intervals, low is good, quarterly): Hackney 42.1 against England 31.0; IAPT recovery (%)
    /// rising in Hackney over five years; the employment gap (pp, quintiles, low is good) with Lambeth at -1.5; the
    /// common mental disorder estimate (%, neutral quintiles) with Hackney "High"; sickness absence (%) for Hackney only.
    /// </summary>
    private static string KnownValues()
    {
        var csv = new StringBuilder(Header);
        const string esa = "esa-mental-behavioural-rate";
        csv.Append(Row(esa, England, "2019/20", 1_085_000, 35_000_000, 1000));
        csv.Append(Row(esa, London, "2019/20", 180_000, 6_000_000, 1000));
        csv.Append(Row(esa, Hackney, "2019/20", 8_420, 200_000, 1000));
        csv.Append(Row(esa, Camden, "2019/20", 4_000, 200_000, 1000));
        csv.Append(Row(esa, Islington, "2019/20", 6_000, 200_000, 1000));
        for (var year = 2015; year <= 2019; year++)
        {
            var period = $"{year}/{(year + 1) % 100:00}";
            csv.Append(Row("iapt-recovery", England, period, 50_000, 100_000, 100));
            csv.Append(Row("iapt-recovery", Hackney, period, 400 + (year - 2015) * 50, 1_000, 100));
            csv.Append(Row("iapt-recovery", Camden, period, 500, 1_000, 100));
        }
        const string gap = "phof-secondary-mh-employment-gap";
        foreach (var (area, value) in new[] { (England, 9.5), (Hackney, 10.5), (Camden, 8.0), (Islington, 12.0), (TowerHamlets, 6.0), (Southwark, 9.0), (Lambeth, -1.5) })
        {
            csv.Append(ValueRow(gap, area, "2019/20", value));
        }
        const string cmd = "cmd-estimated-prevalence";
        foreach (var (area, value) in new[] { (England, 16.9), (Hackney, 19.0), (Camden, 16.0), (Islington, 18.0), (TowerHamlets, 17.0), (Southwark, 15.0), (Lambeth, 20.0) })
        {
            csv.Append(ValueRow(cmd, area, "2019", value));
        }
        csv.Append(Row("sickness-absence-employees", England, "2019", 2_000, 100_000, 100));
        csv.Append(Row("sickness-absence-employees", Hackney, "2019", 30, 1_000, 100));
        return csv.ToString();
    }
}

public sealed class SqliteDashboardPagesFixture() : DashboardPagesFixture(Provider.Sqlite);

public sealed class PostgresDashboardPagesFixture() : DashboardPagesFixture(Provider.Postgres);

[CollectionDefinition(Name)]
public sealed class SqliteDashboardPagesCollection : ICollectionFixture<SqliteDashboardPagesFixture>
{
    public const string Name = "Dashboard pages on SQLite";
}

[CollectionDefinition(Name)]
public sealed class PostgresDashboardPagesCollection : ICollectionFixture<PostgresDashboardPagesFixture>
{
    public const string Name = "Dashboard pages on PostgreSQL";
}
