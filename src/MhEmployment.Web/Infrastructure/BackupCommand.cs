using System.Diagnostics;
using System.Globalization;
using MhEmployment.Web.Features.Audit;
using Microsoft.Data.Sqlite;

namespace MhEmployment.Web.Infrastructure;

/// <summary>
/// 'backup --to FILE': copies the SQLite database with SQLite's online backup API, which reads a consistent snapshot
/// (the write-ahead log included) while the app goes on serving and writing, into a new file. The copy is written
/// beside the target under a temporary name and renamed only once complete and checked, so a failed or interrupted
/// backup never leaves a file that looks like a backup. PostgreSQL is backed up with pg_dump instead.
/// Audit entries still waiting in the outbox beside the database (downloads made during an import's commit, ADR 0021)
/// are not in the copy; the app writes them to the database when the commit ends, and at start-up and shutdown.
/// Exit codes: 0 copied, 1 not copied (the message says why), 2 the command does not apply to this database.
/// </summary>
public static class BackupCommand
{
    public static async Task<int> RunAsync(CommandLine command, IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (DatabaseSetup.ProviderFrom(configuration) == DatabaseProvider.Postgres)
        {
            await Console.Error.WriteLineAsync(
                "backup copies the SQLite database, but this app uses PostgreSQL. Back it up with pg_dump " +
                "(pg_dump -Fc --no-owner -f mhemployment.dump DATABASE) and restore it with pg_restore; " +
                "see 'Backup and restore' in docs/operations.md.");
            return 2;
        }
        var source = new SqliteConnectionStringBuilder(DatabaseSetup.SqliteConnectionString(configuration, environment))
        {
            Mode = SqliteOpenMode.ReadWrite, // never create an empty database where the real one was expected
            Pooling = false,
        };
        var target = Path.GetFullPath(command.Option("to")!);
        var refusal = Refusal(source.DataSource, target);
        if (refusal is not null)
        {
            await Console.Error.WriteLineAsync(refusal);
            return 1;
        }

        var partial = Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.partial");
        var clock = Stopwatch.StartNew();
        try
        {
            Copy(source.ToString(), partial);
            File.Move(partial, target, overwrite: false);
        }
        catch (Exception ex) when (ex is SqliteException or IOException or UnauthorizedAccessException)
        {
            foreach (var file in new[] { partial, partial + "-wal", partial + "-shm", partial + "-journal" })
            {
                File.Delete(file);
            }
            await Console.Error.WriteLineAsync($"The backup to {target} failed, and nothing was written there: {ex.Message}");
            return 1;
        }
        var megabytes = new FileInfo(target).Length / 1024d / 1024d;
        await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Backed up {source.DataSource} to {target} ({megabytes:0.0} MB in {clock.Elapsed.TotalSeconds:0.0} s)."));
        await WarnOfWaitingAuditEntriesAsync(source.ToString());
        return 0;
    }

    /// <summary>Says when audit entries were waiting in the outbox, and so are not in the copy.</summary>
    private static async Task WarnOfWaitingAuditEntriesAsync(string database)
    {
        var outbox = AuditOutbox.Beside(database);
        try
        {
            var waiting = await outbox.CountAsync(CancellationToken.None);
            if (waiting > 0)
            {
                await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{waiting} audit entries were waiting in {outbox.Path} (downloads during an import's commit) and are not in this backup; the app writes them to the database when the commit ends."));
            }
        }
        catch (SqliteException)
        {
            // the backup itself is complete; the outbox is only looked at
        }
    }

    private static string? Refusal(string database, string target)
    {
        if (!File.Exists(database))
        {
            return $"There is no SQLite database at {database} to back up. Check ConnectionStrings:Sqlite (or run the command from the app's folder).";
        }
        if (File.Exists(target) || Directory.Exists(target))
        {
            return $"{target} already exists, and backup only writes a new file. Name a new file, or move the old one away first.";
        }
        var folder = Path.GetDirectoryName(target);
        return Directory.Exists(folder) ? null : $"The folder {folder} does not exist. Create it first, or name a file in an existing folder.";
    }

    /// <summary>Copies every page in one step, then checks the copy before it is given its name.</summary>
    private static void Copy(string source, string destination)
    {
        using var from = new SqliteConnection(source);
        using var to = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = destination, Pooling = false }.ToString());
        from.Open();
        to.Open();
        from.BackupDatabase(to);
        using var check = to.CreateCommand();
        check.CommandText = "PRAGMA quick_check";
        var result = check.ExecuteScalar() as string;
        if (result != "ok")
        {
            throw new IOException($"the copy failed SQLite's check ({result}).");
        }
    }
}
