using Deque.AxeCore.Playwright;
using MhEmployment.IntegrationTests.Infrastructure;
using MhEmployment.IntegrationTests.Refresh;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace MhEmployment.IntegrationTests.Browser;

/// <summary>
/// The app on a real Kestrel port (SQLite) and Debian's Chromium driven by Playwright. Playwright cannot
/// download its own browsers here, so the executable is the system one (CHROMIUM_PATH overrides).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private AppFactory? _factory;
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Fingertips and NOMIS, as recorded, for the refresh journey.</summary>
    public SourceServer Sources { get; private set; } = null!;
    public AppFactory Factory => _factory!;

    /// <summary>A fresh browser context (its own cookies), with CSP bypassed only so that axe-core can be injected.</summary>
    public Task<IBrowserContext> NewContextAsync() =>
        Browser.NewContextAsync(new() { BaseURL = BaseAddress.ToString(), BypassCSP = true });

    /// <summary>Signs in through the sign-in page as a person would.</summary>
    /// <summary>No serious or critical axe-core violation on the page as it stands.</summary>
    public static async Task ExpectAccessibleAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var results = await page.RunAxe();
        results.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{page.Url} {v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))})")
            .Should().BeEmpty();
    }

    public static async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    public async Task InitializeAsync()
    {
        var chromium = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium";
        if (!File.Exists(chromium))
        {
            throw new InvalidOperationException(
                $"The browser tests need Chromium at {chromium}. Install Debian's 'chromium' package (apt-get install chromium) or set CHROMIUM_PATH.");
        }

        Sources = await SourceServer.StartAsync();
        _factory = await AppFactory.CreateAsync(Provider.Sqlite, RefreshFixture.Settings(Sources));
        _factory.UseKestrel(0);
        _factory.StartServer();
        await _factory.CreateUserAsync(Accounts.EmailFor(Web.Features.Accounts.Roles.Viewer),
            Accounts.PasswordFor(Web.Features.Accounts.Roles.Viewer), Web.Features.Accounts.Roles.Viewer);
        var address = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal));

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    private readonly Lock _dataGate = new();
    private Task? _suicideData;

    /// <summary>Loads the real Fingertips suicide file (England, London and the 33 boroughs) once, through the import API.</summary>
    public Task EnsureSuicideDataAsync()
    {
        lock (_dataGate)
        {
            return _suicideData ??= LoadSuicideDataAsync();
        }
    }

    private async Task LoadSuicideDataAsync()
    {
        await Factory.CreateUserAsync("browser-loader@test.local", Accounts.PasswordFor(Web.Features.Accounts.Roles.Analyst),
            Web.Features.Accounts.Roles.Analyst);
        using var api = await Factory.ApiClientAsync("browser-loader@test.local");
        api.BaseAddress = BaseAddress; // The app listens on Kestrel here, not the in-memory test server.
        var import = await api.UploadAndValidateAsync(ImportClient.Sample("fingertips-suicide-london.csv"));
        await api.CommitAsync(import.GetProperty("id").GetInt32());
        await Factory.DashboardsCaughtUpAsync(); // the journeys read as other people
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        _playwright?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
        if (Sources is not null)
        {
            await Sources.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
