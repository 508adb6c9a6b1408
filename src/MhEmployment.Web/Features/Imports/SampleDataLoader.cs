using MhEmployment.Web.Data;
using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Imports.Jobs;
using Microsoft.EntityFrameworkCore;

namespace MhEmployment.Web.Features.Imports;

/// <summary>
/// On a new installation, imports the real sample files in SampleData/ through the ordinary import path (upload,
/// validation, commit), so the first screens show real figures. NOMIS series are matched as an analyst would.
/// </summary>
public sealed partial class SampleDataLoader(
    AppDbContext db, ImportUploads uploads, ImportValidation validation, ImportJobRunner runner, IHostEnvironment environment, IConfiguration configuration,
    ILogger<SampleDataLoader> logger)
{
    public const string Actor = "first-run sample data";

    // Which catalogue indicator a NOMIS series in the samples is: matched on the series name, as an analyst would choose.
    private static readonly (string File, string NameContains, string Choice)[] NomisChoices =
    [
        ("nomis-aps-employment-rate.csv", "Employment rate - aged 16-64", "ni151-employment-rate"),
        ("nomis-esa-claimants.csv", "", ImportValidator.New),
    ];

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue("Imports:LoadSampleData", true) || await db.Imports.AnyAsync(cancellationToken))
        {
            return;
        }
        var folder = Path.Combine(environment.ContentRootPath, "SampleData");
        if (!Directory.Exists(folder))
        {
            return;
        }
        foreach (var path in Directory.GetFiles(folder, "*.csv").Order(StringComparer.Ordinal))
        {
            await LoadFileAsync(path, cancellationToken);
        }
    }

    private async Task LoadFileAsync(string path, CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(path);
        UploadResult upload;
        await using (var content = File.OpenRead(path))
        {
            upload = await uploads.UploadAsync(content, name, null, null, Actor, cancellationToken, validateInBackground: false);
        }
        if (upload.Import is not { } import)
        {
            LogSampleSkipped(logger, name, upload.Refusal);
            return;
        }
        await runner.RunHereAsync(import.Id, ImportJobKind.Validate, Actor, confirmNewIndicators: false, cancellationToken);
        var summary = ImportSummary.Of(await db.Imports.AsNoTracking().SingleAsync(i => i.Id == import.Id, cancellationToken));
        var choices = (summary?.Series ?? [])
            .Where(s => s.Resolution == SeriesResolution.Unmapped)
            .Select(s => (s.Key, Choice: NomisChoices.FirstOrDefault(c => c.File == name && s.Name.Contains(c.NameContains, StringComparison.OrdinalIgnoreCase)).Choice))
            .Where(c => c.Choice is not null)
            .ToDictionary(c => c.Key, c => c.Choice, StringComparer.Ordinal);
        if (choices.Count > 0)
        {
            await validation.MapAsync(import.Id, choices, Actor, cancellationToken, validateInBackground: false);
            await runner.RunHereAsync(import.Id, ImportJobKind.Validate, Actor, confirmNewIndicators: false, cancellationToken);
        }
        db.ChangeTracker.Clear();
        var validated = await db.Imports.AsNoTracking().SingleAsync(i => i.Id == import.Id, cancellationToken);
        if (ImportCommits.CommitBlocker(validated) is { } blocker)
        {
            LogSampleSkipped(logger, name, blocker.Reason);
            return;
        }
        await runner.RunHereAsync(import.Id, ImportJobKind.Commit, Actor, confirmNewIndicators: false, cancellationToken);
        LogSampleLoaded(logger, name, validated.NewCount);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sample data {File}: {ValueCount} values loaded")]
    private static partial void LogSampleLoaded(ILogger logger, string file, long valueCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sample data {File} not loaded: {Reason}")]
    private static partial void LogSampleSkipped(ILogger logger, string file, string? reason);
}
