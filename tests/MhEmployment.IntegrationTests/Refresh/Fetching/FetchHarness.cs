using MhEmployment.Tests;
using MhEmployment.Web.Features.Imports;
using MhEmployment.Web.Features.Refresh;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;

namespace MhEmployment.IntegrationTests.Refresh.Fetching;

/// <summary>
/// The app's source fetcher as the app registers it (AddSourceFetching), with import storage in a folder of its own,
/// pointed at a <see cref="SourceServer"/>, with short timeouts and back-off so that faults take milliseconds.
/// </summary>
public sealed class FetchHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private FetchHarness(SourceServer server, ServiceProvider services, string storage)
    {
        (Server, _services, StorageFolder) = (server, services, storage);
    }

    public SourceServer Server { get; }

    public string StorageFolder { get; }

    public ISourceFetcher Fetcher => _services.GetRequiredService<ISourceFetcher>();

    public static async Task<FetchHarness> StartAsync(IReadOnlyDictionary<string, string>? settings = null)
    {
        var server = await SourceServer.StartAsync();
        var storage = Path.Combine(TestScratch.Folder, $"mhe-fetch-{Guid.NewGuid():N}");
        var values = new Dictionary<string, string?>
        {
            ["Imports:StoragePath"] = storage,
            ["Sources:AttemptTimeout"] = "00:00:10",
            ["Sources:TotalTimeout"] = "00:00:20",
            ["Sources:Retries"] = "2",
            ["Sources:RetryDelay"] = "00:00:00.010",
        };
        foreach (var (key, value) in server.Settings.Concat(settings ?? new Dictionary<string, string>()))
            values[key] = value;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<IHostEnvironment>(new HostingEnvironment { ContentRootPath = TestScratch.Folder })
            .AddSingleton<ImportStorage>()
            .AddSourceFetching(configuration)
            .BuildServiceProvider();
        return new FetchHarness(server, services, storage);
    }

    /// <summary>The files left in import storage.</summary>
    public IReadOnlyList<string> StoredFiles() =>
        Directory.Exists(StorageFolder) ? Directory.GetFiles(StorageFolder, "*", SearchOption.AllDirectories) : [];

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Server.DisposeAsync();
        if (Directory.Exists(StorageFolder))
            Directory.Delete(StorageFolder, recursive: true);
    }
}
