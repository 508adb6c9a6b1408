using MhEmployment.Web.Features.Accounts;

namespace MhEmployment.IntegrationTests.Infrastructure;

/// <summary>
/// One app and database per provider, shared by the tests of that provider's collection, with an account per
/// role, signed in through the sign-in page (PageClient) and holding an API token (ApiClient).
/// </summary>
public abstract class AppFixture(Provider provider) : IAsyncLifetime
{
    private readonly Dictionary<string, HttpClient> _pageClients = [];
    private readonly Dictionary<string, HttpClient> _apiClients = [];

    public AppFactory Factory { get; private set; } = null!;

    /// <summary>Unarmed unless a test arms it (see <see cref="CommitWatcher"/>); a test that does disarms it after.</summary>
    public CommitWatcher Watcher { get; } = new();

    /// <summary>Nobody signed in.</summary>
    public HttpClient Anonymous() => Factory.NewClient();

    public HttpClient PageClient(string role) => _pageClients[role];

    public HttpClient ApiClient(string role) => _apiClients[role];

    public async Task InitializeAsync()
    {
        Factory = await AppFactory.CreateAsync(provider, services: Watcher.AddTo);
        // Starting the server migrates and seeds, so failures show here rather than in the first test.
        Factory.StartServer();
        foreach (var role in Roles.All)
        {
            await Factory.CreateUserAsync(Accounts.EmailFor(role), Accounts.PasswordFor(role), role);
            _pageClients[role] = await Factory.SignedInClientAsync(Accounts.EmailFor(role), Accounts.PasswordFor(role));
            _apiClients[role] = await Factory.ApiClientAsync(Accounts.EmailFor(role));
        }
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}

public sealed class SqliteAppFixture() : AppFixture(Provider.Sqlite);

public sealed class PostgresAppFixture() : AppFixture(Provider.Postgres);

[CollectionDefinition(Name)]
public sealed class SqliteCollection : ICollectionFixture<SqliteAppFixture>
{
    public const string Name = "App on SQLite";
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresAppFixture>
{
    public const string Name = "App on PostgreSQL";
}
