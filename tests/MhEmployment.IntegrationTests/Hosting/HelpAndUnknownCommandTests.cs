using MhEmployment.IntegrationTests.Infrastructure;

namespace MhEmployment.IntegrationTests.Hosting;

/// <summary>
/// The app's command line asked for help, or given a mistyped command, as a separate process configured with a
/// database and password file in a folder of the test's own: it answers and exits without creating either.
/// SQLite only: no database is opened at all.
/// </summary>
public sealed class HelpAndUnknownCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("mhe-help-").FullName;

    [Theory]
    [InlineData("--help")]
    [InlineData("help")]
    public async Task Help_PrintsEveryCommand_AndExitsWithoutTouchingADatabase(string help)
    {
        var (exitCode, output) = await RunAsync(help);

        exitCode.Should().Be(0, output);
        output.Should().StartWith("Usage:").And.Contain("migrate").And.Contain("users add --email")
            .And.Contain("users reset-password").And.Contain("tokens add").And.Contain("import FILE");
        Directory.EnumerateFileSystemEntries(_folder).Should().BeEmpty("help must not create a database or an Admin");
    }

    [Fact]
    public async Task UnknownCommand_IsAnError_WithTheUsage_AndTouchesNoDatabase()
    {
        var (exitCode, output) = await RunAsync("migrat", "--urls", "http://127.0.0.1:1");

        exitCode.Should().Be(2, output);
        output.Should().StartWith("Unknown command 'migrat'.").And.Contain("Usage:").And.Contain("migrate");
        Directory.EnumerateFileSystemEntries(_folder).Should().BeEmpty("a mistyped command must not start the app");
    }

    private async Task<(int ExitCode, string Output)> RunAsync(params string[] arguments)
    {
        using var app = AppProcess.Start(Provider.Sqlite, $"Data Source={Path.Combine(_folder, "app.db")}", Path.Combine(_folder, "storage"), arguments);
        var exitCode = await app.WaitForExitAsync(TimeSpan.FromMinutes(1));
        return (exitCode, app.Output);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
