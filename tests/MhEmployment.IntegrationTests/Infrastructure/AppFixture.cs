namespace MhEmployment.IntegrationTests.Infrastructure;

/// <summary>One app and database per provider, shared by the tests of that provider's collection.</summary>
public abstract class AppFixture(Provider provider) : IAsyncLifetime
{
    public AppFactory Factory { get; private set; } = null!;

    public HttpClient Client() => Factory.CreateClient(new() { AllowAutoRedirect = false });

    public async Task InitializeAsync()
    {
        Factory = await AppFactory.CreateAsync(provider);
        // Starting the server migrates and seeds, so failures show here rather than in the first test.
        Factory.StartServer();
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
