using System.Data.Common;
using System.Globalization;
using MhEmployment.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace MhEmployment.Web.Features.Imports.Stores;

/// <summary>The statements both providers run the same way, through the context's connection and transaction.</summary>
internal static class ImportStoreCommon
{
    public static async Task<DbCommand> CommandAsync(AppDbContext db, string sql, int importId, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        // Large imports take longer than the default 30 seconds to merge.
        command.CommandTimeout = 0;
        Add(command, "@import", importId);
        return command;
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    public static async Task<int> ExecuteAsync(AppDbContext db, string sql, int importId, CancellationToken cancellationToken)
    {
        await using var command = await CommandAsync(db, sql, importId, cancellationToken);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public static async Task<long> ScalarAsync(AppDbContext db, string sql, int importId, CancellationToken cancellationToken)
    {
        await using var command = await CommandAsync(db, sql, importId, cancellationToken);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    public static async Task<ChangeCounts> CountChangesAsync(AppDbContext db, ImportSql sql, int importId, CancellationToken cancellationToken)
    {
        await using var command = await CommandAsync(db, sql.CountChanges, importId, cancellationToken);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new ChangeCounts(Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture),
            Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture),
            Convert.ToInt64(reader.GetValue(2), CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// Keeps the values about to change, updates them, inserts the new ones and clears staging: one pass each, and
    /// the counts are the statements' own (unchanged rows are neither touched nor rewritten). How far it has gone is
    /// reported as each statement ends, weighted by the share of a typical merge's time it takes.
    /// </summary>
    public static async Task<ChangeCounts> MergeAsync(
        AppDbContext db, ImportSql sql, int importId, long expectedRows, IReadOnlyDictionary<int, int> placeholders, IProgress<double> progress,
        ILogger logger, CancellationToken cancellationToken,
        Func<Task>? beforeWrites = null, Func<Task>? afterWrites = null, Func<int, CancellationToken, Task>? clearStaging = null)
    {
        long staged;
        using (ImportTimings.Start(logger, importId, "merge: count staged"))
        {
            staged = await ScalarAsync(db, sql.CountStaged, importId, cancellationToken);
        }
        if (staged != expectedRows)
        {
            throw new StagingMismatchException(expectedRows, staged);
        }
        progress.Report(0.1);
        foreach (var (placeholder, indicator) in placeholders)
        {
            await using var retarget = await CommandAsync(db, sql.RetargetPlaceholder, importId, cancellationToken);
            Add(retarget, "@indicator", indicator);
            Add(retarget, "@placeholder", placeholder);
            await retarget.ExecuteNonQueryAsync(cancellationToken);
        }
        if (beforeWrites is not null)
        {
            using (ImportTimings.Start(logger, importId, "merge: check and lock referenced rows"))
            {
                await beforeWrites();
            }
        }
        progress.Report(0.2);
        int replaced, changed, added;
        using (ImportTimings.Start(logger, importId, "merge: keep replaced"))
        {
            replaced = await ExecuteAsync(db, sql.KeepReplaced, importId, cancellationToken);
        }
        progress.Report(0.3);
        using (ImportTimings.Start(logger, importId, "merge: update changed"))
        {
            changed = await ExecuteAsync(db, sql.UpdateChanged, importId, cancellationToken);
        }
        progress.Report(0.45);
        if (replaced != changed)
        {
            throw new InvalidOperationException($"Kept {replaced} replaced values but changed {changed}; the commit is rolled back.");
        }
        using (ImportTimings.Start(logger, importId, "merge: insert new"))
        {
            added = await ExecuteAsync(db, sql.InsertNew, importId, cancellationToken);
        }
        progress.Report(0.85);
        if (afterWrites is not null)
        {
            await afterWrites();
        }
        using (ImportTimings.Start(logger, importId, "merge: clear staging"))
        {
            await (clearStaging is null ? ExecuteAsync(db, sql.DeleteStaging, importId, cancellationToken) : clearStaging(importId, cancellationToken));
        }
        progress.Report(1);
        return new ChangeCounts(added, changed, staged - added - changed);
    }

    /// <summary>Refuses a commit whose rows refer to areas, indicators or an import that no longer exist.</summary>
    public static void ThrowIfMissing(long missing)
    {
        if (missing != 0)
        {
            throw new InvalidOperationException($"{missing} area(s), indicator(s) or the import itself, referred to by the rows, no longer exist; nothing was written.");
        }
    }

    public static async Task UndoAsync(AppDbContext db, ImportSql sql, int importId, CancellationToken cancellationToken)
    {
        await ExecuteAsync(db, sql.DeleteImported, importId, cancellationToken);
        // The replaced rows are kept: they record what the undo put back, and the dashboards apply the undo from them
        // rather than reading every value of the indicators again (ADR 0012). An undone import is never committed again.
        await ExecuteAsync(db, sql.RestoreReplaced, importId, cancellationToken);
    }
}

/// <summary>An <see cref="IAsyncDisposable"/> that does nothing.</summary>
internal sealed class NothingToUndo : IAsyncDisposable
{
    public static readonly NothingToUndo Instance = new();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
