using MhEmployment.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace MhEmployment.Web.Features.Assets;

/// <summary>
/// On a new installation (an empty register), imports the bundled real asset list (SampleData/assets, see its
/// SOURCES.md) through the ordinary asset import, so the register is not empty. Off with Imports:LoadSampleData=false.
/// </summary>
public sealed partial class AssetSampleLoader(
    AppDbContext db, AssetImportService imports, IHostEnvironment environment, IConfiguration configuration, ILogger<AssetSampleLoader> logger)
{
    public const string Actor = "first-run sample data";
    public const string File = "jobcentre-plus-offices.csv";

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue("Imports:LoadSampleData", true) || await db.Assets.AnyAsync(cancellationToken) || await db.AssetImports.AnyAsync(cancellationToken))
        {
            return;
        }
        var path = Path.Combine(environment.ContentRootPath, "SampleData", "assets", File);
        if (!System.IO.File.Exists(path))
        {
            return;
        }
        var import = await imports.UploadAsync(File, await System.IO.File.ReadAllTextAsync(path, cancellationToken), Actor, cancellationToken);
        var (preview, problem) = await imports.CommitAsync(import.Id, Actor, canRate: false, cancellationToken);
        if (problem is not null)
        {
            var first = preview is { Errors.Count: > 0 } ? preview.Errors[0].Message : null;
            LogSampleNotLoaded(logger, File, problem, first);
            return;
        }
        var added = preview!.Count(PlannedChange.Create);
        LogSampleLoaded(logger, added, File);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded {Count} sample assets from {File}")]
    private static partial void LogSampleLoaded(ILogger logger, int count, string file);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sample assets {File} not loaded: {Problem} {FirstError}")]
    private static partial void LogSampleNotLoaded(ILogger logger, string file, string problem, string? firstError);
}
