using System.Globalization;
using MhEmployment.Web.Data;
using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Imports.Jobs;
using MhEmployment.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MhEmployment.Web.Features.Imports;

/// <summary>
/// 'import FILE [--format F] [--mapping JSON] [--commit [--confirm-new-indicators]]': the same upload, validation and commit as the pages,
/// for scripted loads, with progress on the terminal. With --commit there is no preview to stop at, so a file of new
/// values is checked and written in one pass (see <see cref="OnePassCommit.ValidateAndCommitNowAsync"/>). Exit codes: 0 done, 1 the file has problems, 2 the command was wrong.
/// </summary>
public static class ImportCommand
{
    private const string Actor = "command line";

    /// <param name="databaseReady">Migration and seeding (or a warm-up), started by the caller: the file is copied and hashed meanwhile.</param>
    public static async Task<int> RunAsync(CommandLine command, IServiceProvider services, Task databaseReady)
    {
        var path = command.File!;
        if (!File.Exists(path))
        {
            await databaseReady;
            await Console.Error.WriteLineAsync($"There is no file '{path}'.");
            return 2;
        }
        if (ImportUploads.RequestProblem(command.Option("format"), command.Option("mapping")) is { } problem)
        {
            await databaseReady;
            await Console.Error.WriteLineAsync(problem);
            return 1;
        }
        int importId;
        await using (var scope = services.CreateAsyncScope())
        {
            var uploads = scope.ServiceProvider.GetRequiredService<ImportUploads>();
            ReceivedFile? received;
            await using (var content = File.OpenRead(path))
            {
                received = await uploads.ReceiveAsync(content, CancellationToken.None);
            }
            await databaseReady;
            if (received is null)
            {
                await Console.Error.WriteLineAsync(uploads.TooLarge(Path.GetFileName(path)));
                return 1;
            }
            var upload = await uploads.RegisterAsync(received, Path.GetFileName(path), command.Option("format"), command.Option("mapping"), Actor,
                validateInBackground: false, CancellationToken.None);
            if (upload.Import is null)
            {
                await Console.Error.WriteLineAsync(upload.Refusal);
                return 1;
            }
            importId = upload.Import.Id;
        }

        var commit = command.Flag("commit");
        var confirmNewIndicators = command.Flag("confirm-new-indicators");
        await RunWithProgressAsync(services, importId, commit ? "Importing" : "Validating", work => work.GetRequiredService<ImportJobRunner>()
            .RunHereAsync(importId, commit ? ImportJobKind.ValidateAndCommit : ImportJobKind.Validate, Actor, confirmNewIndicators, CancellationToken.None));
        var import = await LoadAsync(services, importId);
        await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Import #{import.Id} ({import.Format}): {Counted.Of(import.RowCount, "row")}; {import.NewCount:N0} new, {import.ChangedCount:N0} changed, {import.UnchangedCount:N0} unchanged; {Counted.Of(import.ErrorCount, "error")}, {Counted.Of(import.WarningCount, "warning")}."));
        if (import.Status == ImportStatus.Committed)
        {
            await Console.Out.WriteLineAsync($"Committed import #{importId}.");
            return 0;
        }
        if (import.Status == ImportStatus.Failed)
        {
            await Console.Error.WriteLineAsync(import.Message);
            return 1;
        }
        foreach (var issue in services.GetRequiredService<ImportStorage>().FirstIssues(importId, 20).Where(i => i.Severity == Parsing.IssueSeverity.Error))
        {
            await Console.Error.WriteLineAsync($"  line {issue.LineNumber}{(issue.Column is null ? "" : $", {issue.Column}")}: {issue.Message}");
        }
        if (ImportCommits.CommitBlocker(import) is { } blocker)
        {
            await Console.Error.WriteLineAsync(blocker.Reason);
            return 1;
        }
        if (!commit)
        {
            await Console.Out.WriteLineAsync($"Not committed. Run again with --commit, or commit it at /imports/{importId}.");
            return 0;
        }
        await Console.Error.WriteLineAsync(import.Message); // new indicators to confirm, or the commit itself failed: nothing was written
        return 1;
    }

    private static async Task RunWithProgressAsync(IServiceProvider services, int importId, string stage, Func<IServiceProvider, Task> work)
    {
        await using var scope = services.CreateAsyncScope();
        var task = work(scope.ServiceProvider);
        while (await Task.WhenAny(task, Task.Delay(500)) != task)
        {
            var import = await LoadAsync(services, importId);
            Console.Error.Write(string.Create(CultureInfo.InvariantCulture, $"\r{stage}: {import.Progress:P0} ({Counted.Of(import.RowCount, "row")})   "));
        }
        await task;
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"\r{stage}: done.                              "));
    }

    private static async Task<Import> LoadAsync(IServiceProvider services, int importId)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var import = await scope.ServiceProvider.GetRequiredService<ImportProgressBoard>().ReadAsync(db, importId, CancellationToken.None);
        return import!;
    }
}
