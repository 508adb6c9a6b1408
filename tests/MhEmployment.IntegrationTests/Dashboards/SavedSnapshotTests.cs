using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AngleSharp.Dom;
using MhEmployment.IntegrationTests.Infrastructure;
using MhEmployment.Web.Features.Accounts;
using MhEmployment.Web.Features.Profiles;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static MhEmployment.IntegrationTests.Dashboards.DashboardFixture;

namespace MhEmployment.IntegrationTests.Dashboards;

/// <summary>
/// An app restarted on the same database and snapshot folder starts from the snapshot the previous one saved: the same
/// figures, with what changed while it was down (values and catalogue) read from the database, and only that; a
/// damaged file is not trusted, and everything is read from the database instead. Apps of their own.
/// </summary>
public abstract class SavedSnapshotTests(Provider provider) : IAsyncLifetime
{
    private const string Esa = "esa-mental-behavioural-rate";
    private const string Iapt = "iapt-recovery";

    private readonly string folder = Directory.CreateTempSubdirectory("mhe-saved-snapshots-").FullName;
    private readonly List<AppFactory> apps = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var app in apps)
        {
            await app.DisposeAsync();
        }
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task ARestartedApp_ShowsTheSameFigures_ReadFromTheSavedFilesAlone()
    {
        var first = await FirstAppAsync();
        var before = await FiguresAsync(first);
        await first.DisposeAsync();
        var reloads = new ReloadGate();

        var second = Restart(first, reloads);
        var after = await FiguresAsync(second);

        after.Should().Be(before);
        reloads.LastChanged.Should().NotBeNull("the first load started from the saved snapshot");
        reloads.LastChanged!.Values.Should().BeEmpty("nothing changed while the app was down");
        reloads.LastChanged.Definitions.Should().BeEmpty();
    }

    [Fact]
    public async Task ARestartedApp_ShowsTheValuesAndCatalogueEditsCommittedAfterTheSave_ReadingOnlyThoseIndicators()
    {
        var first = await FirstAppAsync();
        var saved = CopyOfSavedFiles();
        using var analyst = await first.ApiClientAsync(Accounts.EmailFor(Roles.Analyst));
        // Committed after the files were saved, as if by another instance while this one was down.
        await CommitAsync(analyst, Row(Esa, Hackney, "2019/20", 10_000, 200_000, 1000)); // 42.1 -> 50.0
        (await analyst.EditIndicatorAsync(Iapt, body => body["polarity"] = "NoJudgement")).StatusCode.Should().Be(HttpStatusCode.OK);
        await first.DashboardsCaughtUpAsync();
        var expected = await FiguresAsync(first);
        await first.DisposeAsync();
        RestoreSavedFiles(saved);
        var reloads = new ReloadGate();

        var second = Restart(first, reloads);
        var after = await FiguresAsync(second);

        after.Should().Be(expected);
        after.Dashboard.Should().Contain("50.0 per 1,000").And.NotContain("42.1 per 1,000");
        after.Profile.Should().Contain("\"comparison\":\"Higher\"", "IAPT recovery is no longer judged");
        var (esa, iapt) = await second.WithDbAsync(async db => (
            await db.Indicators.Where(i => i.Key == Esa).Select(i => i.Id).SingleAsync(),
            await db.Indicators.Where(i => i.Key == Iapt).Select(i => i.Id).SingleAsync()));
        reloads.LastChanged!.Values.Should().BeEquivalentTo([esa], "only the indicator whose values changed is read from the database");
        reloads.LastChanged.Definitions.Should().BeEquivalentTo([iapt]);
    }

    [Fact]
    public async Task ADamagedSavedFile_IsNotTrusted_AndEverythingIsReadFromTheDatabase()
    {
        var first = await FirstAppAsync();
        var before = await FiguresAsync(first);
        await first.DisposeAsync();
        var damaged = Directory.EnumerateFiles(folder, "*.values", SearchOption.AllDirectories).ToList();
        foreach (var file in damaged)
        {
            var bytes = await File.ReadAllBytesAsync(file);
            bytes[^1] ^= 0x40;
            await File.WriteAllBytesAsync(file, bytes);
        }
        var reloads = new ReloadGate();

        var second = Restart(first, reloads);
        var after = await FiguresAsync(second);

        after.Should().Be(before);
        reloads.LastChanged.Should().BeNull("the first load read everything from the database");
        await SavedAsync(second);
        Directory.EnumerateFiles(folder, "*.values", SearchOption.AllDirectories).Should()
            .NotBeEmpty("the snapshot read from the database is saved again").And.NotContain(damaged);
    }

    /// <summary>An app with the known values committed and its snapshot saved.</summary>
    private async Task<AppFactory> FirstAppAsync()
    {
        var app = await AppFactory.CreateAsync(provider, Settings());
        apps.Add(app);
        app.StartServer();
        await app.CreateUserAsync(Accounts.EmailFor(Roles.Viewer), Accounts.PasswordFor(Roles.Viewer), Roles.Viewer);
        await app.CreateUserAsync(Accounts.EmailFor(Roles.Analyst), Accounts.PasswordFor(Roles.Analyst), Roles.Analyst);
        using var analyst = await app.ApiClientAsync(Accounts.EmailFor(Roles.Analyst));
        var csv = new StringBuilder()
            .Append(Row(Esa, England, "2019/20", 1_085_000, 35_000_000, 1000))
            .Append(Row(Esa, London, "2019/20", 180_000, 6_000_000, 1000))
            .Append(Row(Esa, Hackney, "2019/20", 8_420, 200_000, 1000))
            .Append(Row(Esa, Camden, "2019/20", 4_000, 200_000, 1000));
        for (var year = 2017; year <= 2019; year++)
        {
            var period = $"{year}/{(year + 1) % 100:00}";
            csv.Append(Row(Iapt, England, period, 50_000, 100_000, 100)).Append(Row(Iapt, Hackney, period, 400 + (year - 2017) * 100, 1_000, 100));
        }
        await CommitAsync(analyst, csv.ToString());
        await app.DashboardsCaughtUpAsync();
        await SavedAsync(app);
        return app;
    }

    /// <summary>Waits until the app has saved the snapshot it serves.</summary>
    private static Task SavedAsync(AppFactory app) => app.Services.GetRequiredService<SnapshotSaver>()
        .SavedAsync(app.Services.GetRequiredService<DashboardCache>().Current!.Version, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));

    private AppFactory Restart(AppFactory first, ReloadGate reloads)
    {
        var app = new AppFactory(provider, first.ConnectionString, Settings(), reloads.AddTo);
        apps.Add(app);
        return app;
    }

    private Dictionary<string, string> Settings() => new() { [AppFactory.SavedSnapshotsSetting] = folder };

    private static async Task CommitAsync(HttpClient analyst, string rows)
    {
        var path = await WriteAsync("indicator_key,area_code,period_label,value,count,denominator\n" + rows);
        try
        {
            var import = await analyst.UploadAndValidateAsync(path, "known-values.csv");
            (await analyst.CommitAsync(import.GetProperty("id").GetInt32())).GetProperty("status").GetString().Should().Be("committed");
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>What a viewer is shown: Hackney's dashboard table and its profile in the API.</summary>
    private static async Task<Figures> FiguresAsync(AppFactory app)
    {
        using var viewer = await app.SignedInClientAsync(Accounts.EmailFor(Roles.Viewer), Accounts.PasswordFor(Roles.Viewer));
        using var api = await app.ApiClientAsync(Accounts.EmailFor(Roles.Viewer));
        var (response, page) = await viewer.GetPageAsync($"/areas/{Hackney}");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var rows = page.QuerySelectorAll("table.profile tbody tr").Select(r => string.Join(" | ", r.QuerySelectorAll("th, td").Select(c => c.Text())));
        var profile = (await api.GetFromJsonAsync<JsonElement>($"/api/v1/areas/{Hackney}/profile")).GetProperty("indicators");
        return new Figures(string.Join("\n", rows), JsonSerializer.Serialize(profile));
    }

    private string CopyOfSavedFiles()
    {
        var copy = Path.Combine(folder, "..", Path.GetFileName(folder) + "-copy");
        CopyFolder(folder, copy);
        return copy;
    }

    private void RestoreSavedFiles(string copy)
    {
        Directory.Delete(folder, recursive: true);
        CopyFolder(copy, folder);
        Directory.Delete(copy, recursive: true);
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private sealed record Figures(string Dashboard, string Profile);
}

public sealed class SavedSnapshotOnSqlite() : SavedSnapshotTests(Provider.Sqlite);

public sealed class SavedSnapshotOnPostgres() : SavedSnapshotTests(Provider.Postgres);
