using System.Diagnostics;
using System.Net;
using System.Reflection;
using AngleSharp.Html.Parser;
using MhEmployment.IntegrationTests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace MhEmployment.IntegrationTests.Hosting;

/// <summary>
/// The app published (dotnet publish, from the build the tests use) and started as the README's PostgreSQL section
/// does, 'dotnet out/MhEmployment.Web.dll', from a folder that is not its own, with its default settings. SQLite only:
/// what is tested is where the app finds its files and writes its own, which the database provider does not change.
/// </summary>
public sealed class PublishedAppTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("mhe-published-").FullName;

    [Fact]
    public async Task PublishedApp_StartedFromAnotherFolder_UsesItsOwnFolderForSettingsStylesSampleDataAndAppData()
    {
        var published = Path.Combine(_root, "out");
        var elsewhere = Directory.CreateDirectory(Path.Combine(_root, "elsewhere")).FullName;
        await PublishAsync(published);
        var port = Ports.Free();
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

        using (var app = AppProcess.Start(Path.Combine(published, "MhEmployment.Web.dll"), elsewhere,
            new Dictionary<string, string> { ["DOTNET_ENVIRONMENT"] = "Production", ["ASPNETCORE_ENVIRONMENT"] = "Production" },
            "--urls", http.BaseAddress.ToString()))
        {
            await WaitUntilReadyAsync(app, http);

            var css = await http.GetAsync(new Uri("/css/site.css", UriKind.Relative));
            css.StatusCode.Should().Be(HttpStatusCode.OK, app.Output);
            css.Content.Headers.ContentType!.MediaType.Should().Be("text/css");
            var page = await http.GetAsync(new Uri("/Account/Login", UriKind.Relative));
            page.StatusCode.Should().Be(HttpStatusCode.OK);
            var html = await new HtmlParser().ParseDocumentAsync(await page.Content.ReadAsStringAsync());
            html.QuerySelectorAll("link[rel=stylesheet]").Select(link => link.GetAttribute("href"))
                .Should().Contain(href => href!.StartsWith("/css/site.css", StringComparison.Ordinal));
            app.Output.Should().NotContain("Executed DbCommand", "appsettings.json keeps EF Core's command log at Warning");
            app.Output.Split('\n').Where(line => line.Contains("EntityFrameworkCore", StringComparison.Ordinal) && line.Contains("Warning", StringComparison.Ordinal))
                .Should().BeEmpty("a first start warns of nothing a newcomer must act on (the squashed migrations change no PRAGMA in a transaction)");
        }

        var appData = Path.Combine(published, "App_Data");
        File.Exists(Path.Combine(appData, "mhemployment.db")).Should().BeTrue();
        File.Exists(Path.Combine(appData, "first-admin-password.txt")).Should().BeTrue();
        Directory.EnumerateFileSystemEntries(elsewhere).Should().BeEmpty("the working directory is not the app's folder");
        (await ImportCountAsync(Path.Combine(appData, "mhemployment.db")))
            .Should().Be(Directory.GetFiles(Path.Combine(published, "SampleData"), "*.csv").Length, "every sample file is loaded");
    }

    private static async Task PublishAsync(string output)
    {
        var project = Path.Combine(RepositoryRoot(), "src", "MhEmployment.Web", "MhEmployment.Web.csproj");
        var configuration = typeof(PublishedAppTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        // The build the tests already use: publishing only gathers it with wwwroot, as a deployment gets it.
        foreach (var argument in new[] { "publish", project, "--no-build", "--no-restore", "--nologo", "-c", configuration, "-o", output, "-nodeReuse:false" })
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start dotnet publish.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
        process.ExitCode.Should().Be(0, await stdout + await stderr);
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(folder.FullName, "MhEmployment.sln")))
        {
            folder = folder.Parent ?? throw new InvalidOperationException("The tests run outside the repository.");
        }
        return folder.FullName;
    }

    private static async Task WaitUntilReadyAsync(AppProcess app, HttpClient http)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline && !app.HasExited)
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
            await Task.Delay(250);
        }
        throw new InvalidOperationException("The published app did not become ready:\n" + app.Output);
    }

    private static async Task<long> ImportCountAsync(string database)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM \"Imports\"";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
