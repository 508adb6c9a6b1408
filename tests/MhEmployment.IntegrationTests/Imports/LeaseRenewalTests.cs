using MhEmployment.IntegrationTests.Infrastructure;
using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Imports;
using MhEmployment.Web.Features.Imports.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Events;

namespace MhEmployment.IntegrationTests.Imports;

/// <summary>
/// On SQLite an import's commit holds the one write lock for seconds to minutes. Its job's lease is not renewed
/// meanwhile: a renewal would wait for the lock, holding a thread, and fail, logging a database error each time.
/// </summary>
public sealed class LeaseRenewalTestsOnSqlite : IAsyncLifetime
{
    private readonly LogCapture logs = new();
    private AppFactory factory = null!;
    private string folder = null!;

    public async Task InitializeAsync()
    {
        // A renewal every 0.2 s, each waiting 1 s for the database: many fall within a pass of 300,000 rows (about 2 s).
        factory = await AppFactory.CreateAsync(Provider.Sqlite, new Dictionary<string, string>
        {
            ["Imports:LeaseSeconds"] = "1.2",
            ["Serilog:MinimumLevel:Override:MhEmployment"] = "Information", // for the import's timings
        }, logs.AddTo);
        factory.StartServer();
        folder = Directory.CreateTempSubdirectory("mhe-lease-").FullName;
    }

    public async Task DisposeAsync()
    {
        await factory.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task ALongCommit_IsNotInterruptedByRenewals_AndLogsNoDatabaseErrorOrFailedRenewal()
    {
        var path = Path.Combine(folder, "nomis.csv");
        await NomisFiles.WriteAsync(path, 300_000);

        await using var scope = factory.Services.CreateAsyncScope();
        await using var content = File.OpenRead(path);
        var upload = await scope.ServiceProvider.GetRequiredService<ImportUploads>()
            .UploadAsync(content, "nomis.csv", null, NomisFiles.Mapping, "test", CancellationToken.None, validateInBackground: false);
        var started = logs.Events.Count;
        await scope.ServiceProvider.GetRequiredService<ImportJobRunner>().RunHereAsync(upload.Import!.Id, ImportJobKind.ValidateAndCommit, "test", false, CancellationToken.None);

        var import = await factory.WithDbAsync(db => db.Imports.AsNoTracking().SingleAsync(i => i.Id == upload.Import.Id));
        import.Status.Should().Be(ImportStatus.Committed, import.Message);
        var during = logs.Events.Skip(started).ToList();
        during.Should().Contain(e => e.Properties.ContainsKey("Step") && e.Properties["Step"].ToString() == "\"read, validate and write values\"",
            "the commit ran in one pass, under the long write");
        during.Should().NotContain(e => e.Level >= LogEventLevel.Warning, "nothing went wrong");
    }
}
