using MhEmployment.IntegrationTests.Infrastructure;
using MhEmployment.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace MhEmployment.IntegrationTests.Refresh;

/// <summary>The 'refresh' command, run as its own process on the app's database, as a deployment's script runs it.</summary>
public abstract class RefreshCommandTests(RefreshFixture fixture)
{
    private async Task<(int ExitCode, string Output)> RefreshAsync(params string[] arguments)
    {
        var settings = RefreshFixture.Settings(fixture.Sources).Select(s => $"{s.Key}={s.Value}");
        using var app = AppProcess.Start(fixture.Factory.Provider, fixture.Factory.ConnectionString, fixture.Factory.ImportStoragePath, ["refresh", .. arguments, .. settings]);
        var exitCode = await app.WaitForExitAsync(TimeSpan.FromMinutes(2));
        return (exitCode, app.Output);
    }

    [Fact]
    public async Task RefreshWithCommit_FetchesAndCommitsTheIndicator_ReportingIt()
    {
        await fixture.UseTestSourcesAsync();
        fixture.Sources.FailWith(SourceFault.None);

        var (exitCode, output) = await RefreshAsync("--indicator", RefreshFixture.Unemployment, "--commit");

        exitCode.Should().Be(0, output);
        output.Should().Contain($"{RefreshFixture.Unemployment}: committed (import #");
        var import = await fixture.Factory.WithDbAsync(db => db.Imports.AsNoTracking().OrderByDescending(i => i.Id).FirstAsync(i => i.CreatedBy == "command line"));
        import.Status.Should().Be(ImportStatus.Committed);
        import.SourceUrl.Should().StartWith(fixture.Sources.FingertipsBaseUrl.AbsoluteUri);
    }

    [Fact]
    public async Task Refresh_WhenTheSourceIsDown_SaysWhy_AndExitsWithOne()
    {
        await fixture.UseTestSourcesAsync();
        fixture.Sources.FailWith(SourceFault.ServerError);
        try
        {
            var (exitCode, output) = await RefreshAsync("--indicator", RefreshFixture.Population, "--commit");

            exitCode.Should().Be(1, output);
            output.Should().Contain($"{RefreshFixture.Population}: failed").And.Contain("500");
        }
        finally
        {
            fixture.Sources.FailWith(SourceFault.None);
        }
    }

    [Fact]
    public async Task Refresh_OfAnUnknownIndicator_IsAMistakeOfTheCommand()
    {
        var (exitCode, output) = await RefreshAsync("--indicator", "no-such-indicator");

        exitCode.Should().Be(2, output);
        output.Should().Contain("There is no indicator 'no-such-indicator'");
    }
}

public sealed class RefreshCommandOnSqlite(RefreshOnSqliteFixture fixture) : RefreshCommandTests(fixture), IClassFixture<RefreshOnSqliteFixture>;

public sealed class RefreshCommandOnPostgres(RefreshOnPostgresFixture fixture) : RefreshCommandTests(fixture), IClassFixture<RefreshOnPostgresFixture>;
