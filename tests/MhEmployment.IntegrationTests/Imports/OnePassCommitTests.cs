using System.Collections.Concurrent;
using MhEmployment.IntegrationTests.Infrastructure;
using System.Net.Http.Json;
using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Audit;
using MhEmployment.Web.Features.Imports;
using MhEmployment.Web.Features.Imports.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MhEmployment.IntegrationTests.Imports;

/// <summary>
/// An import committed without a preview (the command line's --commit) is checked and written in one pass when every
/// row is new, valid and mapped; any other file is rolled back and goes the staged way. Either way the result is what
/// validation then commit would give: the same values, counts and undo, and nothing written for a file with errors.
/// </summary>
public abstract partial class OnePassCommitTests(Provider provider) : AnalystAppTests(provider, "mhe-onepass-")
{
    private const string OnePass = "(checked and written in one pass)";

    [Fact]
    public async Task NewValues_AreWrittenInOnePass_WithTheImportsFindings_AndUndoRemovesThem()
    {
        var path = Path.Combine(Folder, "new.csv");
        var sum = await NomisFiles.WriteAsync(path, 3_000);
        var seen = WatchTheAuditLog();

        var import = await ImportAsync(path, NomisFiles.Mapping);

        import.Status.Should().Be(ImportStatus.Committed, import.Message);
        (import.NewCount, import.ChangedCount, import.UnchangedCount, import.RowCount, import.ErrorCount).Should().Be((3_000L, 0L, 0L, 3_000L, 0L));
        import.ValidationComplete.Should().BeTrue("the details page shows what the pass found, as after a validation");
        import.Format.Should().Be("NomisApi");
        ImportSummary.Of(import)!.Series.Should().NotBeEmpty().And.OnlyContain(s => s.IndicatorKey == "ni152-out-of-work-benefits");
        (await AuditOfAsync(import.Id)).Should().Contain(OnePass);
        (await ValuesOfAsync(import.Id)).Should().Be((3_000, sum));
        (await Factory.WithDbAsync(db => db.StagedValues.CountAsync())).Should().Be(0, "the pass writes no staging rows");

        await UndoAsync(import.Id);
        (await Factory.WithDbAsync(db => db.IndicatorValues.CountAsync())).Should().Be(0);
        ShouldHaveBeenAuditedWhenSeen(seen, import.Id, ImportStatus.Committed, ImportStatus.Undone);
    }

    [Fact]
    public async Task StoredValuesAmongTheFirstRows_GoTheStagedWay_AndCountChangesAsAValidationWould()
    {
        var first = await ImportAsync(await WriteAsync("first.csv", 2_000, valueOffset: 0), NomisFiles.Mapping);
        var secondPath = Path.Combine(Folder, "second.csv");
        var secondSum = await NomisFiles.WriteAsync(secondPath, 3_000, valueOffset: 1); // the first 2,000 keys, other values
        var seen = WatchTheAuditLog();

        var second = await ImportAsync(secondPath, NomisFiles.Mapping);

        second.Status.Should().Be(ImportStatus.Committed, second.Message);
        (second.NewCount, second.ChangedCount, second.UnchangedCount).Should().Be((1_000L, 2_000L, 0L));
        (await AuditOfAsync(second.Id)).Should().NotContain(OnePass);
        (await ValuesOfAsync(second.Id)).Should().Be((3_000, secondSum));
        await UndoAsync(second.Id);
        (await ValuesOfAsync(first.Id)).Count.Should().Be(2_000, "undo puts back the values the staged commit replaced");
        ShouldHaveBeenAuditedWhenSeen(seen, second.Id, ImportStatus.Committed, ImportStatus.Undone);
    }

    [Fact]
    public async Task AStoredKeyFarIntoTheFile_IsRefusedByTheKey_RolledBack_AndTheFileGoesTheStagedWay()
    {
        // The stored rows are the file's last 500: the first rows' keys are all new, so the pass starts writing.
        var path = Path.Combine(Folder, "whole.csv");
        await NomisFiles.WriteAsync(path, 3_000);
        var lines = await File.ReadAllLinesAsync(path);
        var tail = Path.Combine(Folder, "tail.csv");
        await File.WriteAllLinesAsync(tail, [lines[0], .. lines[^500..]]);
        var stored = await ImportAsync(tail, NomisFiles.Mapping);
        (await AuditOfAsync(stored.Id)).Should().Contain(OnePass);

        var whole = await ImportAsync(path, NomisFiles.Mapping);

        whole.Status.Should().Be(ImportStatus.Committed, whole.Message);
        (whole.NewCount, whole.ChangedCount, whole.UnchangedCount).Should().Be((2_500L, 0L, 500L));
        (await AuditOfAsync(whole.Id)).Should().NotContain(OnePass);
        (await ValuesOfAsync(whole.Id)).Count.Should().Be(2_500, "nothing of the rolled-back pass is left: only the staged commit's new values");
        (await ValuesOfAsync(stored.Id)).Count.Should().Be(500);
    }

    [Fact]
    public async Task AFileWithAnError_WritesNothing_AndWaitsWithEveryErrorListed()
    {
        var path = Path.Combine(Folder, "bad.csv");
        await NomisFiles.WriteAsync(path, 3_000);
        var lines = await File.ReadAllLinesAsync(path);
        lines[2_500] = AreaCode().Replace(lines[2_500], ",\"E09999999\",", 1); // a London borough's code that does not exist
        await File.WriteAllLinesAsync(path, lines);

        var import = await ImportAsync(path, NomisFiles.Mapping);

        import.Status.Should().Be(ImportStatus.Ready);
        import.ErrorCount.Should().Be(1);
        ImportCommits.CommitBlocker(import)!.Reason.Should().Contain("has 1 error.");
        Factory.Services.GetRequiredService<ImportStorage>().FirstIssues(import.Id).Should().ContainSingle(i => i.LineNumber == 2_501 && i.Rule == "unknown-area");
        (await Factory.WithDbAsync(db => db.IndicatorValues.CountAsync())).Should().Be(0);
    }

    [Fact]
    public async Task UnmappedSeries_WriteNothing_ThenTheAnalystsChoiceIsWrittenInOnePass_AndRemembered()
    {
        var path = await WriteAsync("unmapped.csv", 1_000);
        var unmapped = await ImportAsync(path, mapping: null);

        unmapped.Status.Should().Be(ImportStatus.Ready);
        var series = ImportSummary.Of(unmapped)!.Series;
        series.Should().NotBeEmpty().And.OnlyContain(s => s.Resolution == SeriesResolution.Unmapped);
        (await Factory.WithDbAsync(db => db.IndicatorValues.CountAsync())).Should().Be(0);

        var choices = series.ToDictionary(s => s.Key, _ => "ni152-out-of-work-benefits");
        var mapped = await ImportAsync(path, System.Text.Json.JsonSerializer.Serialize(choices));

        mapped.Status.Should().Be(ImportStatus.Committed, mapped.Message);
        (await AuditOfAsync(mapped.Id)).Should().Contain(OnePass);
        var remembered = await Factory.WithDbAsync(db => db.SeriesMappings.Join(db.Indicators, m => m.IndicatorId, i => i.Id, (m, i) => new { m.SeriesKey, i.Key }).ToListAsync());
        remembered.Where(m => choices.ContainsKey(m.SeriesKey)).Should().HaveCount(choices.Count, "the next file of this kind maps itself")
            .And.OnlyContain(m => m.Key == "ni152-out-of-work-benefits");
    }

    [Fact]
    public async Task TheApi_CommitsAnUploadAsSoonAsItIsFoundValid_AndStopsAtThePreviewWhenItIsNot()
    {
        var seen = WatchTheAuditLog();
        var good = await SubmitAsync(await WriteAsync("api-good.csv", 2_000), "true");
        var committed = await Api.WaitForAsync(good, "committed", "ready", "failed");
        committed.GetProperty("status").GetString().Should().Be("committed", committed.ToString());
        committed.GetProperty("newCount").GetInt64().Should().Be(2_000);
        (await AuditOfAsync(good)).Should().Contain(OnePass, "a client that has seen the import committed finds its entry in the audit log");
        // The job's thread looks at the commit after the API can already report it: wait for that look, then judge it.
        await CommitWatcher.UntilAsync(() => seen.Any(s => s.Id == good && s.Status == ImportStatus.Committed));
        ShouldHaveBeenAuditedWhenSeen(seen, good, ImportStatus.Committed);

        var path = await WriteAsync("api-bad.csv", 3_000, valueOffset: 0.5);
        var lines = await File.ReadAllLinesAsync(path);
        lines[2_999] = AreaCode().Replace(lines[2_999], ",\"E09999999\",", 1);
        await File.WriteAllLinesAsync(path, lines);
        var bad = await Api.WaitForAsync(await SubmitAsync(path, "true"), "committed", "ready", "failed");
        bad.GetProperty("status").GetString().Should().Be("ready", "a file with errors waits at the preview, with its errors listed");
        bad.GetProperty("firstErrors").EnumerateArray().Should().ContainSingle(e => e.GetProperty("rule").GetString() == "unknown-area");
        (await ValuesOfAsync(good)).Count.Should().Be(2_000, "nothing of the bad file was written over the good one's values");

        var refused = await Api.UploadAsync(path, mapping: NomisFiles.Mapping, commit: "yes");
        refused.StatusCode.Should().Be(System.Net.HttpStatusCode.BadRequest);
        (await refused.Content.ReadAsStringAsync()).Should().Contain("'commit'").And.Contain("true");
    }

    private async Task<int> SubmitAsync(string path, string commit)
    {
        var response = await Api.UploadAsync(path, mapping: NomisFiles.Mapping, commit: commit);
        response.StatusCode.Should().Be(System.Net.HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetInt32();
    }

    [Fact]
    public async Task MeasuresNewToTheCatalogue_GoTheStagedWay_AndAreAdded_WhenConfirmed()
    {
        var import = await ImportAsync(ImportClient.Sample("mhsds-4ww-performance-sep-2024.csv"), mapping: null, confirmNewIndicators: true);

        import.Status.Should().Be(ImportStatus.Committed, import.Message);
        (await AuditOfAsync(import.Id)).Should().NotContain(OnePass);
        var added = await Factory.WithDbAsync(db => db.Indicators.Where(i => i.CreatedByImportId == import.Id).Select(i => i.Key).ToListAsync());
        added.Should().Contain("mhsds-mrs01");
        (await ValuesOfAsync(import.Id)).Count.Should().Be((int)import.NewCount).And.BeGreaterThan(0);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@",""E\d{8}"",")]
    private static partial System.Text.RegularExpressions.Regex AreaCode();

    private async Task<string> WriteAsync(string name, int rows, double valueOffset = 0)
    {
        var path = Path.Combine(Folder, name);
        await NomisFiles.WriteAsync(path, rows, valueOffset);
        return path;
    }

    [Fact]
    public async Task ManyMeasuresNewToTheCatalogue_WithoutConfirmation_WriteNothing_AndSayWhatToConfirm()
    {
        var import = await ImportAsync(ImportClient.Sample("mhsds-4ww-performance-sep-2024.csv"), mapping: null);

        import.Status.Should().Be(ImportStatus.Ready);
        import.Message.Should().Contain("adds 44 new indicators").And.Contain("--confirm-new-indicators");
        (await Factory.WithDbAsync(db => db.Indicators.CountAsync(i => i.CreatedByImportId == import.Id))).Should().Be(0);
        (await ValuesOfAsync(import.Id)).Count.Should().Be(0);
    }

    /// <summary>As the command line does with --commit: the file registered, then checked and committed.</summary>
    private async Task<Import> ImportAsync(string path, string? mapping, bool confirmNewIndicators = false)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        await using var content = File.OpenRead(path);
        var upload = await scope.ServiceProvider.GetRequiredService<ImportUploads>().UploadAsync(content, Path.GetFileName(path), null, mapping, "test", CancellationToken.None, validateInBackground: false);
        upload.Import.Should().NotBeNull(upload.Refusal);
        await scope.ServiceProvider.GetRequiredService<ImportJobRunner>().RunHereAsync(upload.Import!.Id, ImportJobKind.ValidateAndCommit, "test", confirmNewIndicators, CancellationToken.None);
        return await Factory.WithDbAsync(db => db.Imports.AsNoTracking().SingleAsync(i => i.Id == upload.Import.Id));
    }

    private async Task UndoAsync(int importId)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var undone = await scope.ServiceProvider.GetRequiredService<ImportUndo>().UndoAsync(importId, "test", CancellationToken.None);
        undone.Succeeded.Should().BeTrue(undone.Message);
    }

    /// <summary>
    /// From now on, at the moment each of the app's transactions commits: every import then seen committed or undone,
    /// and whether its audit entry could be seen with it.
    /// </summary>
    private ConcurrentQueue<(int Id, ImportStatus Status, bool Audited)> WatchTheAuditLog()
    {
        var seen = new ConcurrentQueue<(int, ImportStatus, bool)>();
        Watcher.OnCommitted = () => Factory.WithDbAsync(async db =>
        {
            var settled = await db.Imports.AsNoTracking().Where(i => i.Status == ImportStatus.Committed || i.Status == ImportStatus.Undone)
                .Select(i => new { i.Id, i.Status, i.FileName }).ToListAsync();
            foreach (var import in settled)
            {
                var action = import.Status == ImportStatus.Committed ? AuditActions.ImportCommitted : AuditActions.ImportUndone;
                var target = $"#{import.Id} {import.FileName}";
                seen.Enqueue((import.Id, import.Status, await db.AuditEvents.AnyAsync(e => e.Action == action && e.Target == target)));
            }
            return seen.Count;
        });
        return seen;
    }

    /// <summary>The import was seen in each of <paramref name="statuses"/>, and never without the audit entry saying so.</summary>
    private static void ShouldHaveBeenAuditedWhenSeen(ConcurrentQueue<(int Id, ImportStatus Status, bool Audited)> seen, int importId, params ImportStatus[] statuses)
    {
        var ofImport = seen.Where(s => s.Id == importId).ToList();
        ofImport.Select(s => s.Status).Distinct().Should().BeEquivalentTo(statuses);
        ofImport.Should().OnlyContain(s => s.Audited, "whoever sees an import committed or undone must find it in the audit log");
    }

    private Task<string> AuditOfAsync(int importId) => Factory.WithDbAsync(async db =>
        string.Join("\n", await db.AuditEvents.Where(e => e.Action == AuditActions.ImportCommitted && e.Target!.StartsWith($"#{importId} "))
            .Select(e => e.Details).ToListAsync()));

    private Task<(int Count, decimal Sum)> ValuesOfAsync(int importId) => Factory.WithDbAsync(async db =>
    {
        var values = await db.IndicatorValues.Where(v => v.ImportId == importId).Select(v => v.Value ?? 0).ToListAsync();
        return (values.Count, Math.Round(values.Sum(v => (decimal)v), 1));
    });
}

public sealed class OnePassCommitOnSqlite() : OnePassCommitTests(Provider.Sqlite);

public sealed class OnePassCommitOnPostgres() : OnePassCommitTests(Provider.Postgres);
