using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MhEmployment.IntegrationTests.Infrastructure;
using MhEmployment.IntegrationTests.Pages.Imports;
using MhEmployment.Tests;
using MhEmployment.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace MhEmployment.IntegrationTests.Imports;

/// <summary>
/// The upload folder's disk full: Imports:StoragePath is a 2 MB tmpfs the test mounts, and a real 3.8 MB extract is
/// uploaded through the page and the API. The person is told there is no room (the page again, with its error summary;
/// problem details from the API; 507, not a 500), no partial file is left on the disk and no import is recorded, and
/// a small file uploaded afterwards is stored and validated as usual. Mounting needs root; without it the test fails
/// and says so rather than being skipped.
/// </summary>
public abstract class UploadDiskFullTests(Provider provider) : IAsyncLifetime
{
    private const string DiskSize = "2m";

    /// <summary>A real extract larger than the whole disk.</summary>
    private static readonly string LargeExtract = ImportClient.Sample("mhsds-4ww-performance-sep-2024.csv");

    private static readonly string SmallFile = ImportClient.Sample("fingertips-unmet-alcohol-need.csv");

    private readonly string _disk = Path.Combine(TestScratch.Folder, $"mhe-full-disk-{Guid.NewGuid():N}");
    private bool _mounted;
    private AppFactory _factory = null!;
    private HttpClient _api = null!;
    private HttpClient _page = null!;

    public async Task InitializeAsync()
    {
        if (Environment.UserName != "root")
        {
            throw new InvalidOperationException(
                $"This test mounts a {DiskSize} tmpfs as the upload folder, which needs root (or CAP_SYS_ADMIN): run the tests as root, as scripts/test.sh in the container does.");
        }
        new FileInfo(LargeExtract).Length.Should().BeGreaterThan(2 * 1024 * 1024, "the extract must not fit on the disk");
        Directory.CreateDirectory(_disk);
        await RunAsync("mount", $"-t tmpfs -o size={DiskSize} tmpfs {_disk}");
        _mounted = true;
        _factory = await AppFactory.CreateAsync(provider, new Dictionary<string, string> { ["Imports:StoragePath"] = _disk });
        _factory.StartServer();
        await _factory.CreateUserAsync(Accounts.EmailFor(Roles.Analyst), Accounts.PasswordFor(Roles.Analyst), Roles.Analyst);
        _api = await _factory.ApiClientAsync(Accounts.EmailFor(Roles.Analyst));
        _page = await _factory.SignedInClientAsync(Accounts.EmailFor(Roles.Analyst), Accounts.PasswordFor(Roles.Analyst));
    }

    public async Task DisposeAsync()
    {
        try
        {
            if (_factory is not null)
            {
                await _factory.DisposeAsync();
            }
        }
        finally
        {
            if (_mounted)
            {
                await RunAsync("umount", _disk);
            }
            Directory.Delete(_disk, recursive: true);
        }
    }

    [Fact]
    public async Task Upload_LargerThanTheFreeSpace_ThroughThePage_SaysThereIsNoRoom_LeavesNothing_AndASmallFileWorksAfter()
    {
        var before = await ImportCountAsync();

        var refused = await _page.UploadThroughThePageAsync(await File.ReadAllBytesAsync(LargeExtract), "mhsds-september.csv");

        refused.StatusCode.Should().Be(HttpStatusCode.InsufficientStorage);
        var document = await Html.ParseAsync(refused);
        var error = document.QuerySelector(".error-summary a")!;
        error.GetAttribute("href").Should().Be("#Input_File");
        error.Text().Should().Contain("no room left on the disk where uploads are kept").And.Contain("nothing was imported");
        document.QuerySelector("#Input_File")!.Should().NotBeNull("the form is shown again to try once there is room");
        NothingLeftOnTheDisk();
        (await ImportCountAsync()).Should().Be(before, "no import is recorded for a file that was not stored");

        var accepted = await _page.UploadThroughThePageAsync(await File.ReadAllBytesAsync(SmallFile), "alcohol.csv");

        accepted.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var id = int.Parse(accepted.Headers.Location!.OriginalString.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        await SmallFileStoredAndValidatedAsync(id);
    }

    [Fact]
    public async Task Upload_LargerThanTheFreeSpace_ThroughTheApi_IsAProblemSaying507_LeavesNothing_AndASmallFileWorksAfter()
    {
        var before = await ImportCountAsync();

        var refused = await _api.UploadAsync(LargeExtract);

        refused.StatusCode.Should().Be(HttpStatusCode.InsufficientStorage);
        refused.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("title").GetString().Should().Be("No room to store the file");
        problem.GetProperty("detail").GetString().Should().Contain("no room left on the disk where uploads are kept").And.Contain("Imports:StoragePath");
        NothingLeftOnTheDisk();
        (await ImportCountAsync()).Should().Be(before);

        var accepted = await _api.UploadAsync(SmallFile);

        accepted.StatusCode.Should().Be(HttpStatusCode.Accepted, await accepted.Content.ReadAsStringAsync());
        await SmallFileStoredAndValidatedAsync((await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32());
    }

    private void NothingLeftOnTheDisk() =>
        Directory.EnumerateFileSystemEntries(_disk, "*", SearchOption.AllDirectories).Should().BeEmpty("the partial upload is deleted");

    private Task<int> ImportCountAsync() => _factory.WithDbAsync(db => db.Imports.CountAsync());

    private async Task SmallFileStoredAndValidatedAsync(int id)
    {
        var stored = Path.Combine(_disk, id.ToString(System.Globalization.CultureInfo.InvariantCulture), "upload.csv");
        (await File.ReadAllBytesAsync(stored)).Should().Equal(await File.ReadAllBytesAsync(SmallFile));
        var import = await _api.WaitForAsync(id, "ready", "failed");
        import.GetProperty("status").GetString().Should().Be("ready", import.ToString());
        import.GetProperty("rowCount").GetInt64().Should().BeGreaterThan(0);
    }

    private static async Task RunAsync(string file, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardError = true })
            ?? throw new InvalidOperationException($"Could not start {file}.");
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"'{file} {arguments}' failed ({process.ExitCode}): {error}");
        }
    }
}

public sealed class UploadDiskFullOnSqlite() : UploadDiskFullTests(Provider.Sqlite);

public sealed class UploadDiskFullOnPostgres() : UploadDiskFullTests(Provider.Postgres);
