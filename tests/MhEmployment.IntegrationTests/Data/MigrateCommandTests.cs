using System.Diagnostics;
using MhEmployment.IntegrationTests.Infrastructure;
using MhEmployment.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace MhEmployment.IntegrationTests.Data;

/// <summary>The deployment path: 'dotnet MhEmployment.Web.dll migrate' run as its own process.</summary>
public sealed class MigrateCommandTests
{
    private static async Task<(int ExitCode, string Output)> RunAppAsync(params (string Name, string Value)[] environment)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "MhEmployment.Web.dll");
        var start = new ProcessStartInfo("dotnet", $"\"{dll}\" migrate")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return (process.ExitCode, await output + await error);
    }

    [Fact]
    public async Task Migrate_OnPostgres_CreatesTheSchemaAndSeedsReferenceData_ThenExits()
    {
        var connection = await PostgresServer.CreateDatabaseAsync();

        var (exitCode, output) = await RunAppAsync(("Database__Provider", "Postgres"), ("ConnectionStrings__Postgres", connection));

        exitCode.Should().Be(0, output);
        output.Should().Contain("Database migrated and reference data seeded");
        await using var db = new PostgresDbContext(new DbContextOptionsBuilder<PostgresDbContext>().UseNpgsql(connection).Options);
        (await db.Areas.CountAsync(a => a.Kind == Web.Domain.AreaKind.LondonBorough)).Should().Be(33);
        (await db.Indicators.CountAsync()).Should().BeGreaterThanOrEqualTo(20);
    }

    [Fact]
    public async Task Migrate_WithAnUnknownProvider_FailsWithAMessageSayingWhatIsAllowed()
    {
        var (exitCode, output) = await RunAppAsync(("Database__Provider", "Oracle"));

        exitCode.Should().Be(1);
        output.Should().Contain("Database:Provider is 'Oracle'").And.Contain("'Sqlite' (the default) or 'Postgres'")
            .And.NotContain("   at ", "an operator gets the problem, not a stack trace");
    }

    [Fact]
    public async Task Migrate_OnPostgresWithoutAConnectionString_SaysWhichSettingIsMissing()
    {
        var (exitCode, output) = await RunAppAsync(("Database__Provider", "Postgres"), ("ConnectionStrings__Postgres", ""));

        exitCode.Should().Be(1);
        output.Should().Contain("ConnectionStrings__Postgres");
    }
}
