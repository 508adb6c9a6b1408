using System.Globalization;
using MhEmployment.IntegrationTests.Infrastructure;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace MhEmployment.IntegrationTests.Imports;

/// <summary>Reads an app's database directly (not through the app, which may be dead or busy): one scalar at a time.</summary>
public sealed class ImportDatabase(Provider provider, string connectionString)
{
    public async Task<object?> ScalarAsync(string sql)
    {
        if (provider == Provider.Postgres)
        {
            await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(sql, connection);
            return await command.ExecuteScalarAsync();
        }
        await using var sqlite = new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await sqlite.OpenAsync();
        await using var query = sqlite.CreateCommand();
        query.CommandText = sql;
        return await query.ExecuteScalarAsync();
    }

    public async Task<long> CountAsync(string sql) => Convert.ToInt64(await ScalarAsync(sql), CultureInfo.InvariantCulture);

    public Task<long> ValueCountAsync() => CountAsync("SELECT COUNT(*) FROM \"IndicatorValues\"");
}
