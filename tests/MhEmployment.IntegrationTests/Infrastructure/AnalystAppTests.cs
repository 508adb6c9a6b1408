using MhEmployment.Web.Features.Accounts;

namespace MhEmployment.IntegrationTests.Infrastructure;

/// <summary>
/// Tests that need an app of their own (a fresh database, nothing shared with other classes), an Analyst's API client
/// and a scratch folder for the files they write; and a <see cref="CommitWatcher"/> on the app's transactions.
/// </summary>
public abstract class AnalystAppTests(Provider provider, string folderPrefix) : IAsyncLifetime
{
    protected CommitWatcher Watcher { get; } = new();
    protected AppFactory Factory { get; private set; } = null!;
    protected HttpClient Api { get; private set; } = null!;
    protected string Folder { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Factory = await AppFactory.CreateAsync(provider, services: Watcher.AddTo);
        Factory.StartServer();
        await Factory.CreateUserAsync(Accounts.EmailFor(Roles.Analyst), Accounts.PasswordFor(Roles.Analyst), Roles.Analyst);
        Api = await Factory.ApiClientAsync(Accounts.EmailFor(Roles.Analyst));
        Folder = Directory.CreateTempSubdirectory(folderPrefix).FullName;
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        Directory.Delete(Folder, recursive: true);
    }
}
