using MhEmployment.IntegrationTests.Infrastructure;
using MhEmployment.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace MhEmployment.IntegrationTests.Imports;

/// <summary>The 'import' command, run as its own process beside the app on the app's database, as a script runs it.</summary>
public abstract class ImportCommandTests(AppFixture fixture) : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);
    private readonly string _folder = Directory.CreateTempSubdirectory("mhe-import-command-").FullName;

    public void Dispose()
    {
        Directory.Delete(_folder, recursive: true);
        GC.SuppressFinalize(this);
    }

    private async Task<(int ExitCode, string Output)> ImportAsync(params string[] arguments)
    {
        using var app = AppProcess.Start(fixture.Factory.Provider, fixture.Factory.ConnectionString, fixture.Factory.ImportStoragePath, ["import", .. arguments]);
        var exitCode = await app.WaitForExitAsync(Patience);
        return (exitCode, app.Output);
    }

    [Fact]
    public async Task AFileNamedWithABackslashAndARightToLeftOverride_IsRecordedByItsPlainName()
    {
        // On Linux both are legal in a file name; shown as they are, "rep" + RLO + "ort.csv" reads "repvsc.tro".
        var path = await GeneratedImports.TemplateAsync(_folder, "exports\\rep\u202Eort.csv", GeneratedImports.TemplateHeader,
            "depression-qof-prevalence,E09000028,2041/42,2041-04-01,2042-03-31,Persons,18+ yrs,12.5");

        var (exitCode, output) = await ImportAsync(path);

        exitCode.Should().Be(0, output);
        output.Should().Contain("1 row;").And.Contain("0 errors");
        var latest = await fixture.Factory.WithDbAsync(db => db.Imports.OrderByDescending(i => i.Id).FirstAsync(i => i.CreatedBy == "command line"));
        latest.FileName.Should().Be("report.csv");
    }

    [Fact]
    public async Task CommittingManyNewIndicators_NeedsTheConfirmationFlag()
    {
        var (path, firstId) = await GeneratedImports.FingertipsAsync(_folder, "seven.csv", 7);
        Task<int> AddedAsync() => fixture.Factory.WithDbAsync(db => db.Indicators.CountAsync(i => i.FingertipsId >= firstId && i.FingertipsId < firstId + 7));

        var (refused, refusal) = await ImportAsync(path, "--commit");

        refused.Should().Be(1, refusal);
        refusal.Should().Contain("adds 7 new indicators").And.Contain("--confirm-new-indicators");
        (await AddedAsync()).Should().Be(0);

        var (confirmed, output) = await ImportAsync(path, "--commit", "--confirm-new-indicators");

        confirmed.Should().Be(0, output);
        output.Should().Contain("Committed import");
        (await AddedAsync()).Should().Be(7);
        var imports = await fixture.Factory.WithDbAsync(db => db.Imports.Where(i => i.FileName == "seven.csv").Select(i => i.Status).ToListAsync());
        imports.Should().Contain(ImportStatus.Committed);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ImportCommandOnSqlite(SqliteAppFixture fixture) : ImportCommandTests(fixture);

[Collection(PostgresCollection.Name)]
public sealed class ImportCommandOnPostgres(PostgresAppFixture fixture) : ImportCommandTests(fixture);
